package org.lcz.deploy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.stack.StackSettings;

/**
 * One local stack per test JVM, on free random ports with a temporary data folder, started on first
 * use and stopped (its folder deleted) when the JVM exits. Tests share it and keep apart by using
 * their own keys, scene ids and consumer groups.
 */
public final class SharedLocalStack {
  private static LocalStack stack;

  private SharedLocalStack() {}

  /** The stack, started if this is the first call. */
  public static synchronized LocalStack get() {
    if (stack == null) {
      Path data;
      try {
        data = Files.createTempDirectory("lcz-test-stack-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      LocalStack started = LocalStack.start(StackSettings.randomPorts(data));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.close();
                    deleteTree(data);
                  },
                  "lcz-test-stack-stop"));
      stack = started;
    }
    return stack;
  }

  private static void deleteTree(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException ignored) {
      // a temporary folder left behind is harmless
    }
  }
}
