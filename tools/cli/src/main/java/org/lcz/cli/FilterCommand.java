package org.lcz.cli;

import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.RasterException;
import org.lcz.scheme.LczFilter;
import org.lcz.scheme.LczMapFile;

/**
 * {@code ./lcz filter IN.tif OUT.tif [--band N|NAME] [--metres nominal|latitude]}: applies the LCZ
 * Generator's class-specific Gaussian filter ({@link LczFilter}) to an LCZ map a user already has
 * and writes a GeoTIFF on the same grid with the bands {@code lcz} (the input in 1–17) and {@code
 * lczFilter}, nodata 0.
 */
public final class FilterCommand {
  static final String USAGE =
      "usage: ./lcz filter IN.tif OUT.tif [--band N|NAME] [--metres nominal|latitude]";

  private FilterCommand() {}

  public static void main(String[] args) {
    try {
      System.out.println(run(List.of(args)));
    } catch (UsageException e) {
      System.err.println("lcz filter: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    } catch (RasterException | IllegalArgumentException e) {
      System.err.println("lcz filter: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Filters as the arguments say and returns the summary to print. */
  static String run(List<String> args) {
    MapArguments parsed = MapArguments.parse(args, UsageException::new);
    List<String> files = parsed.files();
    String band = parsed.band();
    LczMapFile.Metres metres = parsed.metres();
    if (files.size() != 2) {
      throw new UsageException("give the input map and the output file");
    }
    Path in = Path.of(files.get(0));
    Path out = Path.of(files.get(1));
    if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
      throw new UsageException("the output would overwrite the input");
    }
    LczMapFile map = LczMapFile.read(in, band, metres);
    byte[] classes = map.classes().classes();
    byte[] filtered =
        LczFilter.demuzere()
            .filter(classes, map.cols(), map.rows(), map.cellWidth(), map.cellHeight());
    DataBufferByte data = new DataBufferByte(new byte[][] {classes, filtered}, classes.length);
    Raster raster =
        Raster.createRaster(
            new BandedSampleModel(DataBuffer.TYPE_BYTE, map.cols(), map.rows(), 2), data, null);
    byte[] tiff = GeoTiffWriter.write(raster, map.georeference(), List.of("lcz", "lczFilter"), 0.0);
    try {
      Files.write(out, tiff);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write " + out + ": " + e.getMessage(), e);
    }
    long changed = 0;
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] != filtered[i]) {
        changed++;
      }
    }
    long mapped = map.classes().cells() - map.classes().withoutClass();
    return String.format(
        Locale.ROOT,
        "%s: %d × %d cells of %.1f × %.1f m%s, coding %s; %d cells with a class, %d (%.1f %%)"
            + " changed by the filter → %s (bands lcz, lczFilter)",
        map.name(),
        map.cols(),
        map.rows(),
        map.cellWidth(),
        map.cellHeight(),
        map.geographic() ? " (" + metres.name().toLowerCase(Locale.ROOT) + ")" : "",
        map.classes().coding().label(),
        mapped,
        changed,
        mapped == 0 ? 0.0 : 100.0 * changed / mapped,
        out);
  }

  /** A usage error (exit 2). */
  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }
}
