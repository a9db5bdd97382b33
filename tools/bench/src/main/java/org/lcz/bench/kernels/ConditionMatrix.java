package org.lcz.bench.kernels;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reproduction in child JVMs, one per {@link Condition} (the kernel settings are read by
 * PyTorch and oneDNN once per process), and prints the results as Markdown tables.
 */
final class ConditionMatrix {
  /** Longest a child may run before it is killed and reported as such. */
  private static final long CHILD_MINUTES = 30;

  private final PrintStream out;
  private final Path denormalsLibrary;
  private final int runs;
  private final int steps;

  /**
   * @param denormalsLibrary the native library of {@link Denormals}, or null when none could be
   *     built: the denormal rows are then left out and said so
   */
  ConditionMatrix(PrintStream out, Path denormalsLibrary, int runs, int steps) {
    this.out = out;
    this.denormalsLibrary = denormalsLibrary;
    this.runs = runs;
    this.steps = steps;
  }

  /** The conditions of the whole-network table: every kernel pair, then the variations. */
  List<Condition> modelConditions(boolean full) {
    List<Condition> conditions = new ArrayList<>();
    String[] atens = {"default", "avx2", "avx512"};
    String[] isas = {"SSE41", "AVX2", "ALL"};
    for (String aten : atens) {
      for (String isa : isas) {
        Condition c = new Condition(aten, isa, 1, false, false);
        conditions.add(c);
        if (full) {
          conditions.add(c.withThreads(2));
          conditions.add(c.loaded());
          conditions.add(c.withThreads(2).loaded());
          if (denormalsLibrary != null) {
            conditions.add(c.flushed());
          }
        }
      }
    }
    if (!full) {
      for (Condition c : List.of(Condition.safe(), Condition.fast())) {
        conditions.add(c.withThreads(2));
        conditions.add(c.loaded());
        conditions.add(c.withThreads(2).loaded());
        if (denormalsLibrary != null) {
          conditions.add(c.flushed());
        }
      }
    }
    return conditions;
  }

  /** Everything: layers per oneDNN setting, the network per condition, fast against safe losses. */
  void run(boolean full) {
    out.println("## Layers alone (" + runs + " runs each, from NaN-filled memory)");
    out.println();
    for (String isa : List.of("SSE41", "AVX2", "ALL")) {
      Condition c = new Condition("auto", isa, 1, false, false);
      out.println("### " + c.label());
      out.println();
      out.println(
          "| layer | runs | runs with NaN/∞ | runs ≠ first | max error vs float64 (y / dx / dw) |");
      out.println("| --- | ---: | ---: | ---: | --- |");
      for (String line : child(c, List.of("layers", "--runs", "" + runs))) {
        if (line.startsWith("RESULT layer|")) {
          String[] f = line.substring("RESULT layer|".length()).split("\\|", -1);
          out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", f[0], f[1], f[2], f[3], f[4]);
        }
      }
      out.println();
    }
    out.println("## MSMLA-18 as a whole (batch 32, 48 px; " + runs + " runs; " + steps + " steps)");
    out.println();
    out.println(
        "| kernels | forward+backward: runs with NaN/∞ | ≠ first | training: runs with NaN/∞ | ≠ first | note |");
    out.println("| --- | ---: | ---: | ---: | ---: | --- |");
    if (denormalsLibrary == null) {
      out.println(
          "| (denormals flushed: not run, no C compiler to build the library that sets them) | | | | | |");
    }
    for (Condition c : modelConditions(full)) {
      modelRow(c, List.of());
    }
    modelRow(Condition.fast(), List.of("--self-check"));
    out.println();
    trajectory();
  }

  private void modelRow(Condition c, List<String> extra) {
    List<String> args =
        new ArrayList<>(List.of("model", "--runs", "" + runs, "--steps", "" + steps));
    args.addAll(extra);
    String[] fixed = {"?", "?"};
    String[] training = {"?", "?"};
    String note = "";
    String flags = "";
    for (String line : child(c, args)) {
      if (line.startsWith("RESULT model|")) {
        String[] f = line.substring("RESULT model|".length()).split("\\|", -1);
        if (f[0].startsWith("forward")) {
          fixed = new String[] {f[2], f[3]};
        } else {
          training = new String[] {f[2], f[3]};
          note = f[4];
        }
      } else if (line.startsWith("ERROR ")) {
        note = line.substring(6);
      } else if (line.startsWith("NOTE ")) {
        flags = line.substring(5) + "; ";
      }
    }
    note = flags + note;
    out.printf(
        Locale.ROOT,
        "| %s%s | %s | %s | %s | %s | %s |%n",
        c.label(),
        extra.isEmpty() ? "" : ", after the self-check",
        fixed[0],
        fixed[1],
        training[0],
        training[1],
        note);
  }

