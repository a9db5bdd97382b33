package org.lcz.inference.assembly;

import java.util.List;
import java.util.Map;
import org.lcz.inference.map.LczTiff;
import org.lcz.inference.map.Overviews;
import org.lcz.raster.GeoTiffWriter;

/**
 * The LCZ map on longitude/latitude ({@code lcz-4326.tif}): the same three bands as {@link
 * LczMapCog} ({@code lcz}, {@code lczFilter}, {@code classProbability}), resampled by nearest
 * neighbour onto EPSG:4326 cells of 0.000898315° ({@link LatLonMap}), as a Cloud-Optimized GeoTIFF
 * with the WUDAPT colour table — the grid of the LCZ Generator's own downloads.
 */
public final class LatLonCopy implements SceneProduct {
  private final int blockSize;

  public LatLonCopy(int blockSize) {
    this.blockSize = blockSize;
  }

  @Override
  public List<Asset> make(AssembledScene scene, List<Stored> earlier) {
    LatLonMap ll = LatLonMap.of(scene, LczMapCog.bands(scene));
    GeoTiffWriter.Level full = new GeoTiffWriter.Level(ll.cols(), ll.rows(), ll.bands());
    byte[] cog =
        LczTiff.write(
            Overviews.pyramid(full, LczMapCog.KINDS, LczMapCog.LAYOUT.nodata(), blockSize),
            LczMapCog.LAYOUT,
            blockSize,
            LczMapCog.georeference(scene, ll.geoTransform(), 4326, false));
    return List.of(
        new Asset(
            "map-4326",
            "lcz-4326.tif",
            cog,
            LczMapCog.COG,
            "LCZ map on longitude/latitude (EPSG:4326; lcz, lczFilter, classProbability)",
            List.of("data"),
            Map.of(
                "proj:code",
                "EPSG:4326",
                "proj:epsg",
                4326,
                "proj:shape",
                List.of(ll.rows(), ll.cols()),
                "proj:transform",
                List.of(
                    ll.geoTransform()[1],
                    0.0,
                    ll.geoTransform()[0],
                    0.0,
                    ll.geoTransform()[5],
                    ll.geoTransform()[3]))));
  }
}
