package org.lcz.bench.model;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.lcz.training.architectures.Architectures;

/**
 * {@code ./lcz benchmark [--batch N] [--iterations N]}: forward and training throughput of every
 * architecture variant on random 10-band 48 px patches, on the training worker's class path.
 */
public final class ModelBenchmarkCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: ./lcz benchmark [--batch N] [--iterations N]",
          "  --batch       patches per batch (default 32)",
          "  --iterations  timed batches per measurement (default 30, after 5 warm-up batches)");

  private ModelBenchmarkCommand() {}

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    try {
      System.exit(run(new ArrayDeque<>(List.of(args)), System.out));
    } catch (IllegalArgumentException e) {
      System.err.println("lcz benchmark: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    }
  }

  /** Runs the benchmark; returns the exit code. */
  static int run(Deque<String> rest, PrintStream out) {
    if (rest.contains("--help")) {
      out.println(USAGE);
      return 0;
    }
    return benchmark(rest, out);
  }

  private static int benchmark(Deque<String> rest, PrintStream out) {
    int batch = 32;
    int iterations = 30;
    while (!rest.isEmpty()) {
      String option = rest.removeFirst();
      int value = number(option, rest);
      switch (option) {
        case "--batch" -> batch = value;
        case "--iterations" -> iterations = value;
        default -> throw new IllegalArgumentException("unknown option '" + option + "'");
      }
    }
    out.println("Throughput, 10 bands, 48×48 patches, " + ModelBenchmark.engine());
    out.printf(
        Locale.ROOT,
        "%-10s %6s %18s %18s%n",
        "variant",
        "batch",
        "forward patches/s",
        "train patches/s");
    for (String variant : Architectures.variants()) {
      ModelBenchmark.Result r = new ModelBenchmark(variant, batch, 48, 10, 5, iterations).run();
      out.printf(
          Locale.ROOT,
          "%-10s %6d %18.0f %18.0f%n",
          variant,
          batch,
          r.forwardPerSecond(),
          r.trainPerSecond());
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
