package org.lcz.common.areas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lcz.common.lcz.LczCatalog;
import org.lcz.common.lcz.LczClass;
import org.lcz.common.raster.RasterException;
import org.lcz.common.raster.SceneRaster;

/**
 * {@code ./lcz areas AREAS.kml|kmz|geojson [--scene SCENE.tif] [--class-property NAME]}: reads
 * training areas and prints their quality control per class and each finding; exits 0 when they can
 * train a model, 1 when not (a class with too few areas, an unreadable file), 2 on a usage error.
 */
public final class AreasCommand {
  static final String USAGE =
      "usage: ./lcz areas AREAS.kml|.kmz|.geojson [--scene SCENE.tif] [--class-property lcz]";

  private AreasCommand() {}

  /** The printed report and whether the areas are usable. */
  record Report(String text, boolean usable) {}

  public static void main(String[] args) {
    try {
      Report r = run(List.of(args));
      System.out.print(r.text());
      System.exit(r.usable() ? 0 : 1);
    } catch (UsageException e) {
      System.err.println("lcz areas: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    } catch (TrainingAreaException | RasterException e) {
      System.err.println("lcz areas: " + e.getMessage());
      System.exit(1);
    }
  }

  static Report run(List<String> args) {
    List<String> files = new ArrayList<>();
    String scene = null;
    String property = "lcz";
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--scene") || a.equals("--class-property")) {
        if (i + 1 >= args.size()) {
          throw new UsageException(a + " needs a value");
        }
        if (a.equals("--scene")) {
          scene = args.get(++i);
        } else {
          property = args.get(++i);
        }
      } else if (a.startsWith("--")) {
        throw new UsageException("unknown option " + a);
      } else {
        files.add(a);
      }
    }
    if (files.size() != 1) {
      throw new UsageException("give one training-area file");
    }
    Path file = Path.of(files.get(0));
    TrainingAreaFiles.Read read = TrainingAreaFiles.read(file, property);
    AreaQc.Checked checked;
    if (scene == null) {
      checked = AreaQc.check(read, Optional.empty());
    } else {
      try (SceneRaster raster = SceneRaster.open(Path.of(scene))) {
        checked = AreaQc.check(read, Optional.of(new SceneCoverage(raster)));
      }
    }
    return new Report(
        report(file.getFileName().toString(), scene, read, checked), checked.usable());
  }

  public static String report(
      String name, String scene, TrainingAreaFiles.Read read, AreaQc.Checked checked) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%s: %d training areas read%s%n",
            name,
            read.areas().size(),
            scene == null
                ? " (no scene given: not checked against one)"
                : ", checked against " + scene));
    Map<Integer, long[]> perClass = new TreeMap<>();
    read.areas().forEach(a -> perClass.computeIfAbsent(a.lcz(), k -> new long[2])[0]++);
    Map<Integer, Double> km2 = new TreeMap<>();
    for (TrainingArea a : checked.areas()) {
      perClass.computeIfAbsent(a.lcz(), k -> new long[2])[1]++;
      km2.merge(a.lcz(), LocalMetres.area(a.geometry()) / 1e6, Double::sum);
    }
    out.append(
        String.format(Locale.ROOT, "%-4s %-22s %5s %5s %9s%n", "LCZ", "", "read", "used", "km²"));
    LczCatalog catalog = LczCatalog.standard();
    perClass.forEach(
        (c, n) -> {
          LczClass k = catalog.byValue(c);
          out.append(
              String.format(
                  Locale.ROOT,
                  "%-4s %-22s %5d %5d %9.3f%n",
                  k.code(),
                  k.name(),
                  n[0],
                  n[1],
                  km2.getOrDefault(c, 0.0)));
        });
    long errors = checked.findings().stream().filter(f -> f.level() == Finding.Level.ERROR).count();
    long warnings =
        checked.findings().stream().filter(f -> f.level() == Finding.Level.WARNING).count();
    out.append(
        String.format(
            Locale.ROOT,
            "%d findings: %d errors, %d warnings, %d notes%n",
            checked.findings().size(),
            errors,
            warnings,
            checked.findings().size() - errors - warnings));
    checked.findings().forEach(f -> out.append("  ").append(f).append(System.lineSeparator()));
    out.append(
        checked.usable()
            ? String.format(
                Locale.ROOT,
                "usable: %d areas in %d classes%n",
                checked.areas().size(),
                checked.keptPerClass().size())
            : "not usable: a class has fewer than "
                + AreaQc.MIN_AREAS_PER_CLASS
                + " usable areas"
                + System.lineSeparator());
    return out.toString();
  }

  /** A usage error (exit 2). */
  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }
}
