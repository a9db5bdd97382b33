package org.lcz.raster;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Writes the GDAL fixtures of make_scenes.py (Debian's python3-gdal) into a folder. */
public final class Scenes {
  private Scenes() {}

  public static void write(Path dir) throws Exception {
    Path script = dir.resolve("make_scenes.py");
    try (InputStream in = Scenes.class.getResourceAsStream("make_scenes.py")) {
      Files.copy(in, script);
    }
    Process p =
        new ProcessBuilder("/usr/bin/python3", script.toString(), dir.toString())
            .inheritIO()
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("make_scenes.py failed (is python3-gdal installed?)");
    }
  }

  /** The value make_scenes.py writes at band {@code b}, row {@code y}, column {@code x}. */
  public static double value(int b, int y, int x, double offset) {
    return (37 * y + 11 * x + 101 * b) % 251 + offset;
  }
}
