package org.lcz.ingest.source;

import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sis.util.Utilities;
import org.lcz.raster.Georeferencing;
import org.lcz.raster.RasterException;
import org.lcz.raster.RasterSource;
import org.lcz.raster.ResampledBand;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * The bands of a {@link SceneDefinition} as one raster on the reference band's grid. A band on the
 * same grid is copied; another is resampled ({@link ResampledBand}) as the manifest declares. All
 * files must share the reference's CRS. Samples take the widest type of the files (Float32 when
 * integer and floating-point files mix, Float64 when any file is Float64); resampled values are
 * rounded for integer types.
 */
public final class StackedScene implements RasterSource {
  private final String name;
  private final RasterSource reference;
  private final List<String> names = new ArrayList<>();
  private final List<RasterSource> direct = new ArrayList<>(); // null where resampled
  private final List<Integer> directBand = new ArrayList<>();
  private final List<ResampledBand> resampled = new ArrayList<>(); // null where direct
  private final int dataType;
  private final Double nodata;

  /**
   * @param definition the manifest
   * @param files each file of the manifest, opened
   * @throws RasterException naming the file and what keeps it out of the scene
   */
  public StackedScene(SceneDefinition definition, Map<String, ? extends RasterSource> files) {
    this(SceneDefinition.FILE_NAME, definition, files);
  }

  /**
   * @param name what to call the scene in messages (a product's name)
   * @param definition the bands and their files
   * @param files each file, opened
   * @throws RasterException naming the file and what keeps it out of the scene
   */
  public StackedScene(
      String name, SceneDefinition definition, Map<String, ? extends RasterSource> files) {
    this.name = name;
    SceneDefinition.BandFile ref = definition.referenceBand();
    this.reference = files.get(ref.file());
    this.nodata =
        definition.nodata() != null ? definition.nodata() : reference.nodata().orElse(null);
    double[] grid = reference.geoTransform();
    int type = -1;
    for (SceneDefinition.BandFile b : definition.bands()) {
      RasterSource file = files.get(b.file());
      if (b.bandIndex() >= file.bandNames().size()) {
        throw new RasterException(
            b.file()
                + ": has "
                + file.bandNames().size()
                + " band(s); band "
                + b.band()
                + " (for "
                + b.name()
                + ") does not exist");
      }
      if (!Utilities.equalsIgnoreMetadata(file.crs(), reference.crs())) {
        throw new RasterException(
            b.file()
                + ": its coordinate reference system ("
                + code(file)
                + ") differs from "
                + ref.file()
                + "'s ("
                + code(reference)
                + "); reproject it, e.g. gdalwarp -t_srs "
                + code(reference)
                + " in.tif out.tif");
      }
      names.add(b.name());
      type = type < 0 ? file.dataType() : wider(type, file.dataType());
      boolean sameGrid =
          file.width() == reference.width()
              && file.height() == reference.height()
              && Arrays.equals(file.geoTransform(), grid);
      if (sameGrid) {
        direct.add(file);
        directBand.add(b.bandIndex());
        resampled.add(null);
      } else {
        ResampledBand r =
            new ResampledBand(
                file, b.bandIndex(), grid, b.method(), nodata == null ? Double.NaN : nodata);
        if (nodata == null && !r.covers(0, 0, reference.width(), reference.height())) {
          throw new RasterException(
              b.file()
                  + ": does not cover the whole scene (the grid of "
                  + ref.file()
                  + ") and the scene has no nodata value; extend it, or give \"nodata\" in "
                  + SceneDefinition.FILE_NAME);
        }
        direct.add(null);
        directBand.add(-1);
        resampled.add(r);
      }
    }
    this.dataType = type;
  }

  private static String code(RasterSource r) {
    return Georeferencing.code(r.crs());
  }

  /** The type that holds both: the wider integer, else Float32, or Float64. */
  static int wider(int a, int b) {
    if (a == b) {
      return a;
    }
    if (a == DataBuffer.TYPE_DOUBLE || b == DataBuffer.TYPE_DOUBLE) {
      return DataBuffer.TYPE_DOUBLE;
    }
    if (a == DataBuffer.TYPE_FLOAT || b == DataBuffer.TYPE_FLOAT) {
      return DataBuffer.TYPE_FLOAT;
    }
    boolean signed =
        a == DataBuffer.TYPE_SHORT
            || b == DataBuffer.TYPE_SHORT
            || a == DataBuffer.TYPE_INT
            || b == DataBuffer.TYPE_INT;
    int bytes = Math.max(size(a), size(b));
    if (!signed) {
      return DataBuffer.TYPE_USHORT; // byte + ushort
    }
    // a signed type with an unsigned one of the same size needs the next size up
    boolean unsignedAsWide =
        (a == DataBuffer.TYPE_USHORT || b == DataBuffer.TYPE_USHORT) && bytes == 2;
    return bytes >= 4 || unsignedAsWide ? DataBuffer.TYPE_INT : DataBuffer.TYPE_SHORT;
  }

  private static int size(int type) {
    return DataBuffer.getDataTypeSize(type) / 8;
  }

  /** The reference file: its CRS and georeferencing are the scene's. */
  public RasterSource reference() {
    return reference;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int width() {
    return reference.width();
  }

  @Override
  public int height() {
    return reference.height();
  }

  @Override
  public List<String> bandNames() {
    return List.copyOf(names);
  }

  @Override
  public int dataType() {
    return dataType;
  }

  @Override
  public Optional<Double> nodata() {
    return Optional.ofNullable(nodata);
  }

  @Override
  public double[] geoTransform() {
    return reference.geoTransform();
  }

  @Override
  public CoordinateReferenceSystem crs() {
    return reference.crs();
  }

  @Override
  public Raster read(int x, int y, int w, int h) {
    WritableRaster out =
        Raster.createWritableRaster(new BandedSampleModel(dataType, w, h, names.size()), null);
    double[] values = new double[w * h];
    boolean integer = dataType != DataBuffer.TYPE_FLOAT && dataType != DataBuffer.TYPE_DOUBLE;
    for (int b = 0; b < names.size(); b++) {
      if (direct.get(b) != null) {
        direct.get(b).read(x, y, w, h).getSamples(0, 0, w, h, directBand.get(b), values);
      } else {
        resampled.get(b).read(x, y, w, h, values);
        if (integer) {
          for (int i = 0; i < values.length; i++) {
            values[i] = Math.rint(values[i]);
          }
        }
      }
      out.setSamples(0, 0, w, h, b, values);
    }
    return out;
  }
}
