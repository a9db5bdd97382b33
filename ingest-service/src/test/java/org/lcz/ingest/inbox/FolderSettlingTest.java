package org.lcz.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectRef;

class FolderSettlingTest {
  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

  private Instant now = T;
  private final FolderSettling settling =
      new FolderSettling(
          Duration.ofSeconds(30),
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now;
            }
          });

  private static ObjectInfo object(String key, String etag) {
    return new ObjectInfo(ObjectRef.of("lcz-inbox", key), 100, etag, T);
  }

  private List<String> ready(List<ObjectInfo> listing) {
    List<String> keys = new ArrayList<>();
    settling.ready(listing).forEach(o -> keys.add(o.ref().key()));
    return keys;
  }

  @Test
  void documentsAndTopLevelGeoTiffsAreReadyAtOnce() {
    assertThat(
            ready(
                List.of(
                    object("a.tif", "1"),
                    object("city/scene.json", "2"),
                    object("city/item.json", "3"),
                    object("readme.txt", "4"))))
        .containsExactly("a.tif", "city/scene.json", "city/item.json");
  }

  @Test
  void bandFilesWaitForTheirFolderAndAreNeverScenesOnceTheirManifestCame() {
    List<ObjectInfo> bands = List.of(object("bulk/B2.tif", "1"), object("bulk/B3.tif", "2"));
    assertThat(ready(bands)).isEmpty();
    now = T.plusSeconds(20);
    assertThat(ready(bands)).isEmpty();
    List<ObjectInfo> withManifest = new ArrayList<>(bands);
    withManifest.add(object("bulk/scene.json", "3"));
    now = T.plusSeconds(25);
    assertThat(ready(withManifest)).containsExactly("bulk/scene.json");
    now = T.plusSeconds(600);
    assertThat(ready(withManifest)).containsExactly("bulk/scene.json");
  }

  @Test
  void aLoneGeoTiffIsASceneOnceItsFolderHadNoNewObjectForTheSettlingTime() {
    List<ObjectInfo> one = List.of(object("lone/x.tif", "1"));
    assertThat(ready(one)).isEmpty();
    now = T.plusSeconds(29);
    assertThat(ready(one)).isEmpty();
    // a new object in the folder (any file) starts the wait again
    List<ObjectInfo> two = List.of(object("lone/x.tif", "1"), object("lone/notes.txt", "2"));
    assertThat(ready(two)).isEmpty();
    now = T.plusSeconds(58);
    assertThat(ready(two)).isEmpty();
    now = T.plusSeconds(59);
    assertThat(ready(two)).containsExactly("lone/x.tif");
    // new content under the same key starts it again too
    List<ObjectInfo> replaced = List.of(object("lone/x.tif", "9"), object("lone/notes.txt", "2"));
    assertThat(ready(replaced)).isEmpty();
    now = T.plusSeconds(89);
    assertThat(ready(replaced)).containsExactly("lone/x.tif");
    // another folder is judged on its own
    assertThat(ready(List.of(object("other/y.tif", "1")))).isEmpty();
  }
}
