package org.lcz.raster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data of {@code ../shared/realdata/} beside the repository; tests that need it are
 * skipped with a message when it is absent.
 */
public final class RealData {
  private RealData() {}

  /** The folder, found above the working directory; skips the calling test when absent. */
  public static Path dir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("realdata");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    assumeTrue(false, "../shared/realdata is absent: skipping the real-data test");
    return null;
  }

  /** The real Sentinel-2 L2A crop (EPSG:4326, reflectance fraction with the offset). */
  public static Path sen2() {
    Path f = dir().resolve("sentinel2-l2a-porto-trombetas").resolve("sen2.tif");
    assumeTrue(Files.isRegularFile(f), f + " is absent: skipping the real-data test");
    return f;
  }

  /**
   * An LCZ map of the real-data folder's {@code lcz-maps/} (e.g. {@code sydney-lcz-generator.tif}).
   */
  public static Path lczMap(String name) {
    Path f = dir().resolve("lcz-maps").resolve(name);
    assumeTrue(Files.isRegularFile(f), f + " is absent: skipping the real-data test");
    return f;
  }
}
