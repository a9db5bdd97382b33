package org.lcz.common.raster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's GDAL (python3-gdal, gdal-bin) to write fixtures and act as an oracle. */
public final class Gdal {
  private Gdal() {}

  /** Runs a Python script (with {@code from osgeo import gdal} available) in {@code dir}. */
  public static String python(Path dir, String script) throws Exception {
    Path file = Files.createTempFile(dir, "fixture-", ".py");
    Files.writeString(file, script);
    return run(dir, List.of("/usr/bin/python3", file.toString()));
  }

  /** Runs a command in {@code dir} and returns its output; fails on a non-zero exit. */
  public static String run(Path dir, List<String> command) throws Exception {
    Process p =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
    return out;
  }
}
