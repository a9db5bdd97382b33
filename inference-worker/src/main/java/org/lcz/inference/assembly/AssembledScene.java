package org.lcz.inference.assembly;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lcz.inference.map.Overviews;
import org.lcz.raster.SceneManifest;

/**
 * A scene whose map tiles are all placed: what every {@link SceneProduct} is made from.
 *
 * @param map the raw map (classes, confidence, class probabilities) on the scene's cell grid
 * @param filtered the class-specific Gaussian filter of the raw classes over the whole scene
 * @param geoTransform the map's grid (output cells) in the scene's CRS
 * @param cellSize the cells' edge in metres
 * @param modelVersion the model version, or all of them (sorted, comma-separated) after a swap
 * @param title what the map is of, for titles ("scene s1", "region porto, version 3")
 * @param layers further uint8 bands of the LCZ map COG after the Generator's three (a region's
 *     {@code observations} and {@code agreement})
 * @param remapModel the model version of a scene's re-map, or null (a scene's first map, a region)
 */
public record AssembledScene(
    String sceneId,
    SceneManifest manifest,
    SceneMap map,
    byte[] filtered,
    double[] geoTransform,
    double cellSize,
    String modelVersion,
    Instant completedAt,
    String title,
    List<Layer> layers,
    String remapModel) {

  /**
   * A further band of the map COG.
   *
   * @param values row-major on the map's grid, 0 where there is no data
   * @param kind how overviews summarise it
   */
  public record Layer(
      String name, String description, String unit, byte[] values, Overviews.Kind kind) {}

  public AssembledScene {
    layers = List.copyOf(layers);
  }

  /** A scene's map: titled by the scene, no further layers. */
  public AssembledScene(
      String sceneId,
      SceneManifest manifest,
      SceneMap map,
      byte[] filtered,
      double[] geoTransform,
      double cellSize,
      String modelVersion,
      Instant completedAt) {
    this(
        sceneId,
        manifest,
        map,
        filtered,
        geoTransform,
        cellSize,
        modelVersion,
        completedAt,
        "scene " + sceneId,
        List.of(),
        null);
  }

  /** This scene map as a re-map by {@code version} (null: as the scene's first map). */
  public AssembledScene remappedBy(String version) {
    return new AssembledScene(
        sceneId,
        manifest,
        map,
        filtered,
        geoTransform,
        cellSize,
        modelVersion,
        completedAt,
        version == null ? title : title + " re-mapped by model " + version,
        layers,
        version);
  }

  public int cols() {
    return map.cols();
  }

  public int rows() {
    return map.rows();
  }

  public int epsg() {
    return manifest.epsg();
  }

  /** When the scene's imagery was acquired, if its source said ({@code null}: unknown). */
  public Instant acquiredAt() {
    return manifest.acquiredAt();
  }

  /** How many tiles each model version mapped. */
  public Map<String, Integer> tilesByModel() {
    return map.tilesByModel();
  }

  /** The map's outline in WGS 84. */
  public Footprint footprint() {
    return Footprint.of(Footprint.crs(manifest.epsg()), geoTransform, cols(), rows());
  }
}
