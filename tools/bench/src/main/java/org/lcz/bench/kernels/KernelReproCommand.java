package org.lcz.bench.kernels;

import ai.djl.training.optimizer.Optimizer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code ./lcz kernel-repro}: reproduces the wrong results of PyTorch's CPU kernels on the
 * project's machines outside the platform, layer by layer and for MSMLA-18, under every kernel
 * setting (training worker README, "CPU kernels").
 */
public final class KernelReproCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: ./lcz kernel-repro machine [SPINS]",
          "         without PyTorch (C, built with gcc): the CPU's cache leaves as oneDNN reads",
          "         them; zmm registers and masked loads/stores beside a busy core",
          "       ./lcz kernel-repro matrix [--runs N] [--steps N] [--full]",
          "         every table below in child JVMs, one per kernel setting (ATen × oneDNN ×",
          "         threads × load × denormals; --full: the whole product)",
          "       ./lcz kernel-repro agreement",
          "         the matrix's last part: fast kernels after the self-check against safe ones",
          "         (first gradients; 50 losses with SGD and with Adam)",
          "       ./lcz kernel-repro layers [--runs N] [--batch N] [--patch N] [--self-check]",
          "         each layer type alone, forward and backward, from NaN-filled memory",
          "       ./lcz kernel-repro model [--runs N] [--steps N] [--self-check]",
          "         MSMLA-18: one forward+backward pass and short trainings, repeated",
          "       ./lcz kernel-repro losses [--steps N] [--self-check] [--data train.h5]",
          "         the losses of one short training, one per line; with --data the training",
          "         worker's own run (self-check included) on that patch set; --sgd RATE:",
          "         plain SGD instead of Adam",
          "       ./lcz kernel-repro gradients [--self-check]",
          "         every parameter's gradient after one pass on the first fixed batch",
          "  kernels: set ATEN_CPU_CAPABILITY, ONEDNN_MAX_CPU_ISA, ai.djl.pytorch.num_threads",
          "  --runs N    repetitions (default 5)     --steps N  training steps (default 30)",
          "  --self-check  route convolutions as the training worker does before training",
          "  --flush-denormals  set FTZ and DAZ first (needs -Dlcz.denormals.library, built by ./lcz)");

  private static final Set<String> FLAGS = Set.of("--full", "--self-check", "--flush-denormals");

  private KernelReproCommand() {}

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.exit(run(List.of(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    Deque<String> rest = new ArrayDeque<>(args);
    String command = rest.isEmpty() ? "help" : rest.removeFirst();
    try {
      Map<String, String> o = options(rest);
      int runs = integer(o, "--runs", 5);
      int steps = integer(o, "--steps", 30);
      int batch = integer(o, "--batch", 32);
      int patch = integer(o, "--patch", 48);
      boolean selfCheck = o.containsKey("--self-check");
      if (o.containsKey("--flush-denormals")) {
        out.printf(Locale.ROOT, "NOTE MXCSR 0x%04x (FTZ and DAZ set)%n", Denormals.flush());
      }
      switch (command) {
        case "layers" -> {
          for (LayerRuns.Result r : new LayerRuns(runs, batch, patch, selfCheck).run()) {
            out.println(r.line());
          }
        }
        case "model" -> {
          ModelRuns model = new ModelRuns(batch, patch, selfCheck);
          out.println(model.fixedPasses(runs).line());
          out.println(model.trainings(runs, steps).line());
        }
        case "losses" -> {
          float[] losses =
              o.containsKey("--data")
                  ? DataLosses.of(Path.of(o.get("--data")), steps)
                  : new ModelRuns(batch, patch, selfCheck, optimizer(o)).losses(steps);
          for (int i = 0; i < losses.length; i++) {
            out.printf(Locale.ROOT, "LOSS %d %.9g%n", i + 1, losses[i]);
          }
        }
        case "matrix" -> {
          String library = System.getProperty(Denormals.LIBRARY);
          Path denormals =
              library != null && Files.isRegularFile(Path.of(library)) ? Path.of(library) : null;
          new ConditionMatrix(out, denormals, runs, steps).run(o.containsKey("--full"));
        }
        case "gradients" -> {
          float[] g = new ModelRuns(batch, patch, selfCheck).firstGradients();
          for (int i = 0; i < g.length; i++) {
            out.printf(Locale.ROOT, "GRAD %d %.9g%n", i, g[i]);
          }
        }
        case "agreement" -> new ConditionMatrix(out, null, runs, steps).trajectory();
        case "busy" -> busy();
        case "help", "--help" -> out.println(USAGE);
        default -> {
          err.println("unknown command '" + command + "'\n" + USAGE);
          return 2;
        }
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + USAGE);
      return 2;
    }
  }

  /** Keeps one core busy until killed: the load of the matrix's "other core busy" rows. */
  @SuppressWarnings("InfiniteLoopStatement")
  private static void busy() {
    double x = 1;
    while (true) {
      x = Math.sqrt(x + 1.000001);
      if (x < 0) {
        System.out.println(x);
      }
    }
  }

  /** {@code --sgd RATE} for plain SGD, else Adam at 0.002. */
  private static Supplier<Optimizer> optimizer(Map<String, String> o) {
    if (o.containsKey("--sgd")) {
      float rate = Float.parseFloat(o.get("--sgd"));
      return () -> ModelRuns.sgd(rate);
    }
    return ModelRuns::adam;
  }

  private static Map<String, String> options(Deque<String> rest) {
    Map<String, String> o = new HashMap<>();
    while (!rest.isEmpty()) {
      String key = rest.removeFirst();
      if (FLAGS.contains(key)) {
        o.put(key, "");
      } else if (key.startsWith("--") && !rest.isEmpty()) {
        o.put(key, rest.removeFirst());
      } else {
        throw new IllegalArgumentException("unknown or incomplete option '" + key + "'");
      }
    }
    return o;
  }

  private static int integer(Map<String, String> o, String key, int fallback) {
    String v = o.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 1) {
        throw new IllegalArgumentException(key + " must be at least 1, not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " needs a whole number, not '" + v + "'");
    }
  }
}
