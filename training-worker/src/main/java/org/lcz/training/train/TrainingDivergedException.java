package org.lcz.training.train;

/** The loss stopped being a number: the run cannot produce a usable model. */
public class TrainingDivergedException extends RuntimeException {
  public TrainingDivergedException(int epoch, double loss) {
    super(
        "training diverged: the loss is "
            + loss
            + " after epoch "
            + epoch
            + "; no model is published. Lower the learning rate or check the data for extreme"
            + " values");
  }
}
