package org.lcz.raster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.lcz.contract.Radiometry;

/**
 * {@code lcz-tiles/scenes/{sceneId}/manifest.json}: the scene's grid and every tile, so a consumer
 * can place each tile without opening it.
 *
 * @param sceneId the scene
 * @param width scene width in pixels
 * @param height scene height in pixels
 * @param crsWkt the CRS as WKT 2
 * @param epsg its EPSG code
 * @param geoTransform GDAL's six numbers of the scene grid (pixel corners)
 * @param groundSampleDistance metres per pixel
 * @param bands band names in tile order
 * @param sampleType the tiles' sample type (GDAL's name, e.g. {@code UInt16})
 * @param radiometry the radiometry of the tiles' reflectance bands (the platform's canonical one;
 *     {@code null} in manifests written before it was recorded)
 * @param nodata the scene's nodata value, if any
 * @param tileSize core edge in pixels
 * @param halo halo in pixels (reflected outside the scene)
 * @param tiles every tile
 * @param maskedShare the share of the scene ingest masked as cloud, shadow or no data (0–1), if
 *     known
 * @param notes what ingest noted while reading the scene (radiometry, masking, reprojection)
 * @param acquiredAt when the imagery was acquired, if the source says ({@code null} when unknown)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SceneManifest(
    String sceneId,
    int width,
    int height,
    String crsWkt,
    int epsg,
    double[] geoTransform,
    double groundSampleDistance,
    List<String> bands,
    String sampleType,
    Radiometry radiometry,
    Double nodata,
    int tileSize,
    int halo,
    List<TileEntry> tiles,
    Double maskedShare,
    List<String> notes,
    Instant acquiredAt) {

  /** A manifest whose acquisition time is unknown. */
  public SceneManifest(
      String sceneId,
      int width,
      int height,
      String crsWkt,
      int epsg,
      double[] geoTransform,
      double groundSampleDistance,
      List<String> bands,
      String sampleType,
      Radiometry radiometry,
      Double nodata,
      int tileSize,
      int halo,
      List<TileEntry> tiles,
      Double maskedShare,
      List<String> notes) {
    this(
        sceneId,
        width,
        height,
        crsWkt,
        epsg,
        geoTransform,
        groundSampleDistance,
        bands,
        sampleType,
        radiometry,
        nodata,
        tileSize,
        halo,
        tiles,
        maskedShare,
        notes,
        null);
  }

  /**
   * One tile: where its core lies in the scene, and its object.
   *
   * @param id {@code row_col}
   * @param coreX first scene column of the core
   * @param coreY first scene row of the core
   * @param key object key in {@code lcz-tiles}
   * @param sha256 the tile file's SHA-256
   */
  public record TileEntry(
      String id,
      int row,
      int col,
      int coreX,
      int coreY,
      int coreWidth,
      int coreHeight,
      String key,
      String sha256) {}

  /** Whether the scene's CRS is projected (its WKT 2 is not a geographic CRS). */
  public boolean projected() {
    return !crsWkt.startsWith("GEOG");
  }

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SceneManifest read(byte[] json) {
    try {
      return JSON.readValue(json, SceneManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a scene manifest: " + e.getMessage(), e);
    }
  }
}
