package org.lcz.training.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.lcz.training.architectures.Architectures;
import org.lcz.training.data.DatasetException;
import org.lcz.training.model.LczNetwork;
import org.lcz.training.model.ModelSummary;

/**
 * {@code ./lcz summary msmla-18 --bands 10 --classes 17 [--patch 48]}: builds the network and
 * prints its layer table and parameter count. Runs without Kafka or S3; natives come from the
 * classpath ({@code ai.djl.offline=true}).
 */
public final class TrainingCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: ./lcz summary <variant> [--bands N] [--classes N] [--patch N]",
          "  variant       " + String.join(" | ", Architectures.variants()),
          "  --bands       input bands (default 10)",
          "  --classes     output classes (default 17)",
          "  --patch       patch edge in pixels (default 48)",
          TrainCommand.USAGE,
          ExportCommand.USAGE);

  private TrainingCommand() {}

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.exit(run(List.of(args), System.out, System.err, System.console() != null));
  }

  /** Runs a command; returns the process exit code. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    return run(args, out, err, false);
  }

  /**
   * Runs a command; returns the process exit code.
   *
   * @param terminal whether progress may be redrawn in place
   */
  static int run(List<String> args, PrintStream out, PrintStream err, boolean terminal) {
    Deque<String> rest = new ArrayDeque<>(args);
    String command = rest.isEmpty() ? "" : rest.removeFirst();
    try {
      if (command.equals("summary")) {
        return summary(rest, out);
      }
      if (command.equals("export")) {
        if (rest.contains("--help")) {
          out.println(ExportCommand.USAGE);
          return 0;
        }
        return ExportCommand.run(rest, out);
      }
      if (command.equals("train")) {
        if (rest.contains("--help")) {
          out.println(TrainCommand.USAGE);
          return 0;
        }
        try {
          return TrainCommand.run(rest, out, err, terminal);
        } catch (DatasetException e) {
          err.println("lcz: " + e.getMessage());
          return 1;
        }
      }
      err.println(
          command.isEmpty() ? "lcz: no command given" : "lcz: unknown command '" + command + "'");
    } catch (IllegalArgumentException e) {
      err.println("lcz: " + e.getMessage());
    }
    err.println(USAGE);
    return 2;
  }

  private static int summary(Deque<String> rest, PrintStream out) {
    if (rest.isEmpty() || rest.peekFirst().startsWith("--")) {
      throw new IllegalArgumentException("summary needs a variant");
    }
    String variant = Architectures.variant(rest.removeFirst());
    int bands = 10;
    int classes = 17;
    int patch = 48;
    while (!rest.isEmpty()) {
      String option = rest.removeFirst();
      int value = number(option, rest);
      switch (option) {
        case "--bands" -> bands = value;
        case "--classes" -> classes = value;
        case "--patch" -> patch = value;
        default -> throw new IllegalArgumentException("unknown option '" + option + "'");
      }
    }
    LczNetwork net = Architectures.build(variant, bands, classes);
    try (NDManager manager = NDManager.newBaseManager()) {
      net.initialize(manager, DataType.FLOAT32, net.inputShape(1, patch));
      out.print(ModelSummary.of(net, patch).render());
    }
    return 0;
  }

  private static int number(String option, Deque<String> rest) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    String value = rest.removeFirst();
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
    }
  }
}
