package org.lcz.ingest.source;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import java.awt.Rectangle;
import java.awt.image.BandedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageReadParam;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.lcz.raster.RasterException;
import org.lcz.raster.RasterSource;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * One band of a JPEG 2000 file (a SAFE product's {@code *_B02_10m.jp2}), decoded with JJ2000
 * (jai-imageio-jpeg2000) and placed by a geotransform and CRS given from the product's metadata.
 * The file is decoded one row of its JPEG 2000 tiles at a time, full width; the last {@value
 * #CACHED_ROWS} decoded rows are kept, so reading a scene from top to bottom decodes each tile once
 * (a 10980² band: ~33 s here, measured in docs/benchmarks.md).
 */
public final class Jp2Band implements RasterSource, AutoCloseable {
  static final int CACHED_ROWS = 2;

  private final Path file;
  private final String name;
  private final double[] geoTransform;
  private final CoordinateReferenceSystem crs;
  private final ImageInputStream in;
  private final J2KImageReader reader;
  private final int width;
  private final int height;
  private final int rowHeight;
  private final int dataType;
  private final Map<Integer, Raster> rows =
      new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Raster> eldest) {
          return size() > CACHED_ROWS;
        }
      };

  /**
   * @param name the band's name
   * @param geoTransform GDAL's geotransform of the band's grid
   * @throws RasterException if the file is not a readable JPEG 2000 image
   */
  public Jp2Band(Path file, String name, double[] geoTransform, CoordinateReferenceSystem crs) {
    this.file = file;
    this.name = name;
    this.geoTransform = geoTransform.clone();
    this.crs = crs;
    try {
      this.in = new FileImageInputStream(file.toFile());
      this.reader = new J2KImageReader(new J2KImageReaderSpi());
      reader.setInput(in);
      this.width = reader.getWidth(0);
      this.height = reader.getHeight(0);
      int th = reader.isImageTiled(0) ? reader.getTileHeight(0) : height;
      this.rowHeight = Math.max(1, Math.min(th, height));
      this.dataType = reader.getRawImageType(0).getSampleModel().getDataType();
    } catch (IOException | RuntimeException e) {
      throw new RasterException(
          file.getFileName() + ": not a readable JPEG 2000 file (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public String name() {
    return file.getFileName().toString();
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public List<String> bandNames() {
    return List.of(name);
  }

  @Override
  public int dataType() {
    return dataType;
  }

  @Override
  public Optional<Double> nodata() {
    return Optional.of(0.0);
  }

  @Override
  public double[] geoTransform() {
    return geoTransform.clone();
  }

  @Override
  public CoordinateReferenceSystem crs() {
    return crs;
  }

  @Override
  public synchronized Raster read(int x, int y, int w, int h) {
    RasterSource.requireWindow(this, x, y, w, h);
    WritableRaster out =
        Raster.createWritableRaster(new BandedSampleModel(dataType, w, h, 1), null);
    int[] values = new int[w];
    for (int r = y / rowHeight; r <= (y + h - 1) / rowHeight; r++) {
      Raster row = row(r);
      int top = r * rowHeight;
      int from = Math.max(y, top);
      int to = Math.min(y + h, top + row.getHeight());
      for (int yy = from; yy < to; yy++) {
        row.getSamples(row.getMinX() + x, row.getMinY() + (yy - top), w, 1, 0, values);
        out.setSamples(0, yy - y, w, 1, 0, values);
      }
    }
    return out;
  }

  private Raster row(int r) {
    Raster cached = rows.get(r);
    if (cached != null) {
      return cached;
    }
    int top = r * rowHeight;
    ImageReadParam p = reader.getDefaultReadParam();
    p.setSourceRegion(new Rectangle(0, top, width, Math.min(rowHeight, height - top)));
    try {
      Raster decoded = reader.read(0, p).getRaster();
      rows.put(r, decoded);
      return decoded;
    } catch (IOException | RuntimeException e) {
      throw new RasterException(
          file.getFileName()
              + ": rows "
              + top
              + "… cannot be decoded ("
              + e.getMessage()
              + "); the file may be truncated or corrupt",
          e);
    }
  }

  @Override
  public void close() {
    reader.dispose();
    try {
      in.close();
    } catch (IOException e) {
      // a file handle; nothing more to release
    }
  }
}
