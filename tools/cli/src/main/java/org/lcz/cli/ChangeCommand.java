package org.lcz.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lcz.raster.RasterException;
import org.lcz.scheme.LczChange;
import org.lcz.scheme.LczMapFile;

/**
 * {@code ./lcz change A.tif B.tif OUT [--band N|NAME] [--metres nominal|latitude]}: the LCZ change
 * from map A to map B ({@link LczChange}). B is brought onto A's grid (nearest neighbour, any CRS)
 * when the grids differ. Writes into the folder OUT: {@code change.tif} (bands {@code from} and
 * {@code to} on A's grid, nodata 0), {@code transitions.csv} and {@code transitions.json} (the 17 ×
 * 17 matrix in km²), {@code transitions.png} and {@code change.png}.
 */
public final class ChangeCommand {
  static final String USAGE =
      "usage: ./lcz change A.tif B.tif OUT [--band N|NAME] [--metres nominal|latitude]";

  private ChangeCommand() {}

  public static void main(String[] args) {
    try {
      System.out.println(run(List.of(args)));
    } catch (UsageException e) {
      System.err.println("lcz change: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    } catch (RasterException | IllegalArgumentException e) {
      System.err.println("lcz change: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Compares as the arguments say and returns the summary to print. */
  static String run(List<String> args) {
    MapArguments parsed = MapArguments.parse(args, UsageException::new);
    List<String> files = parsed.files();
    String band = parsed.band();
    LczMapFile.Metres metres = parsed.metres();
    if (files.size() != 3) {
      throw new UsageException("give the two maps and the output folder");
    }
    LczMapFile a = LczMapFile.read(Path.of(files.get(0)), band, metres);
    LczMapFile b = LczMapFile.read(Path.of(files.get(1)), band, metres);
    Path out = Path.of(files.get(2));
    LczChange.Comparison comparison = LczChange.between(a, b);
    LczChange change = comparison.change();
    try {
      Files.createDirectories(out);
      for (LczChange.ProductFile f : comparison.files()) {
        Files.write(out.resolve(f.name()), f.bytes());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write into " + out + ": " + e.getMessage(), e);
    }
    double km2 = a.cellWidth() * a.cellHeight() / 1e6;
    return String.format(
        Locale.ROOT,
        "%s → %s%s: %d cells in both (%.2f km²), %d changed (%.2f km², %.1f %%) → %s"
            + " (change.tif, transitions.csv/.json/.png, change.png)",
        a.name(),
        b.name(),
        comparison.reprojected()
            ? " (brought onto " + a.name() + "'s grid, nearest neighbour)"
            : "",
        change.compared(),
        change.compared() * km2,
        change.changed(),
        change.changed() * km2,
        change.compared() == 0 ? 0.0 : 100.0 * change.changed() / change.compared(),
        out);
  }

  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }
}
