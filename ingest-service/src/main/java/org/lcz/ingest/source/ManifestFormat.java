package org.lcz.ingest.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lcz.contract.Radiometry;
import org.lcz.contract.RadiometryCheck;
import org.lcz.raster.RasterException;
import org.lcz.raster.Resampling;
import org.lcz.raster.SceneRaster;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * A {@code scene.json} manifest naming one GeoTIFF per band in its folder ({@link
 * SceneDefinition}).
 */
public final class ManifestFormat implements SceneFormat {
  /** The largest {@code scene.json} read. */
  static final long MAX_MANIFEST_BYTES = 1 << 20;

  @Override
  public String name() {
    return SceneDefinition.FILE_NAME;
  }

  @Override
  public boolean claims(String key) {
    return key.equals(SceneDefinition.FILE_NAME) || key.endsWith("/" + SceneDefinition.FILE_NAME);
  }

  @Override
  public boolean ownsFolder() {
    return true;
  }

  @Override
  public Plan plan(ObjectInfo object, ObjectStore store) {
    if (object.size() > MAX_MANIFEST_BYTES) {
      throw new RasterException(
          SceneDefinition.FILE_NAME + ": " + object.size() + " bytes is not a scene manifest");
    }
    SceneDefinition definition = SceneDefinition.parse(store.read(object.ref()));
    String key = object.ref().key();
    String folder = key.substring(0, key.lastIndexOf('/') + 1);
    Map<String, ObjectRef> parts = new LinkedHashMap<>();
    for (String f : definition.files()) {
      parts.put(f, ObjectRef.of(object.ref().bucket(), folder + f));
    }
    return new Plan() {
      @Override
      public List<ObjectRef> parts() {
        return List.copyOf(parts.values());
      }

      @Override
      public SceneSource open(Map<ObjectRef, Path> local, Path workDir) {
        Map<String, SceneRaster> open = new LinkedHashMap<>();
        try {
          for (String f : definition.files()) {
            open.put(f, SceneRaster.open(local.get(parts.get(f))));
          }
          StackedScene scene = new StackedScene(definition, open);
          List<Resampling> resampling =
              definition.bands().stream().map(SceneDefinition.BandFile::method).toList();
          return new SceneSource(
              scene,
              resampling,
              Optional.ofNullable(definition.radiometry()).map(Radiometry::parse),
              SceneDefinition.FILE_NAME,
              RadiometryCheck.Trust.EXPLICIT,
              List.of(),
              new ArrayList<>(open.values()),
              null,
              definition.acquiredAt().orElse(null));
        } catch (RuntimeException e) {
          open.values().forEach(SceneRaster::close);
          throw e;
        }
      }
    };
  }
}
