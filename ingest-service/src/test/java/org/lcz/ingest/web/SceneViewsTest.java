package org.lcz.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plain parts of {@link SceneViews}; views from the real store in ScenesResourceTest. */
class SceneViewsTest {
  @Test
  void theExtentIsMinXMinYMaxXMaxYWhicheverWayTheGridRuns() {
    // north-up: 300 × 200 px of 10 m from (500000, 5000000)
    assertThat(SceneViews.extent(new double[] {500000, 10, 0, 5000000, 0, -10}, 300, 200))
        .containsExactly(500000, 4998000, 503000, 5000000);
    // south-up
    assertThat(SceneViews.extent(new double[] {500000, 10, 0, 5000000, 0, 10}, 300, 200))
        .containsExactly(500000, 5000000, 503000, 5002000);
  }
}
