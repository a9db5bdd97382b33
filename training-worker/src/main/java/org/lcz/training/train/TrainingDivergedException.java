package org.lcz.training.train;

/** The loss stopped being a number: the run cannot produce a usable model. */
public class TrainingDivergedException extends RuntimeException {
  public TrainingDivergedException(int epoch, double loss) {
    super(
        "training diverged: the loss is "
            + loss
            + " after epoch "
            + epoch
            + "; no model is published. Lower the learning rate, check the data for extreme"
            + " values, or on a CPU keep PyTorch at one thread ("
            + TorchThreads.PROPERTY
            + "=1)");
  }
}
