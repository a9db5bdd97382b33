package org.lcz.ingest.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectStore;

/** What can be trained from: patch sets and training-area files in {@code lcz-datasets}. */
@Path("/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "training")
@Blocking
public class DataSetsResource {
  /** The most objects listed. */
  static final int MAX = 1000;

  @Inject ObjectStore store;

  /**
   * One object of {@code lcz-datasets}.
   *
   * @param kind {@code patches} (HDF5) or {@code areas} (KML, KMZ, GeoJSON)
   */
  public record DataSet(String key, String uri, String kind, long size, Instant lastModified) {}

  @GET
  @Operation(
      summary = "Patch sets and training areas in lcz-datasets, the newest first",
      description = "HDF5 patch sets (.h5) and training-area files (.kml, .kmz, .geojson).")
  public List<DataSet> dataSets() {
    return store.list(Buckets.DATASETS, "").stream()
        .filter(o -> kind(o.ref().key()) != null)
        .sorted(Comparator.comparing(ObjectInfo::lastModified).reversed())
        .limit(MAX)
        .map(
            o ->
                new DataSet(
                    o.ref().key(), o.ref().uri(), kind(o.ref().key()), o.size(), o.lastModified()))
        .toList();
  }

  private static String kind(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.endsWith(".h5") || k.endsWith(".hdf5")) {
      return "patches";
    }
    if (k.endsWith(".kml") || k.endsWith(".kmz") || k.endsWith(".geojson")) {
      return "areas";
    }
    return null;
  }
}