  /**
   * How close the fast kernels (after the self-check) come to the safe ones: the first pass's
   * gradients, then 50 training steps with plain SGD and with Adam, each beside the same comparison
   * between two exact paths (SSE with one and with two threads).
   */
  void trajectory() {
    Condition safe = Condition.safe();
    Condition sameAten = new Condition("avx512", "SSE41", 1, false, false);
    Condition fast = Condition.fast();
    List<String> check = List.of("--self-check");
    out.println("## Fast kernels after the self-check against safe ones");
    out.println();
    out.println("First forward+backward pass, every parameter's gradient (180,747 values):");
    out.println();
    out.println("| compared | max |Δ| / max |g| | ‖Δ‖ / ‖g‖ |");
    out.println("| --- | ---: | ---: |");
    float[] gSafe = values(child(safe, List.of("gradients")), "GRAD ");
    float[] gSameAten = values(child(sameAten, List.of("gradients")), "GRAD ");
    gradientRow(
        "SSE 2 threads vs SSE 1 thread (two exact paths)",
        values(child(safe.withThreads(2), List.of("gradients")), "GRAD "),
        gSafe);
    float[] gFast = values(child(fast, List.of("gradients", "--self-check")), "GRAD ");
    gradientRow("fast after the self-check vs SSE", gFast, gSafe);
    gradientRow("ATen avx512 + oneDNN SSE41 vs SSE (ATen's rounding alone)", gSameAten, gSafe);
    gradientRow("fast after the self-check vs ATen avx512 + oneDNN SSE41", gFast, gSameAten);
    gradientRow(
        "fast, direct forms (the bug) vs ATen avx512 + oneDNN SSE41",
        values(child(fast, List.of("gradients")), "GRAD "),
        gSameAten);
    out.println();
    int n = 50;
    out.println("The first " + n + " losses (synthetic batches, seed 42):");
    out.println();
    out.println(
        "| optimiser | compared | largest |Δ loss| | at step | first step with |Δ| > 1e-4 |");
    out.println("| --- | --- | ---: | ---: | ---: |");
    for (List<String> optimiser : List.of(List.of("--sgd", "0.05"), List.<String>of())) {
      String name = optimiser.isEmpty() ? "Adam 0.002" : "SGD 0.05";
      List<String> args = new ArrayList<>(List.of("losses", "--steps", "" + n));
      args.addAll(optimiser);
      float[] lSafe = values(child(safe, args), "LOSS ");
      List<String> fastArgs = new ArrayList<>(args);
      fastArgs.addAll(check);
      lossRow(
          name,
          "SSE 2 threads vs SSE 1 thread",
          values(child(safe.withThreads(2), args), "LOSS "),
          lSafe);
      lossRow(
          name, "fast after the self-check vs SSE", values(child(fast, fastArgs), "LOSS "), lSafe);
    }
    out.println();
  }

  private void gradientRow(String what, float[] a, float[] b) {
    double worst = 0;
    double scale = 0;
    double diff = 0;
    double norm = 0;
    int bad = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!Float.isFinite(a[i]) || !Float.isFinite(b[i])) {
        bad++;
        continue;
      }
      double d = Math.abs((double) a[i] - b[i]);
      worst = Math.max(worst, d);
      scale = Math.max(scale, Math.abs(b[i]));
      diff += d * d;
      norm += (double) b[i] * b[i];
    }
    out.printf(
        Locale.ROOT,
        "| %s%s | %.2e | %.2e |%n",
        what,
        bad > 0 ? " (" + bad + " not finite)" : "",
        worst / scale,
        Math.sqrt(diff / norm));
  }

  private void lossRow(String optimiser, String what, float[] a, float[] b) {
    double worst = 0;
    int at = 0;
    int first = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      double d = Math.abs((double) a[i] - b[i]);
      if (!(d <= worst)) {
        worst = d;
        at = i + 1;
      }
      if (first == 0 && !(d <= 1e-4)) {
        first = i + 1;
      }
    }
    out.printf(
        Locale.ROOT,
        "| %s | %s | %.2e | %d | %s |%n",
        optimiser,
        what,
        worst,
        at,
        first == 0 ? "none" : String.valueOf(first));
  }

  /** The values of lines {@code PREFIX index value}, in index order. */
  private static float[] values(List<String> lines, String prefix) {
    List<Float> v = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(prefix)) {
        v.add(Float.parseFloat(line.substring(line.lastIndexOf(' ') + 1)));
      }
    }
    float[] out = new float[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i);
    }
    return out;
  }

  /** Runs this command in a child JVM under {@code c}; returns its output lines. */
  private List<String> child(Condition c, List<String> args) {
    Process busy = null;
    try {
      if (c.busy()) {
        busy = java(List.of("busy"), Map.of()).start();
      }
      ProcessBuilder pb = java(args, c.environment());
      pb.environment().remove("ATEN_CPU_CAPABILITY");
      pb.environment().remove("ONEDNN_MAX_CPU_ISA");
      pb.environment().remove("MKL_ENABLE_INSTRUCTIONS");
      pb.environment().putAll(c.environment());
      List<String> command = new ArrayList<>(pb.command());
      int at = command.indexOf(KernelReproCommand.class.getName());
      command.add(at, "-Dai.djl.pytorch.num_threads=" + c.threads());
      if (c.flushDenormals()) {
        command.add(at, "-D" + Denormals.LIBRARY + "=" + denormalsLibrary);
        command.add("--flush-denormals");
      }
      pb.command(command);
      Path log = Files.createTempFile("kernel-repro", ".log");
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
      Process p = pb.start();
      if (!p.waitFor(CHILD_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        return List.of("ERROR timed out after " + CHILD_MINUTES + " min");
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      if (p.exitValue() != 0) {
        List<String> withError = new ArrayList<>(lines);
        withError.add("ERROR exit " + p.exitValue() + ": " + lastLine(lines));
        return withError;
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      if (busy != null) {
        busy.destroyForcibly();
      }
    }
  }

  private static String lastLine(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank() && !lines.get(i).startsWith("\tat ")) {
        return lines.get(i).strip();
      }
    }
    return "no output";
  }

  private static ProcessBuilder java(List<String> args, Map<String, String> env) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Dai.djl.offline=true");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(KernelReproCommand.class.getName());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    return pb;
  }
}
