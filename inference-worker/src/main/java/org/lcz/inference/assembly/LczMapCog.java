package org.lcz.inference.assembly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lcz.inference.map.LczTiff;
import org.lcz.inference.map.MapTileFile;
import org.lcz.inference.map.Overviews;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;

/**
 * The scene's LCZ map in the LCZ Generator's band layout, which W2W, LCZ4r and the global LCZ map's
 * users read: a Cloud-Optimized GeoTIFF ({@code lcz.tif}) with the uint8 bands {@code lcz} (raw
 * classes 1–17, WUDAPT colour table), {@code lczFilter} (the class-specific Gaussian filter, the
 * recommended layer) and {@code classProbability} (the raw class's probability, 0–100), nodata 0.
 * W2W takes the band whose name contains {@code lczFilter}; LCZ4r takes band 2: both the filtered
 * map.
 */
public final class LczMapCog implements SceneProduct {
  /** The bands, in the Generator's order. */
  public static final List<String> BANDS = List.of("lcz", "lczFilter", "classProbability");

  static final String COG = "image/tiff; application=geotiff; profile=cloud-optimized";
  static final LczTiff.MapBands LAYOUT = new LczTiff.MapBands(BANDS, true, 0);
  static final List<Overviews.Kind> KINDS =
      List.of(Overviews.Kind.CLASS, Overviews.Kind.CLASS, Overviews.Kind.CONFIDENCE);

  private final int blockSize;

  public LczMapCog(int blockSize) {
    this.blockSize = blockSize;
  }

  @Override
  public List<Asset> make(AssembledScene scene, List<Stored> earlier) {
    List<byte[]> values = new ArrayList<>(bands(scene));
    List<String> names = new ArrayList<>(BANDS);
    List<Overviews.Kind> kinds = new ArrayList<>(KINDS);
    for (AssembledScene.Layer layer : scene.layers()) {
      values.add(layer.values());
      names.add(layer.name());
      kinds.add(layer.kind());
    }
    GeoTiffWriter.Level full = new GeoTiffWriter.Level(scene.cols(), scene.rows(), values);
    byte[] cog =
        LczTiff.write(
            Overviews.pyramid(full, kinds, LAYOUT.nodata(), blockSize),
            new LczTiff.MapBands(names, true, 0),
            blockSize,
            georeference(scene));
    List<Map<String, Object>> bands = new ArrayList<>();
    bands.add(classBand("lcz", "LCZ class as mapped", scene.cellSize()));
    bands.add(
        classBand(
            "lczFilter",
            "LCZ class after the class-specific Gaussian filter (Demuzere et al.)",
            scene.cellSize()));
    bands.add(
        Map.of(
            "name", "classProbability",
            "data_type", "uint8",
            "nodata", 0,
            "unit", "percent",
            "description", "probability of the class in band lcz, 0–100"));
    for (AssembledScene.Layer layer : scene.layers()) {
      bands.add(
          Map.of(
              "name", layer.name(),
              "data_type", "uint8",
              "nodata", 0,
              "unit", layer.unit(),
              "description", layer.description()));
    }
    return List.of(
        new Asset(
            "map",
            "lcz.tif",
            cog,
            COG,
            "LCZ map (" + String.join(", ", names) + ")",
            List.of("data"),
            Map.of("raster:bands", bands)));
  }

  /** The values of {@link #BANDS}, row-major on the scene's cell grid. */
  static List<byte[]> bands(AssembledScene scene) {
    return List.of(scene.map().classes(), scene.filtered(), scene.map().confidence());
  }

  static LczTiff.MapPlacement georeference(AssembledScene scene) {
    return georeference(scene, scene.geoTransform(), scene.epsg(), scene.manifest().projected());
  }

  /** Where a product of {@code scene} lies, with the scene's model version(s) and id. */
  static LczTiff.MapPlacement georeference(
      AssembledScene scene, double[] geoTransform, int epsg, boolean projected) {
    return new LczTiff.MapPlacement(
        geoTransform,
        epsg,
        projected,
        Map.of(MapTileFile.MODEL_VERSION, scene.modelVersion(), "LCZ_SCENE_ID", scene.sceneId()));
  }

  /** A class band's STAC description with the classification extension's 17 classes. */
  static Map<String, Object> classBand(String name, String description, double resolution) {
    Map<String, Object> band = new LinkedHashMap<>();
    band.put("name", name);
    band.put("data_type", "uint8");
    band.put("nodata", 0);
    band.put("spatial_resolution", resolution);
    band.put("description", description);
    List<Map<String, Object>> classes = new ArrayList<>();
    for (LczClass c : LczCatalog.standard().classes()) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("value", c.value());
      k.put("name", "lcz_" + c.code().toLowerCase(Locale.ROOT));
      k.put("description", "LCZ " + c.code() + ": " + c.name());
      k.put("color_hint", c.hex().substring(1));
      classes.add(k);
    }
    classes.add(Map.of("value", 0, "name", "nodata", "description", "not mapped", "nodata", true));
    band.put("classification:classes", classes);
    return band;
  }
}
