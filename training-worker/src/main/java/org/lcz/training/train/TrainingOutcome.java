package org.lcz.training.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.lcz.scheme.AreaBootstrap;
import org.lcz.scheme.ConfusionMatrix;
import org.lcz.training.data.Normalisation;
import org.lcz.training.kernels.KernelReport;

/**
 * What a finished training run produced.
 *
 * @param plan the plan it followed
 * @param bands the input bands, in channel order
 * @param patchSize patch edge in pixels
 * @param normalisation per-band statistics of the training split
 * @param classSupport training patches per class
 * @param classWeights the loss weight of each class
 * @param history one entry per epoch trained
 * @param bestEpoch the epoch whose weights were kept (best validation OA)
 * @param stopReason why training ended
 * @param checkpoint the saved DJL parameters of the best epoch
 * @param evaluation confusion matrix on the evaluation file (rows = truth)
 * @param device where it trained
 * @param duration wall time of the whole run
 * @param byAreas the evaluation's spread over its held-out training areas, when its set records
 *     each patch's area; {@code null} otherwise
 * @param kernels what the CPU kernels' self-check found before training
 */
public record TrainingOutcome(
    TrainingPlan plan,
    List<String> bands,
    int patchSize,
    Normalisation normalisation,
    long[] classSupport,
    float[] classWeights,
    List<EpochStats> history,
    int bestEpoch,
    String stopReason,
    Path checkpoint,
    ConfusionMatrix evaluation,
    String device,
    Duration duration,
    AreaBootstrap.Result byAreas,
    KernelReport kernels) {

  public TrainingOutcome {
    bands = List.copyOf(bands);
    history = List.copyOf(history);
  }

  /** The best epoch's statistics. */
  public EpochStats best() {
    return history.get(bestEpoch - 1);
  }
}
