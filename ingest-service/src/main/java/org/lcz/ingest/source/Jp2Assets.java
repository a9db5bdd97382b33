package org.lcz.ingest.source;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.sis.referencing.CRS;
import org.lcz.raster.RasterException;
import org.lcz.stac.StacItemDocument;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/**
 * A STAC Item's JPEG 2000 asset (the Copernicus Data Space's {@code B02_10m} …) as one band:
 * decoded by the SAFE path's decoder ({@link Jp2Band}) and placed by the Item's projection
 * extension ({@code proj:code} or {@code proj:epsg}, and {@code proj:transform}), held against
 * {@code proj:shape} and the decoded size.
 */
final class Jp2Assets {
  private Jp2Assets() {}

  /**
   * Refuses an asset the platform could not place.
   *
   * @throws RasterException naming what the Item lacks
   */
  static void requirePlaced(String name, StacItemDocument.Asset asset) {
    StacItemDocument.Projection p = asset.projection();
    if (p.code() == null || p.transform() == null) {
      throw new RasterException(
          name
              + ": asset "
              + asset.key()
              + " is JPEG 2000 and the Item gives no "
              + (p.code() == null ? "proj:code (or proj:epsg)" : "proj:transform")
              + " for it; the platform places JPEG 2000 bands by STAC's projection extension"
              + " (on the asset or in the Item's properties)");
    }
    double[] gt = p.geoTransform();
    if (gt[2] != 0 || gt[4] != 0 || gt[1] <= 0 || gt[5] >= 0) {
      throw new RasterException(
          name
              + ": asset "
              + asset.key()
              + " has proj:transform "
              + Arrays.toString(p.transform())
              + ", not a north-up grid");
    }
  }

  /**
   * Opens the asset's file.
   *
   * @param band the platform's name of its band
   * @throws RasterException if it cannot be decoded or its size is not the Item's {@code
   *     proj:shape}
   */
  static Jp2Band open(String name, String band, StacItemDocument.Asset asset, Path file) {
    requirePlaced(name, asset);
    StacItemDocument.Projection p = asset.projection();
    CoordinateReferenceSystem crs;
    try {
      crs = CRS.forCode(p.code());
    } catch (FactoryException e) {
      throw new RasterException(
          name + ": asset " + asset.key() + " names an unknown CRS " + p.code(), e);
    }
    Jp2Band opened = new Jp2Band(file, band, p.geoTransform(), crs);
    int[] shape = p.shape();
    if (shape != null && (shape[0] != opened.height() || shape[1] != opened.width())) {
      opened.close();
      throw new RasterException(
          name
              + ": asset "
              + asset.key()
              + " is "
              + opened.width()
              + " × "
              + opened.height()
              + " pixels, but its proj:shape says "
              + shape[1]
              + " × "
              + shape[0]);
    }
    return opened;
  }
}
