package org.lcz.training.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs make_patch_sets.py with Debian's python3 and h5py (apt-get install python3-h5py). */
public final class PatchSets {
  public static final String PYTHON = "/usr/bin/python3";

  private PatchSets() {}

  /** Writes the fixtures into {@code dir}; returns what the script printed (numpy statistics). */
  public static String write(Path dir) throws IOException, InterruptedException {
    Path script = dir.resolve("make_patch_sets.py");
    try (InputStream in = PatchSets.class.getResourceAsStream("make_patch_sets.py")) {
      Files.copy(in, script);
    }
    Process p =
        new ProcessBuilder(PYTHON, script.toString(), dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("make_patch_sets.py failed (is python3-h5py installed?)");
    }
    return out;
  }
}
