package org.lcz.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lcz.raster.RasterException;
import org.lcz.raster.SceneRaster;
import org.lcz.scheme.areas.AreaQc;
import org.lcz.scheme.areas.QcReport;
import org.lcz.scheme.areas.SceneCoverage;
import org.lcz.scheme.areas.TrainingAreaException;
import org.lcz.scheme.areas.TrainingAreaFiles;

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
        QcReport.text(file.getFileName().toString(), scene, read, checked), checked.usable());
  }

  /** A usage error (exit 2). */
  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }
}
