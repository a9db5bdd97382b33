package org.lcz.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.CellGrid;
import org.lcz.raster.SceneRaster;
import org.lcz.scheme.areas.AreaQc;
import org.lcz.scheme.areas.CellSample;
import org.lcz.scheme.areas.CellSampler;
import org.lcz.scheme.areas.SceneCoverage;
import org.lcz.scheme.areas.TrainingAreaFiles;

/** A world's areas written as WUDAPT KML, read back and sampled over the world's own scene. */
class WorldAreasTest {
  @Test
  void areasLieWhollyInTheirClassNeverOverlapAndSampleExactlyTheirCells(@TempDir Path dir)
      throws Exception {
    int[] wanted = new int[17];
    Arrays.fill(wanted, 12); // 3 areas of 4 cells per class
    // a demo-sized world (20 km) holds every class
    SyntheticWorld large = new SyntheticWorld(9, 2000, SyntheticWorld.balanced());
    assertThat(WorldAreas.choose(large, wanted, 1))
        .hasSize(17 * 3)
        .extracting(WorldAreas.Area::lcz)
        .containsOnly(
            java.util.stream.IntStream.rangeClosed(1, 17).boxed().toArray(Integer[]::new));
    // a small one holds some classes: areas of those, as many as wanted
    SyntheticWorld world = new SyntheticWorld(9, 600, SyntheticWorld.balanced());
    List<WorldAreas.Area> areas = WorldAreas.choose(world, wanted, 1);
    assertThat(areas).hasSizeGreaterThan(20);
    areas.stream()
        .collect(java.util.stream.Collectors.groupingBy(WorldAreas.Area::lcz))
        .forEach((c, list) -> assertThat(list).as("class %d", c).hasSizeLessThanOrEqualTo(3));
    Set<Integer> cells = new HashSet<>();
    for (WorldAreas.Area a : areas) {
      for (int y = a.row(); y < a.row() + WorldAreas.SIDE; y++) {
        for (int x = a.col(); x < a.col() + WorldAreas.SIDE; x++) {
          assertThat(world.classAt(x, y)).isEqualTo(a.lcz());
          assertThat(cells.add(y * world.cells() + x)).as("cell %d,%d in two areas", x, y).isTrue();
        }
      }
    }
    assertThat(WorldAreas.choose(world, wanted, 1)).as("seeded").isEqualTo(areas);

    WorldFiles.writeScene(world, dir);
    WorldAreas.writeKml(areas, dir.resolve("areas.kml"));
    TrainingAreaFiles.Read read = TrainingAreaFiles.read(dir.resolve("areas.kml"), "lcz");
    assertThat(read.findings()).isEmpty();
    assertThat(read.areas()).hasSize(areas.size());
    try (SceneRaster scene = SceneRaster.open(dir.resolve("scene.tif"))) {
      SceneCoverage coverage = new SceneCoverage(scene);
      AreaQc.Checked checked = AreaQc.check(read, Optional.of(coverage));
      assertThat(checked.findings()).isEmpty();
      List<CellSample> samples =
          CellSampler.sample(
              checked.areas(),
              coverage,
              CellGrid.of(600, 600, 100, 10),
              scene.geoTransform(),
              200,
              1);
      // each area gives its 2 × 2 cells, labelled as the world's truth
      assertThat(samples).hasSize(areas.size() * WorldAreas.SIDE * WorldAreas.SIDE);
      for (CellSample s : samples) {
        assertThat(s.lcz()).isEqualTo(world.classAt(s.col(), s.row()));
        assertThat(cells).contains(s.row() * world.cells() + s.col());
      }
    }
  }
}
