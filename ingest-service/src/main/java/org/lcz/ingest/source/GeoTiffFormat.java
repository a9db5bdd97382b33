package org.lcz.ingest.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lcz.raster.SceneRaster;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** One GeoTIFF (or COG) holding every band: {@code *.tif}, {@code *.tiff}. */
public final class GeoTiffFormat implements SceneFormat {
  @Override
  public String name() {
    return "GeoTIFF";
  }

  @Override
  public boolean claims(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith(".tif") || k.endsWith(".tiff");
  }

  @Override
  public boolean ownsFolder() {
    return false;
  }

  @Override
  public Plan plan(ObjectInfo object, ObjectStore store) {
    ObjectRef ref = object.ref();
    return new Plan() {
      @Override
      public List<ObjectRef> parts() {
        return List.of(ref);
      }

      @Override
      public SceneSource open(Map<ObjectRef, Path> local, Path workDir) {
        return GeoTiffFormat.open(local.get(ref));
      }
    };
  }

  /**
   * Opens a local GeoTIFF as a scene, acquired when its {@code ACQUISITION_DATE} metadata or TIFF
   * {@code DateTime} tag says.
   */
  public static SceneSource open(Path file) {
    SceneRaster raster = SceneRaster.open(file);
    return SceneSource.of(
            raster, raster.declaredRadiometry(), "its GDAL band scale and offset", raster)
        .acquiredAt(raster.acquiredAt().orElse(null));
  }
}
