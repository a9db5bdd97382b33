package org.lcz.ingest.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.lcz.ingest.status.SceneReport;

/**
 * What the web page shows of one scene: where it lies, its quicklook, the map's layers, the legend
 * with each class's share, and links to every product. URLs are the ingest service's own ({@code
 * /scenes/{id}/files/…}), so the browser needs no access to the object store.
 *
 * @param epsg the scene's CRS, once tiled
 * @param extent {@code [minX, minY, maxX, maxY]} of the scene in its CRS, once tiled
 * @param quicklook the true-colour quicklook's URL, if tiling wrote one
 * @param layers the map's layers, once mapped
 * @param legend every class in the raw or filtered map with its share of the classified cells
 * @param maskedShare the share of the scene ingest masked (cloud, nodata), if known
 * @param unclassifiedShare the share of the map's cells without a class
 * @param products every product of the map
 * @param report the scene's status, as {@code GET /scenes/{id}} gives it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SceneView(
    String sceneId,
    Integer epsg,
    double[] extent,
    String quicklook,
    List<Layer> layers,
    List<LegendEntry> legend,
    Double maskedShare,
    Double unclassifiedShare,
    List<Product> products,
    SceneReport report) {

  /** A raster layer drawn over the quicklook. */
  public record Layer(String name, String title, String url, double[] extent) {}

  /**
   * One class of the legend.
   *
   * @param colour {@code #RRGGBB}
   * @param share its share of the raw map's classified cells
   * @param shareFiltered its share of the filtered map's classified cells
   * @param km2 its area in the raw map
   */
  public record LegendEntry(
      int value,
      String code,
      String name,
      String colour,
      double share,
      double shareFiltered,
      double km2) {}

  /** A product of the map: its URL here and its address in the object store. */
  public record Product(String name, String fileName, String url, String uri) {}
}
