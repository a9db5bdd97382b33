package org.lcz.ingest.inbox;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The fixtures' three bands, small tiles, a quick inbox poll, small upload and scene limits. */
public class SmallTiles implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "lcz.ingest.bands", "B2,B3,B4",
        "lcz.ingest.tile-size", "128",
        "lcz.ingest.inbox-poll-interval", "500ms",
        "lcz.ingest.folder-settle", "4s",
        "lcz.ingest.max-upload-bytes", "2000000",
        "lcz.ingest.max-scene-pixels", "4000000");
  }
}
