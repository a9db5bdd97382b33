package org.lcz.ingest.notify;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The fixtures' bands and small tiles, with the inbox poll out of the way: notifications only. */
public class NotificationsOnly implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "lcz.ingest.bands", "B2,B3,B4",
        "lcz.ingest.tile-size", "128",
        "lcz.ingest.inbox-poll-interval", "1h",
        "lcz.ingest.notifications-group", "notifications-test");
  }
}
