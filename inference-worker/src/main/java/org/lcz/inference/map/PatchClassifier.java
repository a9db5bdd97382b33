package org.lcz.inference.map;

/** Gives class probabilities for batches of normalised NCHW patches. */
public interface PatchClassifier extends AutoCloseable {
  /**
   * Classifies the first {@code count} patches of {@code patches}, writing {@code count × classes}
   * probabilities (patch-major) into {@code probabilities}.
   */
  void classify(float[] patches, int count, float[] probabilities);

  /** How many classes each patch gets a probability for. */
  int classes();

  /** Where the model runs, in words (e.g. {@code CPU (2 threads)}). */
  String device();

  @Override
  void close();
}
