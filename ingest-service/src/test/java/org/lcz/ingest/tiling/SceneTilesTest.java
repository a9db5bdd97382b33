package org.lcz.ingest.tiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lcz.contract.Radiometry;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.RasterSource;
import org.lcz.storage.MinioObjectStore;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;
import org.lcz.storage.RetryPolicy;
import org.lcz.storage.S3Settings;

/**
 * Tiling's failure path. (Tiles stored and read back against the real S3 server of the local stack
 * are the ingest service's {@code SceneTilerTest}; the tiles' pixels are {@code TileCutterTest}'s.)
 */
class SceneTilesTest {
  private static final int TILE = 64;
  private static final int TILE_ROWS = 1000;

  @Test
  void aTileThatCannotBeStoredEndsTheSceneWithoutReadingTheRestOfIt() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing answers there
    }
    Tall scene = new Tall();
    S3Settings nowhere =
        new S3Settings(URI.create("http://127.0.0.1:" + port), "key", "secret", "us-east-1");
    try (ObjectStore store = new MinioObjectStore(nowhere, RetryPolicy.none())) {
      assertThatThrownBy(() -> SceneTiles.store(store, "s", scene, cut()))
          .isInstanceOf(ObjectStoreException.class);
    }
    // tiles in flight are bounded (two per thread) and no tile is started after one failed
    int threads = Runtime.getRuntime().availableProcessors();
    assertThat(scene.rowsRead)
        .as("rows read of %d", TILE * TILE_ROWS)
        .isLessThanOrEqualTo((2 * threads + 3) * TILE);
  }

  private static SceneTiles.Cut cut() {
    return new SceneTiles.Cut(
        new int[] {0},
        List.of("B2"),
        new GeoTiffWriter.Georeference(new double[] {500000, 10, 0, 5000000, 0, -10}, 32632, true),
        "UTM 32N",
        Radiometry.CANONICAL,
        10,
        TILE,
        8,
        null,
        List.of(),
        null);
  }

  /** One tile wide, a thousand tile rows tall, zeros; counts the rows read. */
  private static final class Tall implements RasterSource {
    volatile int rowsRead;

    @Override
    public String name() {
      return "tall";
    }

    @Override
    public int width() {
      return TILE;
    }

    @Override
    public int height() {
      return TILE * TILE_ROWS;
    }

    @Override
    public List<String> bandNames() {
      return List.of("B2");
    }

    @Override
    public int dataType() {
      return DataBuffer.TYPE_USHORT;
    }

    @Override
    public Optional<Double> nodata() {
      return Optional.empty();
    }

    @Override
    public double[] geoTransform() {
      return new double[] {500000, 10, 0, 5000000, 0, -10};
    }

    @Override
    public org.opengis.referencing.crs.CoordinateReferenceSystem crs() {
      return org.apache.sis.referencing.CommonCRS.WGS84.universal(45, 9);
    }

    @Override
    public Raster read(int x, int y, int w, int h) {
      rowsRead += h; // only the reading thread reads
      return Raster.createBandedRaster(DataBuffer.TYPE_USHORT, w, h, 1, null);
    }
  }
}
