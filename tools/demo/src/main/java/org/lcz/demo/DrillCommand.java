package org.lcz.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code ./lcz drill}: runs {@link Drills} on a small demo platform of its own and prints the
 * report; exits 0 when every drill passed, 1 otherwise, 2 on a mistaken command line.
 */
public final class DrillCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: ./lcz drill [--kills N] [--region-kills N] [--broker-down S] [--s3-down S]",
          "                   [demo options]",
          "",
          "Starts a small demo platform (two inference workers, the S3 server in a process of its",
          "own, 160 px tiles), trains a model and maps the world's scene undisturbed; then maps it",
          "again under each fault — an inference worker killed with SIGKILL mid-scene (N trials,",
          "default 10), the broker down S s (default 10), the object store down S s (default 30),",
          "the worker that keeps a region's map killed until N kills struck mid-update (default",
          "5, at most 50) — and sends a corpus of bad inputs through every door. Prints: tiles",
          "mapped, tile events, completions, whether the map equals the undisturbed one, seconds",
          "to recover, the killed worker's tiles' handover; the region's versions and",
          "announcements; and every bad input's outcome.",
          "",
          "demo options (./lcz demo --help) choose the world and the ports; the defaults here are",
          "--size 800 --per-class 30 --epochs 1 --min-oa 0 --data .lcz-data/drill");

  private DrillCommand() {}

  public static void main(String[] args) {
    Path home = Path.of(System.getProperty("lcz.home", ".")).toAbsolutePath().normalize();
    Drills.Options options;
    try {
      options = parse(List.of(args), home);
    } catch (IllegalArgumentException e) {
      System.err.println("lcz drill: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(USAGE);
      return;
    }
    System.setProperty(
        "lcz.demo.log", options.demo().dataDir().resolve("logs/stack.log").toString());
    System.setProperty("logback.configurationFile", "logback-demo.xml");
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Drills drills = new Drills(options, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(drills::close, "lcz-drill-shutdown"));
    try {
      Drills.Report report = drills.run();
      System.exit(report.passed() ? 0 : 1);
    } catch (RuntimeException e) {
      System.err.println("lcz drill: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The drills {@code args} ask for, or null for {@code --help}. */
  static Drills.Options parse(List<String> args, Path home) {
    int kills = 10;
    int regionKills = 5;
    Duration broker = Duration.ofSeconds(10);
    Duration s3 = Duration.ofSeconds(30);
    List<String> demo =
        new ArrayList<>(
            List.of(
                "--size", "800",
                "--per-class", "30",
                "--epochs", "1",
                "--min-oa", "0",
                "--data", home.resolve(".lcz-data/drill").toString()));
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      switch (option) {
        case "--help", "-h" -> {
          return null;
        }
        case "--kills" -> kills = number(option, args, ++i);
        case "--region-kills" -> regionKills = number(option, args, ++i);
        case "--broker-down" -> broker = Duration.ofSeconds(number(option, args, ++i));
        case "--s3-down" -> s3 = Duration.ofSeconds(number(option, args, ++i));
        default -> demo.add(option); // later options win in DemoOptions
      }
    }
    if (kills < 1) {
      throw new IllegalArgumentException("--kills must be at least 1");
    }
    if (regionKills < 1 || regionKills > 50) {
      throw new IllegalArgumentException("--region-kills must be within 1..50");
    }
    return new Drills.Options(
        Drills.platform(DemoOptions.parse(demo, home)), kills, regionKills, broker, s3);
  }

  private static int number(String option, List<String> args, int at) {
    if (at >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    try {
      int n = Integer.parseInt(args.get(at));
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " takes a whole number ≥ 0, not '" + args.get(at) + "'");
    }
  }
}
