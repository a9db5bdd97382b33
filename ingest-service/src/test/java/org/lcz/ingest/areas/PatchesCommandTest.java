package org.lcz.ingest.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.Gdal;
import org.lcz.raster.RealData;

/** Training areas and a scene become patch sets; GDAL and h5py read them back. */
class PatchesCommandTest {
  @TempDir Path dir;

  private Path scene() throws Exception {
    return AreaFixtures.scene(dir);
  }

  private Path areas(int perClass) throws Exception {
    return AreaFixtures.areas(dir, perClass);
  }

  private static String run(PatchesCommand.Result[] result, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    result[0] =
        PatchesCommand.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void areasBecomePatchSetsSplitByAreaWithThePixelsOfTheirCells() throws Exception {
    Path out = dir.resolve("out");
    PatchesCommand.Result[] r = new PatchesCommand.Result[1];
    String printed =
        run(
            r,
            "--scene",
            scene().toString(),
            "--areas",
            areas(4).toString(),
            "--out",
            out.toString(),
            "--patch",
            "8");
    assertThat(r[0].usable()).as(printed).isTrue();
    assertThat(printed)
        .contains("usable: 12 areas in 3 classes")
        .contains("next: ./lcz train --data");
    assertThat(Files.readString(out.resolve("qc.txt"))).contains("12 training areas read");
    JsonNode areas = new ObjectMapper().readTree(out.resolve("areas.json").toFile());
    assertThat(areas).hasSize(12);

    // h5py reads the sets; GDAL reads the scene: every patch is the 8 × 8 px around its cell's
    // centre pixel (col·10 + 5, row·10 + 5), every label the class of its area, and no area in two
    // sets
    String check =
        Gdal.python(
            dir,
            "import json, h5py, numpy as np\nfrom osgeo import gdal\n"
                + "scene = gdal.Open('scene.tif').ReadAsArray()\n"
                + "areas = json.load(open('out/areas.json'))\n"
                + "codes = ['1','2','3','4','5','6','7','8','9','10','A','B','C','D','E','F','G']\n"
                + "seen = {}\nn = 0\n"
                + "for name in ('train', 'val', 'test'):\n"
                + "    f = h5py.File('out/%s.h5' % name)\n"
                + "    for i in range(f['sen2'].shape[0]):\n"
                + "        col, row = f['cell'][i]; cx, cy = col * 10 + 5, row * 10 + 5\n"
                + "        want = scene[:, cy - 4:cy + 4, cx - 4:cx + 4].transpose(1, 2, 0)\n"
                + "        assert np.array_equal(f['sen2'][i], want.astype('float32')), (name, i)\n"
                + "        a = areas[int(f['area'][i])]\n"
                + "        assert codes[int(np.argmax(f['label'][i]))] == a['lcz'], (name, i)\n"
                + "        assert a['split'] == {'train': 'train', 'val': 'validation', 'test': 'test'}[name]\n"
                + "        seen.setdefault(int(f['area'][i]), set()).add(name)\n"
                + "        n += 1\n"
                + "assert all(len(v) == 1 for v in seen.values())\n"
                + "print(n, len(seen), sum(a['cells'] for a in areas))\n");
    String[] counts = check.strip().split(" ");
    // 250 m squares hold 2 × 2 or 3 × 3 cell centres, whatever their placement on the 100 m grid
    assertThat(Integer.parseInt(counts[0]))
        .isGreaterThanOrEqualTo(12 * 4)
        .isEqualTo(Integer.parseInt(counts[2]));
    assertThat(counts[1]).isEqualTo("12");
    Set<String> splits = new HashSet<>();
    areas.forEach(a -> splits.add(a.get("split").asText()));
    assertThat(splits).containsExactlyInAnyOrder("train", "validation", "test");
  }

  @Test
  void areasThatCannotTrainAModelWriteTheirReportAndNoSets() throws Exception {
    Path out = dir.resolve("few");
    PatchesCommand.Result[] r = new PatchesCommand.Result[1];
    String printed =
        run(
            r,
            "--scene",
            scene().toString(),
            "--areas",
            areas(2).toString(),
            "--out",
            out.toString());
    assertThat(r[0].usable()).isFalse();
    assertThat(printed).contains("ERROR too few areas class 2").contains("not usable");
    assertThat(out.resolve("qc.txt")).exists();
    assertThat(out.resolve("train.h5")).doesNotExist();
  }

  @Test
  void theRealAreasGiveEveryAreaAtLeastOneCell() throws Exception {
    Path folder = RealData.dir().resolve("sentinel2-l2a-porto-trombetas");
    Path out = dir.resolve("real");
    PatchesCommand.Result[] r = new PatchesCommand.Result[1];
    String printed =
        run(
            r,
            "--scene",
            folder.resolve("sen2.tif").toString(),
            "--areas",
            folder.resolve("training-areas.kml").toString(),
            "--out",
            out.toString());
    assertThat(r[0].usable()).as(printed).isTrue();
    assertThat(printed).contains("radiometry detected as surface reflectance as a fraction");
    JsonNode areas = new ObjectMapper().readTree(out.resolve("areas.json").toFile());
    assertThat(areas).hasSize(25);
    areas.forEach(
        a -> assertThat(a.get("cells").asInt()).as(a.get("id").asText()).isGreaterThanOrEqualTo(1));
    assertThat(r[0].patchesPerSet().values().stream().mapToInt(Integer::intValue).sum())
        .isGreaterThanOrEqualTo(25);
  }

  @Test
  void usageErrorsNameTheProblem() {
    PatchesCommand.Result[] r = new PatchesCommand.Result[1];
    assertThatThrownBy(() -> run(r, "--scene", "a.tif"))
        .hasMessageContaining("--areas is required");
    assertThatThrownBy(
            () -> run(r, "--scene", "a.tif", "--areas", "b.kml", "--out", "o", "--patch", "0"))
        .hasMessageContaining("--patch must be a positive whole number");
    assertThatThrownBy(() -> run(r, "--fast", "1")).hasMessageContaining("unknown option --fast");
  }
}
