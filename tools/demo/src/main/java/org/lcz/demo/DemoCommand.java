package org.lcz.demo;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code ./lcz demo}: runs {@link Demo} and exits 0 when every stage succeeded, 1 with the failing
 * stage's reason otherwise, 2 on a mistaken command line.
 */
public final class DemoCommand {
  private DemoCommand() {}

  public static void main(String[] args) {
    Path home = Path.of(System.getProperty("lcz.home", ".")).toAbsolutePath().normalize();
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(DemoOptions.USAGE);
      return;
    }
    DemoOptions options;
    try {
      options = DemoOptions.parse(List.of(args), home);
    } catch (IllegalArgumentException e) {
      System.err.println("lcz demo: " + e.getMessage());
      System.err.println(DemoOptions.USAGE);
      System.exit(2);
      return;
    }
    // The in-process broker's and S3 server's own logging goes to a file, not between the stages.
    System.setProperty("lcz.demo.log", options.dataDir().resolve("logs/stack.log").toString());
    System.setProperty("logback.configurationFile", "logback-demo.xml");
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();

    Demo demo = new Demo(options, System.out);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  demo.close();
                  System.out.println("lcz demo: platform stopped.");
                },
                "lcz-demo-shutdown"));
    try {
      demo.run();
      if (options.keepRunning()) {
        System.out.printf(
            "The platform keeps running (--keep-running); Ctrl-C stops it. Its web page, with the"
                + " demo's scene, map and training run: http://127.0.0.1:%d/ (API key for uploads"
                + " and training: %s)%n",
            options.platform().httpPort(), demo.apiKey());
        demo.awaitStop();
      }
    } catch (StageFailedException e) {
      System.err.printf("lcz demo: failed at stage '%s': %s%n", e.stage(), e.getMessage());
      System.exit(1);
    } catch (RuntimeException e) {
      System.err.println("lcz demo: " + e.getMessage());
      System.exit(1);
    }
    System.exit(0);
  }
}
