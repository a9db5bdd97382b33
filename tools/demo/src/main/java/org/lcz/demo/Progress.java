package org.lcz.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The demo's progress on the terminal: a numbered heading per stage, indented details, and the time
 * each stage took.
 */
final class Progress {
  private static final String INDENT = "        ";

  private final PrintStream out;
  private final int stages;
  private final long startedAt;
  private int stage;
  private String name = "start";
  private long stageStartedAt;

  Progress(PrintStream out, int stages) {
    this.out = out;
    this.stages = stages;
    this.startedAt = System.nanoTime();
  }

  /** Begins the next stage. */
  void stage(String stageName, String what) {
    stage++;
    name = stageName;
    stageStartedAt = System.nanoTime();
    out.printf(Locale.ROOT, "[%d/%d] %-9s %s%n", stage, stages, stageName, what);
    out.flush();
  }

  /** A detail of the current stage. */
  void detail(String format, Object... args) {
    out.println(INDENT + String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /** Ends the current stage with a summary and the time it took. */
  void done(String format, Object... args) {
    out.println(
        INDENT
            + String.format(Locale.ROOT, format, args)
            + " ("
            + format(Duration.ofNanos(System.nanoTime() - stageStartedAt))
            + ")");
    out.flush();
  }

  /** The last line: what the whole demo did and how long it took. */
  void finish(String summary) {
    out.println(summary + " in " + format(elapsed()) + ".");
    out.flush();
  }

  /** The current stage's name. */
  String current() {
    return name;
  }

  /** The time since the demo started. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startedAt);
  }

  /** A duration the way a person reads it: {@code 42 s}, {@code 6 min 05 s}. */
  static String format(Duration d) {
    long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }
}
