package org.lcz.raster;

import java.nio.file.Files;
import java.nio.file.Path;
import org.lcz.contract.testing.Prerequisite;

/**
 * The real data of {@code ../shared/realdata/} beside the repository: tests that need it are
 * skipped with a message when it is absent, and fail under {@code CI=true} ({@link Prerequisite}).
 */
public final class RealData {
  private RealData() {}

  /** The folder, found above the working directory. */
  public static Path dir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("realdata");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    Prerequisite.require(false, "../shared/realdata is absent above " + here);
    return null;
  }

  /** The real Sentinel-2 L2A crop (EPSG:4326, reflectance fraction with the offset). */
  public static Path sen2() {
    return file(dir().resolve("sentinel2-l2a-porto-trombetas").resolve("sen2.tif"));
  }

  /**
   * An LCZ map of the real-data folder's {@code lcz-maps/} (e.g. {@code sydney-lcz-generator.tif}).
   */
  public static Path lczMap(String name) {
    return file(dir().resolve("lcz-maps").resolve(name));
  }

  private static Path file(Path f) {
    Prerequisite.require(Files.isRegularFile(f), f + " is absent from the real data");
    return f;
  }
}
