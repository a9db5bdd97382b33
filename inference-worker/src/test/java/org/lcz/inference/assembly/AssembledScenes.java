package org.lcz.inference.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.lcz.contract.Radiometry;
import org.lcz.inference.map.MapTile;
import org.lcz.raster.CellGrid;
import org.lcz.raster.Gdal;
import org.lcz.raster.SceneManifest;
import org.lcz.scheme.LczFilter;

/** Assembled scenes for the products' tests: a UTM 32N scene of stripes of classes. */
final class AssembledScenes {
  private AssembledScenes() {}

  static final double[] SCENE_GEO = {500000, 10, 0, 5000000, 0, -10};

  /**
   * {@code cols × rows} cells of 100 m: class {@code (x / 3) % 17 + 1} in each cell, a speckle of
   * class 9 every 7th cell of row 5, no class in column 0 of row 0; the mapped class at 70 %, the
   * next class at 20 %, the rest 10 % on class 17 (or 1 when 17 is mapped).
   */
  static AssembledScene stripes(String sceneId, int cols, int rows) {
    return stripes(sceneId, cols, rows, ACQUIRED);
  }

  /** When {@link #stripes(String, int, int)}' imagery was acquired. */
  static final Instant ACQUIRED = Instant.parse("2025-06-01T10:20:31Z");

  /** {@link #stripes(String, int, int)} acquired at {@code acquiredAt} (null: unknown). */
  static AssembledScene stripes(String sceneId, int cols, int rows, Instant acquiredAt) {
    CellGrid grid = new CellGrid(cols * 10, rows * 10, 10);
    SceneMap map = new SceneMap(grid);
    int n = cols * rows;
    byte[] classes = new byte[n];
    byte[] confidence = new byte[n];
    byte[] p = new byte[MapTile.CLASSES * n];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        int i = y * cols + x;
        int c = y == 5 && x % 7 == 3 ? 9 : (x / 3) % 17 + 1;
        if (x == 0 && y == 0) {
          continue;
        }
        classes[i] = (byte) c;
        confidence[i] = 70;
        p[(c - 1) * n + i] = 70;
        p[(c % 17) * n + i] = 20;
        int rest = c == 17 ? 1 : 17;
        p[(rest - 1) * n + i] += 10;
      }
    }
    double[] mapGeo = {SCENE_GEO[0], 100, 0, SCENE_GEO[3], 0, -100};
    map.place(
        grid.cellsOf(0, 0, cols * 10, rows * 10),
        new MapTile(cols, rows, classes, confidence, p, mapGeo, "v1"));
    SceneManifest manifest =
        new SceneManifest(
            sceneId,
            cols * 10,
            rows * 10,
            "PROJCRS[\"WGS 84 / UTM zone 32N\"]",
            32632,
            SCENE_GEO,
            10,
            List.of("B2", "B3", "B4"),
            "UInt16",
            Radiometry.CANONICAL,
            null,
            512,
            24,
            List.of(),
            0.125,
            List.of("masked: 12.5 % of the scene"),
            acquiredAt);
    byte[] filtered = LczFilter.demuzere().filter(map.classes(), cols, rows, 100, 100);
    return new AssembledScene(
        sceneId, manifest, map, filtered, mapGeo, 100, "v1", Instant.parse("2026-11-24T12:00:00Z"));
  }

  /** GDAL's {@code gdalinfo -json} of {@code file}, after GDAL's COG validator has accepted it. */
  static JsonNode validCogInfo(Path dir, Path file) throws Exception {
    assertThat(
            Gdal.run(
                dir,
                List.of(
                    "/usr/bin/python3",
                    "-m",
                    "osgeo_utils.samples.validate_cloud_optimized_geotiff",
                    file.toString())))
        .contains("is a valid cloud optimized GeoTIFF");
    return new ObjectMapper()
        .readTree(Gdal.run(dir, List.of("gdalinfo", "-json", file.toString())));
  }
}
