package org.lcz.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * One kind of inbox object that names a scene. A new input format is one new implementation, listed
 * in {@link SceneFormats}.
 */
public interface SceneFormat {
  /** The format's name in messages. */
  String name();

  /** Whether an inbox object with this key is of this format. */
  boolean claims(String key);

  /**
   * Whether objects of this format describe a scene made of other files in their folder: GeoTIFFs
   * next to them are their parts, never scenes of their own.
   */
  boolean ownsFolder();

  /**
   * Reads the object (for documents: its text) and says which inbox objects the scene is made of.
   *
   * @throws org.lcz.raster.RasterException saying what is wrong with the object
   */
  Plan plan(ObjectInfo object, ObjectStore store);

  /**
   * Checks an uploaded file of this format as far as it can be checked before the scene is read (a
   * document's syntax, the bands it names); the tiler checks the pixels.
   *
   * @param name the file's name
   * @throws org.lcz.raster.RasterException saying what is wrong
   */
  default void check(String name, Path file) {}

  /** A scene that is known but not yet opened. */
  interface Plan {
    /**
     * The objects to download before {@link #open} (the object itself among them or not); a missing
     * one in the inbox is waited for.
     */
    List<ObjectRef> parts();

    /**
     * Opens the scene from its downloaded parts.
     *
     * @param local each part's local file
     * @param workDir a folder for anything else the format needs to write
     * @throws org.lcz.raster.RasterException naming the file and what is wrong
     */
    SceneSource open(Map<ObjectRef, Path> local, Path workDir);

    /**
     * Downloads {@link #parts()} into {@code dir}, each under its own name (messages name it) in a
     * folder of its own; returns each part's file, for {@link #open}.
     *
     * @throws org.lcz.storage.ObjectStoreException when a part cannot be read (permanent when it
     *     does not exist)
     */
    default Map<ObjectRef, Path> download(ObjectStore store, Path dir) throws IOException {
      Map<ObjectRef, Path> local = new LinkedHashMap<>();
      int n = 0;
      for (ObjectRef part : parts()) {
        Path folder = Files.createDirectories(dir.resolve("part-" + n++));
        local.put(part, store.download(part, folder.resolve(part.fileName())));
      }
      return local;
    }
  }
}
