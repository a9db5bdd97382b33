package org.lcz.inference.assembly;

import java.util.List;
import java.util.Map;
import org.lcz.inference.map.LczTiff;
import org.lcz.inference.map.MapTileFile;
import org.lcz.inference.map.Overviews;

/**
 * The LCZ map on longitude/latitude ({@code lcz-4326.tif}): the same three bands as {@link
 * LczMapCog} ({@code lcz}, {@code lczFilter}, {@code classProbability}), resampled by nearest
 * neighbour onto EPSG:4326 cells of 0.000898315° ({@link LatLonMap}), as a Cloud-Optimized GeoTIFF
 * with the WUDAPT colour table — the grid of the LCZ Generator's own downloads.
 */
public final class LatLonCopy implements SceneProduct {
  private static final LczTiff.Layout LAYOUT = new LczTiff.Layout(LczMapCog.BANDS, true, 0);
  private static final List<Overviews.Kind> KINDS =
      List.of(Overviews.Kind.CLASS, Overviews.Kind.CLASS, Overviews.Kind.CONFIDENCE);

  private final int blockSize;

  public LatLonCopy(int blockSize) {
    this.blockSize = blockSize;
  }

  @Override
  public List<Asset> make(AssembledScene scene, List<Stored> earlier) {
    LatLonMap ll =
        LatLonMap.of(
            scene, List.of(scene.map().classes(), scene.filtered(), scene.map().confidence()));
    LczTiff.Level full = new LczTiff.Level(ll.cols(), ll.rows(), ll.bands());
    byte[] cog =
        LczTiff.write(
            Overviews.pyramid(full, KINDS, 0, blockSize),
            LAYOUT,
            blockSize,
            new LczTiff.Georeference(
                ll.geoTransform(),
                4326,
                false,
                Map.of(
                    MapTileFile.MODEL_VERSION,
                    scene.modelVersion(),
                    "LCZ_SCENE_ID",
                    scene.sceneId())));
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
