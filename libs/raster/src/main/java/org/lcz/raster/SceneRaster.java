package org.lcz.raster;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.lcz.contract.Radiometry;
import org.lcz.contract.SpectralBands;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.Matrix;

/**
 * A georeferenced GeoTIFF opened for windowed reads through Apache SIS: only the internal tiles or
 * strips a window touches are decoded, so a scene of any size is read with bounded memory. Opening
 * checks what would otherwise pass silently: an encoding SIS reads wrongly ({@link EncodingGuard}),
 * a missing or unknown coordinate reference system, a rotated or sheared grid. Band names are the
 * GDAL band descriptions (else {@code band1}, {@code band2}…).
 */
public final class SceneRaster implements RasterSource, AutoCloseable {
  private final String name;
  private final Path file;
  private final DataStore store;
  private final GridCoverageResource resource;
  private final GridGeometry grid;
  private final TiffTags tags;
  private final List<String> bandNames;
  private final int dataType;
  private final double[] geoTransform;

  private SceneRaster(
      String name,
      Path file,
      DataStore store,
      GridCoverageResource resource,
      GridGeometry grid,
      TiffTags tags,
      List<String> bandNames,
      int dataType,
      double[] geoTransform) {
    this.name = name;
    this.file = file;
    this.store = store;
    this.resource = resource;
    this.grid = grid;
    this.tags = tags;
    this.bandNames = bandNames;
    this.dataType = dataType;
    this.geoTransform = geoTransform;
  }

