package org.lcz.bench.kernels;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lcz.training.data.DatasetLayout;
import org.lcz.training.train.TrainingData;
import org.lcz.training.train.TrainingListener;
import org.lcz.training.train.TrainingPlan;
import org.lcz.training.train.TrainingRun;

/**
 * The per-step losses of the training worker's own training run ({@link TrainingRun}: MSMLA-18,
 * batch 32, Adam 0.002, class weights, augmentation, seed 42) on a real patch set, for its first
 * steps: the kernels' effect on the training a user runs, not on a synthetic one.
 */
final class DataLosses {
  /** Ends the run once the steps wanted are in. */
  private static final class Enough extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Enough() {
      super(null, null, false, false);
    }
  }

  private DataLosses() {}

  /** The first {@code steps} losses of training on {@code train}. */
  static float[] of(Path train, int steps) {
    float[] losses = new float[steps];
    Arrays.fill(losses, Float.NaN);
    double[] previousSum = {0};
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onBatch(int epoch, int batch, int batches, double meanLoss) {
            int step = (epoch - 1) * batches + batch;
            if (epoch == 1) {
              double sum = meanLoss * batch;
              losses[step - 1] = (float) (sum - previousSum[0]);
              previousSum[0] = sum;
            }
            if (step >= steps || epoch > 1) {
              throw new Enough();
            }
          }
        };
    TrainingData data =
        new TrainingData(train, Optional.empty(), Optional.empty(), DatasetLayout.MSMLA);
    TrainingPlan plan =
        new TrainingPlan("msmla-18", List.of(), 1, 32, 0.002, 15, 42, 10, 0.5, true);
    try {
      new TrainingRun(data, plan, listener).run(Path.of(System.getProperty("java.io.tmpdir")));
    } catch (Enough done) {
      return losses;
    }
    return losses;
  }
}
