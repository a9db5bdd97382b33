package org.lcz.ingest.inbox;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The fixtures' three bands, small tiles and a quick inbox poll. */
public class SmallTiles implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "lcz.ingest.bands", "B2,B3,B4",
        "lcz.ingest.tile-size", "128",
        "lcz.ingest.inbox-poll-interval", "500ms");
  }
}