  /**
   * Opens and checks a GeoTIFF.
   *
   * @throws RasterException naming the file and the problem
   */
  public static SceneRaster open(Path file) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new RasterException(name + ": no such file");
    }
    return open(file, name, file);
  }

  /**
   * Opens and checks a GeoTIFF (a COG) at an {@code http(s)} address: only the header and the
   * internal tiles that reads touch are fetched, by HTTP range requests.
   *
   * @throws RasterException naming the address and the problem
   */
  public static SceneRaster open(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RasterException(uri + ": only http(s) addresses are read remotely");
    }
    return open(uri, uri.toString(), null);
  }

  private static SceneRaster open(Object input, String name, Path file) {
    if (file != null && isEmpty(file)) {
      throw new RasterException(name + ": the file is empty (0 bytes); upload it again");
    }
    DataStore store;
    try {
      store = DataStores.open(input);
    } catch (DataStoreException | RuntimeException e) {
      throw new RasterException(name + ": not a readable GeoTIFF (" + e.getMessage() + ")", e);
    }
    try {
      if (!store.getClass().getSimpleName().equals("GeoTiffStore")) {
        throw new RasterException(
            name + ": not a GeoTIFF (read as " + store.getClass().getSimpleName() + ")");
      }
      GridCoverageResource resource = firstImage(name, store);
      GridGeometry grid = resource.getGridGeometry();
      int bands = resource.getSampleDimensions().size();
      TiffTags tags =
          TiffTags.of(
              store
                  .getNativeMetadata()
                  .orElseThrow(() -> new RasterException(name + ": no TIFF metadata")),
              bands);
      EncodingGuard.check(name, tags);
      EncodingGuard.checkBlocks(name, tags, bands);
      double[] transform = geoTransform(name, horizontal(grid));
      List<String> names = new ArrayList<>();
      for (int b = 0; b < bands; b++) {
        String n = tags.bandNames().get(b);
        names.add(n == null || n.isBlank() ? "band" + (b + 1) : n.trim());
      }
      SceneRaster raster =
          new SceneRaster(
              name, file, store, resource, grid, tags, List.copyOf(names), 0, transform);
      int type = raster.read(0, 0, 1, 1).getSampleModel().getDataType();
      return new SceneRaster(
          name, file, store, resource, grid, tags, raster.bandNames, type, transform);
    } catch (DataStoreException | RuntimeException e) {
      close(store);
      if (e instanceof RasterException r) {
        throw r;
      }
      throw new RasterException(name + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static GridCoverageResource firstImage(String name, DataStore store)
      throws DataStoreException {
    if (store instanceof Aggregate a) {
      for (Resource r : a.components()) {
        if (r instanceof GridCoverageResource g) {
          return g;
        }
      }
    }
    throw new RasterException(name + ": holds no image");
  }

  /**
   * The grid's two horizontal dimensions. SIS gives a GeoTIFF that carries a date (GDAL's {@code
   * ACQUISITION_DATE}, the TIFF {@code DateTime} tag) a third, temporal dimension of one slice; the
   * pixels are the same.
   */
  private static GridGeometry horizontal(GridGeometry grid) {
    return grid.getDimension() > 2 ? grid.selectDimensions(0, 1) : grid;
  }

  /** GDAL's six numbers (x0, dx, rx, y0, ry, dy) of the pixel-corner grid, or an error. */
  private static double[] geoTransform(String name, GridGeometry grid) {
    if (!grid.isDefined(GridGeometry.CRS)) {
      throw new RasterException(
          name
              + ": has no coordinate reference system (or one whose code is unknown); assign one,"
              + " e.g. gdal_translate -a_srs EPSG:32632 in.tif out.tif");
    }
    if (!grid.isDefined(GridGeometry.GRID_TO_CRS)) {
      throw new RasterException(name + ": has no georeferencing (no grid-to-map transform)");
    }
    MathTransform t = grid.getGridToCRS(PixelInCell.CELL_CORNER);
    Matrix m;
    try {
      m = MathTransforms.getMatrix(t);
    } catch (RuntimeException e) {
      m = null;
    }
    if (m == null || m.getNumRow() != 3 || m.getNumCol() != 3) {
      throw new RasterException(name + ": its grid-to-map transform is not affine");
    }
    if (m.getElement(0, 1) != 0 || m.getElement(1, 0) != 0) {
      throw new RasterException(
          name + ": the grid is rotated or sheared; warp it north-up first (gdalwarp)");
    }
    return new double[] {
      m.getElement(0, 2), m.getElement(0, 0), 0, m.getElement(1, 2), 0, m.getElement(1, 1)
    };
  }

  /** The local file, or null when the raster is read over HTTP. */
  public Path file() {
    return file;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int width() {
    return tags.width();
  }

  @Override
  public int height() {
    return tags.height();
  }

  /** Band names, in band order. */
  @Override
  public List<String> bandNames() {
    return bandNames;
  }

  /** The samples' {@link java.awt.image.DataBuffer} type ({@code TYPE_USHORT}…). */
  @Override
  public int dataType() {
    return dataType;
  }

  /** GDAL's nodata value, if the file declares one. */
  @Override
  public Optional<Double> nodata() {
    return Optional.ofNullable(tags.gdalNodata());
  }

  /**
   * The radiometry the file declares for its reflectance bands through GDAL band scale and offset
   * ({@code reflectance = value × scale + offset}), when every reflectance band has the same scale.
   */
  public Optional<Radiometry> declaredRadiometry() {
    Double scale = null;
    double offset = 0;
    for (int b = 0; b < bandNames.size(); b++) {
      if (!SpectralBands.isReflectance(bandNames.get(b))) {
        continue;
      }
      Double s = tags.bandScales().get(b);
      Double o = tags.bandOffsets().get(b);
      if (s == null || !(s > 0)) {
        return Optional.empty();
      }
      if (scale != null && (!scale.equals(s) || offset != (o == null ? 0 : o))) {
        return Optional.empty();
      }
      scale = s;
      offset = o == null ? 0 : o;
    }
    if (scale == null) {
      return Optional.empty();
    }
    return Optional.of(Radiometry.ofScaleAndOffset(scale, offset));
  }

  /** GDAL metadata items that name the acquisition, in the order they are believed. */
  public static final List<String> ACQUISITION_ITEMS =
      List.of("ACQUISITION_DATE", "ACQUISITION_DATETIME", "SENSING_TIME");

  /**
   * When the imagery was acquired, as the file says: GDAL's {@code ACQUISITION_DATE} (or {@code
   * ACQUISITION_DATETIME}, {@code SENSING_TIME}) metadata item, else the TIFF {@code DateTime} tag;
   * empty when neither holds a time.
   */
  public Optional<Instant> acquiredAt() {
    for (String item : ACQUISITION_ITEMS) {
      Optional<Instant> at = AcquisitionTime.parse(tags.datasetMetadata().get(item));
      if (at.isPresent()) {
        return at;
      }
    }
    return AcquisitionTime.parse(tags.datasetMetadata().get(TiffTags.DATETIME));
  }

  /** The TIFF facts the guards looked at. */
  public TiffTags tags() {
    return tags;
  }

  /** GDAL's geotransform: x0, pixel width, 0, y0, 0, pixel height (negative for north-up). */
  @Override
  public double[] geoTransform() {
    return geoTransform.clone();
  }

  /** The coordinate reference system. */
  @Override
  public CoordinateReferenceSystem crs() {
    return horizontal(grid).getCoordinateReferenceSystem();
  }

  /**
   * Where the pixels are, for writing tiles: the geotransform and the CRS's EPSG code.
   *
   * @throws RasterException if the CRS has no EPSG code
   */
  public GeoTiffWriter.Georeference georeference() {
    return Georeferencing.of(this);
  }

  /** The CRS as WKT 2. */
  public String crsWkt() {
    return Georeferencing.wkt(crs());
  }

  /**
   * Reads the window of {@code w × h} pixels at ({@code x}, {@code y}) of every band; the returned
   * raster's pixel (0, 0) is the window's first pixel. Only the internal tiles or strips the window
   * touches are decoded.
   */
  @Override
  public Raster read(int x, int y, int w, int h) {
    RasterSource.requireWindow(this, x, y, w, h);
    String what = w + "×" + h + " at (" + x + ", " + y + ")";
    GridExtent all = grid.getExtent();
    long[] low = new long[all.getDimension()];
    long[] high = new long[all.getDimension()];
    for (int d = 2; d < low.length; d++) { // a temporal slice: the one there is
      low[d] = all.getLow(d);
      high[d] = all.getHigh(d);
    }
    low[0] = x;
    low[1] = y;
    high[0] = x + w - 1L;
    high[1] = y + h - 1L;
    GridExtent window = new GridExtent(null, low, high, true);
    try {
      GridCoverage coverage = resource.read(grid.derive().subgrid(window).build());
      GridExtent got = coverage.getGridGeometry().getExtent();
      RenderedImage image = coverage.render(null);
      int dx = (int) (x - got.getLow(0));
      int dy = (int) (y - got.getLow(1));
      return restoreNodata(copy(image, image.getMinX() + dx, image.getMinY() + dy, w, h));
    } catch (DataStoreException | RuntimeException e) {
      throw new RasterException(
          name
              + ": pixels "
              + what
              + " cannot be read ("
              + e.getMessage()
              + "); the file may be truncated or corrupt",
          e);
    }
  }

  /**
   * The {@code w × h} pixels of {@code image} from ({@code x}, {@code y}) as a raster whose first
   * pixel is (0, 0): row copies from each of the image's tiles (Java2D's {@code getData} copies
   * sample by sample).
   */
  private static Raster copy(RenderedImage image, int x, int y, int w, int h) {
    WritableRaster out =
        Raster.createWritableRaster(
            image.getSampleModel().createCompatibleSampleModel(w, h), new Point(0, 0));
    int tx0 = Math.floorDiv(x - image.getTileGridXOffset(), image.getTileWidth());
    int tx1 = Math.floorDiv(x + w - 1 - image.getTileGridXOffset(), image.getTileWidth());
    int ty0 = Math.floorDiv(y - image.getTileGridYOffset(), image.getTileHeight());
    int ty1 = Math.floorDiv(y + h - 1 - image.getTileGridYOffset(), image.getTileHeight());
    Rectangle wanted = new Rectangle(x, y, w, h);
    for (int ty = ty0; ty <= ty1; ty++) {
      for (int tx = tx0; tx <= tx1; tx++) {
        Raster tile = image.getTile(tx, ty);
        Rectangle part = tile.getBounds().intersection(wanted);
        for (int row = part.y; row < part.y + part.height; row++) {
          for (int b = 0; b < out.getNumBands(); b++) {
            RasterRows.copy(tile, part.x, row, b, out, part.x - x, row - y, part.width);
          }
        }
      }
    }
    return out;
  }

  /**
   * SIS hands floating-point samples equal to the file's nodata value over as NaN; this puts the
   * declared value back, so tiles hold what their GDAL_NODATA tag says.
   */
  private Raster restoreNodata(Raster data) {
    Double nodata = tags.gdalNodata();
    int type = data.getSampleModel().getDataType();
    boolean floating = type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
    if (!floating || nodata == null || nodata.isNaN()) {
      return data;
    }
    WritableRaster out =
        data instanceof WritableRaster writable ? writable : data.createCompatibleWritableRaster();
    if (out != data) {
      out.setRect(data);
    }
    int w = data.getWidth();
    double[] row = new double[w];
    for (int b = 0; b < data.getNumBands(); b++) {
      for (int y = 0; y < data.getHeight(); y++) {
        out.getSamples(0, y, w, 1, b, row);
        boolean changed = false;
        for (int x = 0; x < w; x++) {
          if (Double.isNaN(row[x])) {
            row[x] = nodata;
            changed = true;
          }
        }
        if (changed) {
          out.setSamples(0, y, w, 1, b, row);
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    close(store);
  }

  private static void close(DataStore store) {
    try {
      store.close();
    } catch (DataStoreException e) {
      // nothing to release beyond what close tried
    }
  }

  private static boolean isEmpty(Path file) {
    try {
      return Files.size(file) == 0;
    } catch (IOException e) {
      return false; // opening it will say what is wrong
    }
  }
}
