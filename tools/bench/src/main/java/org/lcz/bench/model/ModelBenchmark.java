package org.lcz.bench.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.function.Consumer;
import org.lcz.training.architectures.Architectures;
import org.lcz.training.kernels.KernelSelfCheck;
import org.lcz.training.model.LczNetwork;
import org.lcz.training.train.TorchThreads;

/**
 * Forward-only and training throughput of MSMLA on random patches: warm-up iterations, then timed
 * ones; every batch lives in its own sub-manager so memory stays flat.
 *
 * @param variant the network
 * @param batchSize patches per batch
 * @param patchSize patch edge in pixels
 * @param bands input bands
 * @param warmup untimed iterations first
 * @param iterations timed iterations
 */
public record ModelBenchmark(
    String variant, int batchSize, int patchSize, int bands, int warmup, int iterations) {

  /**
   * What one run measured.
   *
   * @param forwardPerSecond patches per second, inference mode
   * @param trainPerSecond patches per second, forward + backward + Adam step
   * @param lastLoss the loss of the last training step (finite if training works)
   * @param device where it ran
   */
  public record Result(
      String variant,
      int batchSize,
      double forwardPerSecond,
      double trainPerSecond,
      float lastLoss,
      Device device) {}

  /** Runs both measurements. */
  public Result run() {
    try (Model model = Model.newInstance("msmla-bench")) {
      LczNetwork net = Architectures.build(variant, bands, 17);
      model.setBlock(net);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.002f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        Shape input = net.inputShape(batchSize, patchSize);
        trainer.initialize(input);
        // as a training run does: convolutions this machine computes wrongly take their exact form
        KernelSelfCheck.check(net, batchSize, trainer.getManager(), TorchThreads.threads());
        double forward = forwardRate(trainer, input);
        float[] loss = new float[1];
        double train = trainRate(trainer, input, loss);
        return new Result(variant, batchSize, forward, train, loss[0], trainer.getDevices()[0]);
      }
    }
  }

  private double forwardRate(Trainer trainer, Shape input) {
    ParameterStore store = new ParameterStore(trainer.getManager(), false);
    return timed(
        trainer.getManager(),
        batch ->
            trainer
                .getModel()
                .getBlock()
                .forward(store, new NDList(batch.randomNormal(input)), false)
                .singletonOrThrow()
                .toFloatArray());
  }

  private double trainRate(Trainer trainer, Shape input, float[] lastLoss) {
    return timed(
        trainer.getManager(),
        batch -> {
          NDArray x = batch.randomNormal(input);
          NDArray y = batch.randomInteger(0, 17, new Shape(batchSize), DataType.INT32);
          try (GradientCollector gc = trainer.newGradientCollector()) {
            NDList predictions = trainer.forward(new NDList(x));
            NDArray loss = trainer.getLoss().evaluate(new NDList(y), predictions);
            gc.backward(loss);
            lastLoss[0] = loss.getFloat();
          }
          trainer.step();
        });
  }

  /**
   * Runs {@code step} for the warm-up and then the timed batches, each in its own sub-manager of
   * {@code root}; returns the patches per second of the timed ones.
   */
  private double timed(NDManager root, Consumer<NDManager> step) {
    long start = 0;
    for (int i = 0; i < warmup + iterations; i++) {
      if (i == warmup) {
        start = System.nanoTime();
      }
      try (NDManager batch = root.newSubManager()) {
        step.accept(batch);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return (double) iterations * batchSize / seconds;
  }

  /** The engine's name and version, for the report. */
  public static String engine() {
    Engine e = Engine.getInstance();
    return e.getEngineName() + " " + e.getVersion() + " on " + e.defaultDevice();
  }
}
