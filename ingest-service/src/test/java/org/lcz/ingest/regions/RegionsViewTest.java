package org.lcz.ingest.regions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionDeleted;
import org.lcz.events.RegionMapUpdated;
import org.lcz.events.RegionMemberMapped;
import org.lcz.storage.ObjectRef;

class RegionsViewTest {
  private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");

  private static RegionDefined defined(Instant at) throws Exception {
    return new RegionDefined(
        "porto",
        new ObjectMapper().readTree("{\"type\": \"Polygon\", \"coordinates\": []}"),
        null,
        null,
        32629,
        100,
        "any",
        at);
  }

  private static RegionMemberMapped member(String scene, Instant completed, Instant definedAt) {
    ObjectRef p = ObjectRef.of("lcz-maps", "scenes/" + scene + "/probabilities.tif");
    return new RegionMemberMapped(
        "porto",
        scene,
        "v1",
        null,
        ObjectRef.of("lcz-maps", "scenes/" + scene + "/lcz.tif"),
        p,
        ObjectRef.of("lcz-maps", "x.json"),
        completed,
        definedAt);
  }

  @Test
  void membersCountFromTheDefinitionVersionsGoOnAndADeletedRegionIsGone() throws Exception {
    RegionsView view = new RegionsView();
    view.record(defined(T1));
    view.record(member("a", T1, T1));
    view.record(member("a", T2, T1)); // mapped again: one member
    view.record(member("b", T1, T1));
    view.record(
        new RegionMapUpdated(
            "porto",
            1,
            List.of(),
            Map.of("map", ObjectRef.of("lcz-maps", "m.tif")),
            0.5,
            5,
            10,
            T1));
    RegionsView.Region r = view.get("porto").orElseThrow();
    assertThat(r.members()).extracting(RegionsView.Member::sceneId).containsExactly("a", "b");
    assertThat(r.latestVersion()).isEqualTo(1);
    assertThat(r.coverage()).isEqualTo(0.5);
    assertThat(r.latest()).containsEntry("map", "s3://lcz-maps/m.tif");

    // defined again: members start anew, versions go on; a member of the old definition is not one
    view.record(defined(T2));
    view.record(member("c", T2, T1));
    assertThat(view.get("porto").orElseThrow().members()).isEmpty();
    assertThat(view.get("porto").orElseThrow().versions()).hasSize(1);

    view.record(new RegionDeleted("porto", T2));
    assertThat(view.get("porto")).isEmpty();
    assertThat(view.all()).isEmpty();
    view.record(defined(T2));
    assertThat(view.get("porto").orElseThrow().versions())
        .as("versions outlive deletion")
        .hasSize(1);
  }
}
