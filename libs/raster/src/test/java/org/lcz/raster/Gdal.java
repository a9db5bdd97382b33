package org.lcz.raster;

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

  /**
   * The points {@code xy} ({x, y} pairs in EPSG:{@code epsg}) in WGS 84 longitude/latitude, as
   * GDAL's OSR transforms them.
   */
  public static double[][] lonLat(Path dir, int epsg, double[]... xy) throws Exception {
    StringBuilder points = new StringBuilder();
    for (double[] p : xy) {
      points.append(String.format(java.util.Locale.ROOT, "(%.6f, %.6f), ", p[0], p[1]));
    }
    String out =
        python(
            dir,
            "from osgeo import osr\ns = osr.SpatialReference(); s.ImportFromEPSG("
                + epsg
                + ")\nt = osr.SpatialReference(); t.ImportFromEPSG(4326)\n"
                + "t.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)\n"
                + "c = osr.CoordinateTransformation(s, t)\n"
                + "for x, y in ("
                + points
                + "):\n"
                + "    p = c.TransformPoint(x, y); print(repr(p[0]), repr(p[1]))\n");
    String[] lines = out.strip().split("\n");
    double[][] lonLat = new double[xy.length][];
    for (int i = 0; i < xy.length; i++) {
      String[] p = lines[i].trim().split(" ");
      lonLat[i] = new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
    }
    return lonLat;
  }
}
