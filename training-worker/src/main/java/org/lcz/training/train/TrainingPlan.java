package org.lcz.training.train;

import java.util.List;
import org.lcz.training.architectures.Architectures;

/**
 * Everything that decides a training run besides its data: architecture, bands and the
 * hyper-parameters. The learning rate follows a step decay: it is multiplied by {@code decayFactor}
 * every {@code decayEvery} epochs.
 *
 * @param variant the architecture variant, as the registry names it ({@code msmla-18})
 * @param bands input band names in channel order; empty for every band of the data set
 * @param epochs the most epochs to train
 * @param batchSize patches per training step
 * @param learningRate the initial learning rate (Adam)
 * @param patience epochs without a better validation OA before training stops
 * @param seed seeds weights, batch order and augmentation
 * @param decayEvery epochs between learning-rate decays
 * @param decayFactor what each decay multiplies the learning rate by
 * @param augment whether training patches are randomly flipped and rotated by multiples of 90°
 * @param batchReducedFrom the batch size asked for (or the default) when the training set was
 *     smaller and the batch was reduced to the set's size ({@link #fittedTo}); {@code null}
 *     otherwise
 */
public record TrainingPlan(
    String variant,
    List<String> bands,
    int epochs,
    int batchSize,
    double learningRate,
    int patience,
    long seed,
    int decayEvery,
    double decayFactor,
    boolean augment,
    Integer batchReducedFrom) {

  /** A plan whose batch size is as asked. */
  public TrainingPlan(
      String variant,
      List<String> bands,
      int epochs,
      int batchSize,
      double learningRate,
      int patience,
      long seed,
      int decayEvery,
      double decayFactor,
      boolean augment) {
    this(
        variant,
        bands,
        epochs,
        batchSize,
        learningRate,
        patience,
        seed,
        decayEvery,
        decayFactor,
        augment,
        null);
  }

  public TrainingPlan {
    if (variant == null) {
      throw new IllegalArgumentException("a training plan needs a variant");
    }
    variant = Architectures.variant(variant);
    bands = bands == null ? List.of() : List.copyOf(bands);
    if (bands.stream().distinct().count() != bands.size()) {
      throw new IllegalArgumentException("bands are named twice: " + bands);
    }
    positive(epochs, "epochs");
    if (batchSize < 2) {
      throw new IllegalArgumentException(
          "batchSize must be at least 2 (batch normalisation needs it), got " + batchSize);
    }
    if (!(learningRate > 0) || learningRate > 1) {
      throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
    }
    positive(patience, "patience");
    positive(decayEvery, "decayEvery");
    if (!(decayFactor > 0) || decayFactor > 1) {
      throw new IllegalArgumentException("decayFactor must be in (0, 1], got " + decayFactor);
    }
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  /**
   * This plan for a training set of {@code patches}: itself when the set holds at least one batch;
   * else, when the batch size was not fixed by the request, the plan with batches of the whole set
   * ({@link #batchReducedFrom} saying from what). Small first sets — the 25 areas of one city — are
   * how users start.
   *
   * @param batchFixed whether the request (or the command line) set the batch size
   * @throws IllegalArgumentException with the reason and the way forward when the set cannot train
   */
  public TrainingPlan fittedTo(long patches, boolean batchFixed) {
    if (patches >= batchSize) {
      return this;
    }
    if (patches < 2) {
      throw new IllegalArgumentException(
          "the training set has "
              + patches
              + " patch"
              + (patches == 1 ? "" : "es")
              + "; training needs at least 2 (batch normalisation)");
    }
    if (batchFixed) {
      throw new IllegalArgumentException(
          "the training set has "
              + patches
              + " patches, fewer than one batch of "
              + batchSize
              + "; ask for \"batchSize\": "
              + Math.min(patches, 8)
              + " (any value from 2 to "
              + patches
              + "), or leave it out to train with batches of the whole set");
    }
    return new TrainingPlan(
        variant,
        bands,
        epochs,
        (int) patches,
        learningRate,
        patience,
        seed,
        decayEvery,
        decayFactor,
        augment,
        batchSize);
  }

  /** The learning rate during epoch {@code epoch} (from 1). */
  public double learningRateAt(int epoch) {
    return learningRate * Math.pow(decayFactor, (epoch - 1) / decayEvery);
  }
}
