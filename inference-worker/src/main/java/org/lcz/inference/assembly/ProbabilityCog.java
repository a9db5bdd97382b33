package org.lcz.inference.assembly;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.lcz.inference.map.LczTiff;
import org.lcz.inference.map.MapTile;
import org.lcz.inference.map.MapTileFile;
import org.lcz.inference.map.Overviews;
import org.lcz.raster.GeoTiffWriter;

/**
 * Every class's probability per cell: a Cloud-Optimized GeoTIFF ({@code probabilities.tif}) of 17
 * uint8 bands in percent (0–100), band {@code v} for LCZ value {@code v}, named {@code LCZ 1
 * Compact highrise} … {@code LCZ G Water}; 255 where a cell has no data (0 % is a probability).
 * Classes the model does not know are 0 %.
 */
public final class ProbabilityCog implements SceneProduct {
  /** The nodata value of the probability bands. */
  public static final int NODATA = 255;

  private static final LczTiff.MapBands LAYOUT =
      new LczTiff.MapBands(MapTileFile.probabilityBandNames(), false, NODATA);
  private static final List<Overviews.Kind> KINDS =
      Collections.nCopies(MapTile.CLASSES, Overviews.Kind.PERCENT);

  private final int blockSize;

  public ProbabilityCog(int blockSize) {
    this.blockSize = blockSize;
  }

  @Override
  public List<Asset> make(AssembledScene scene, List<Stored> earlier) {
    byte[] classes = scene.map().classes();
    List<byte[]> bands = new ArrayList<>();
    List<Map<String, Object>> stac = new ArrayList<>();
    for (int v = 1; v <= MapTile.CLASSES; v++) {
      byte[] p = scene.map().probabilities(v);
      for (int i = 0; i < p.length; i++) {
        if (classes[i] == 0) {
          p[i] = (byte) NODATA;
        }
      }
      bands.add(p);
      stac.add(
          Map.of(
              "name",
              LAYOUT.bandNames().get(v - 1),
              "data_type",
              "uint8",
              "nodata",
              NODATA,
              "unit",
              "percent"));
    }
    GeoTiffWriter.Level full = new GeoTiffWriter.Level(scene.cols(), scene.rows(), bands);
    byte[] cog =
        LczTiff.write(
            Overviews.pyramid(full, KINDS, NODATA, blockSize),
            LAYOUT,
            blockSize,
            LczMapCog.georeference(scene));
    return List.of(
        new Asset(
            "probabilities",
            "probabilities.tif",
            cog,
            LczMapCog.COG,
            "Probability of each LCZ class, percent",
            List.of("data"),
            Map.of("raster:bands", stac)));
  }
}
