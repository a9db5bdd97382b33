package org.lcz.ingest.regions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lcz.events.RegionMapUpdated;
import org.lcz.scheme.LczChange;
import org.lcz.scheme.LczMapFile;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.WorkFolders;

/**
 * The LCZ change of a region between two of its versions ({@link LczChange} on the versions' {@code
 * lczFilter} bands, or {@code lcz}): stored under {@code regions/{name}/change/v{a}-v{b}/} as
 * {@code change.tif} (bands {@code from}, {@code to}), {@code transitions.csv}, {@code
 * transitions.json}, {@code transitions.png} and {@code change.png}.
 */
public final class RegionChange {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What was computed.
   *
   * @param transitions the matrix's JSON (classes, km², cells, totals)
   * @param products every stored file by name
   */
  public record Result(
      String region,
      int from,
      int to,
      String band,
      JsonNode transitions,
      Map<String, String> products) {}

  private final ObjectStore store;
  private final Path workDir;

  public RegionChange(ObjectStore store, Path workDir) {
    this.store = store;
    this.workDir = workDir;
  }

  /** The change from version {@code a} to {@code b} of their region, on {@code band}. */
  public Result between(RegionMapUpdated a, RegionMapUpdated b, String band) {
    Path dir;
    try {
      dir = Files.createTempDirectory(Files.createDirectories(workDir), "change-");
    } catch (IOException e) {
      throw new UncheckedIOException("work folder " + workDir, e);
    }
    try {
      LczMapFile ma = read(a, dir.resolve("a.tif"), band);
      LczMapFile mb = read(b, dir.resolve("b.tif"), band);
      LczChange.Comparison comparison = LczChange.between(ma, mb);
      String prefix =
          "regions/" + a.region() + "/change/v" + a.version() + "-v" + b.version() + "/";
      Map<String, String> products = new LinkedHashMap<>();
      for (LczChange.ProductFile f : comparison.files()) {
        products.put(
            f.name(), store.put(Buckets.MAPS, prefix + f.name(), f.bytes(), f.contentType()).uri());
      }
      LczChange change = comparison.change();
      return new Result(
          a.region(), a.version(), b.version(), band, JSON.readTree(change.json()), products);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      WorkFolders.delete(dir);
    }
  }

  private LczMapFile read(RegionMapUpdated v, Path file, String band) {
    ObjectRef map = v.products().get("map");
    if (map == null) {
      throw new IllegalStateException(
          "version " + v.version() + " of " + v.region() + " has no map product");
    }
    return LczMapFile.read(store.download(map, file), band, LczMapFile.Metres.NOMINAL);
  }
}
