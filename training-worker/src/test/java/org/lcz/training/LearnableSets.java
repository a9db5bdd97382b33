package org.lcz.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Small learnable data sets (train.h5, val.h5, test.h5 in the MSMLA layout, 17 label columns of
 * which six occur), written by make_learnable_sets.py with Debian's python3 and h5py.
 */
public final class LearnableSets {
  /** Patch edge of the sets: small, so a test trains in seconds. */
  public static final int PATCH = 16;

  /** Training patches; validation and test have a third as many. */
  public static final int TRAIN = 480;

  private LearnableSets() {}

  /** Writes the three files into {@code dir}. */
  public static void write(Path dir) throws IOException, InterruptedException {
    write(dir, TRAIN);
  }

  /** Writes the three files into {@code dir}, {@code train} training patches. */
  public static void write(Path dir, int train) throws IOException, InterruptedException {
    Path script = dir.resolve("make_learnable_sets.py");
    try (InputStream in =
        LearnableSets.class.getResourceAsStream("/org/lcz/training/train/make_learnable_sets.py")) {
      Files.copy(in, script);
    }
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3",
                script.toString(),
                dir.toString(),
                Integer.toString(PATCH),
                Integer.toString(train))
            .inheritIO()
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("make_learnable_sets.py failed (is python3-h5py installed?)");
    }
  }
}
