package org.lcz.bench.kernels;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.lcz.training.kernels.KernelReport;
import org.lcz.training.kernels.KernelSelfCheck;
import org.lcz.training.model.Msmla;
import org.lcz.training.model.MsmlaBlock;
import org.lcz.training.model.MsmlaVariant;
import org.lcz.training.train.TorchThreads;

/**
 * MSMLA-18 as a whole, from fixed initial weights (seeded) on fixed batches: one forward and
 * backward pass repeated, and short trainings (Adam, 0.002) repeated, each compared with the first.
 */
final class ModelRuns {
  /** Distinct fixed batches the trainings cycle through. */
  private static final int BATCHES = 4;

  /**
   * Repeated runs of one kind.
   *
   * @param what which runs
   * @param runs how many
   * @param nonFiniteRuns runs with a NaN or infinite loss, gradient or weight
   * @param differingRuns runs not bit-identical to the first
   * @param note what else was seen (the first non-finite step, the self-check's routes)
   */
  record Result(String what, int runs, int nonFiniteRuns, int differingRuns, String note) {
    String line() {
      return String.format(
          Locale.ROOT,
          "RESULT model|%s|%d|%d|%d|%s",
          what,
          runs,
          nonFiniteRuns,
          differingRuns,
          note);
    }
  }

  private final int batch;
  private final int patch;
  private final boolean selfCheck;
  private final Supplier<Optimizer> optimizer;
  private String routes = "";

  ModelRuns(int batch, int patch, boolean selfCheck) {
    this(batch, patch, selfCheck, ModelRuns::adam);
  }

  /**
   * With another optimiser than Adam at 0.002 (plain SGD does not turn rounding into steps); a new
   * one for each run, so that no run starts from another's optimiser state.
   */
  ModelRuns(int batch, int patch, boolean selfCheck, Supplier<Optimizer> optimizer) {
    this.batch = batch;
    this.patch = patch;
    this.selfCheck = selfCheck;
    this.optimizer = optimizer;
  }

  /** Adam at 0.002, as the worker trains. */
  static Optimizer adam() {
    return Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.002f)).build();
  }

  /** Plain SGD at {@code rate}. */
  static Optimizer sgd(float rate) {
    return Optimizer.sgd().setLearningRateTracker(Tracker.fixed(rate)).build();
  }

  /** The gradients of one forward and backward pass on the first fixed batch. */
  float[] firstGradients() {
    return run(1, true);
  }

  /** One forward and backward pass, {@code runs} times; the gradients compared. */
  Result fixedPasses(int runs) {
    float[] first = null;
    int nonFinite = 0;
    int differ = 0;
    for (int r = 0; r < runs; r++) {
      float[] grads = run(1, true);
      nonFinite += Fixtures.nonFinite(grads) > 0 ? 1 : 0;
      if (first == null) {
        first = grads;
      } else if (!Arrays.equals(first, grads)) {
        differ++;
      }
    }
    return new Result("forward+backward, fixed weights", runs, nonFinite, differ, routes);
  }

  /** {@code steps} training steps, {@code runs} times; losses and final weights compared. */
  Result trainings(int runs, int steps) {
    float[] first = null;
    int nonFinite = 0;
    int differ = 0;
    StringBuilder firstBad = new StringBuilder();
    double largest = 0;
    for (int r = 0; r < runs; r++) {
      float[] result = run(steps, false);
      int bad = Fixtures.nonFinite(Arrays.copyOf(result, steps));
      if (bad > 0 || Fixtures.nonFinite(result) > 0) {
        nonFinite++;
        int step = 0;
        while (step < steps && Float.isFinite(result[step])) {
          step++;
        }
        firstBad.append(firstBad.length() == 0 ? "first NaN loss at step " : ", ").append(step + 1);
      }
      if (first == null) {
        first = result;
      } else if (!Arrays.equals(first, result)) {
        differ++;
        for (int k = 0; k < steps; k++) {
          largest = Math.max(largest, Math.abs((double) result[k] - first[k]));
        }
      }
    }
    if (differ > 0 && nonFinite == 0) {
      firstBad.append(
          String.format(Locale.ROOT, "losses at most %.1e from the first run's", largest));
    }
    String note = firstBad + (firstBad.length() > 0 && !routes.isEmpty() ? "; " : "") + routes;
    return new Result(steps + " training steps", runs, nonFinite, differ, note);
  }

  /** The losses of one training of {@code steps} steps. */
  float[] losses(int steps) {
    return Arrays.copyOf(run(steps, false), steps);
  }

  /**
   * One run from the seeded initial weights: with {@code gradientsOnly} the gradients of one pass,
   * else the losses of {@code steps} Adam steps followed by the final weights.
   */
  private float[] run(int steps, boolean gradientsOnly) {
    Engine.getInstance().setRandomSeed(42);
    try (Model model = Model.newInstance("msmla-repro")) {
      MsmlaBlock net = Msmla.builder().setVariant(MsmlaVariant.MSMLA_18).setBands(10).build();
      model.setBlock(net);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer.get());
      try (Trainer trainer = model.newTrainer(config)) {
        int threads = TorchThreads.applyToCurrentThread(trainer.getDevices()[0]);
        trainer.initialize(net.inputShape(batch, patch));
        if (selfCheck) {
          KernelReport report =
              KernelSelfCheck.check(net, batch, trainer.getManager(), Math.max(threads, 1));
          routes = report.routes().size() + " convolution shapes routed by the self-check";
        }
        Fixtures.poison(trainer.getManager());
        float[] losses = new float[steps];
        Shape shape = net.inputShape(batch, patch);
        for (int k = 0; k < steps; k++) {
          try (NDManager m = trainer.getManager().newSubManager()) {
            int b = k % BATCHES;
            NDArray x = m.create(Fixtures.gaussian(1000 + b, (int) shape.size()), shape);
            NDArray y = m.create(Fixtures.labels(2000 + b, batch, 17), new Shape(batch));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList out = trainer.forward(new NDList(x));
              NDArray loss = trainer.getLoss().evaluate(new NDList(y), out);
              gc.backward(loss);
              losses[k] = loss.getFloat();
            }
            if (gradientsOnly) {
              return gradients(net);
            }
            trainer.step();
          }
        }
        float[] weights = weights(net);
        float[] all = Arrays.copyOf(losses, steps + weights.length);
        System.arraycopy(weights, 0, all, steps, weights.length);
        return all;
      }
    }
  }

  private static float[] gradients(MsmlaBlock net) {
    return concat(net, true);
  }

  private static float[] weights(MsmlaBlock net) {
    return concat(net, false);
  }

  private static float[] concat(MsmlaBlock net, boolean gradients) {
    float[] all = new float[0];
    for (Pair<String, Parameter> p : net.getParameters()) {
      NDArray a = p.getValue().getArray();
      if (gradients && !a.hasGradient()) {
        continue;
      }
      float[] v = (gradients ? a.getGradient() : a).toFloatArray();
      int n = all.length;
      all = Arrays.copyOf(all, n + v.length);
      System.arraycopy(v, 0, all, n, v.length);
    }
    return all;
  }
}
