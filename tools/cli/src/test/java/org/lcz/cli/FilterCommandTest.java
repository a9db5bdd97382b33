package org.lcz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.Gdal;
import org.lcz.raster.RealData;

/**
 * {@code ./lcz filter} on real LCZ maps, with GDAL reading what it wrote. The LCZ Generator's own
 * Sydney output is the filter's oracle: its {@code lczFilter} band is the Generator's filter of its
 * {@code lcz} band.
 */
class FilterCommandTest {
  @TempDir Path dir;

  @Test
  void theGeneratorsSydneyMapIsFilteredAsTheGeneratorFilteredIt() throws Exception {
    Path sydney = RealData.lczMap("sydney-lcz-generator.tif");
    Path nominal = dir.resolve("nominal.tif");
    String summary = FilterCommand.run(List.of(sydney.toString(), nominal.toString()));
    assertThat(summary)
        .contains("1089 × 755 cells of 100.0 × 100.0 m (nominal)")
        .contains("coding 1–17");
    Path latitude = dir.resolve("latitude.tif");
    FilterCommand.run(
        List.of(sydney.toString(), latitude.toString(), "--metres", "latitude", "--band", "lcz"));

    JsonNode raw = compare(nominal, 1, sydney, 1);
    assertThat(raw.get("same").asLong()).isEqualTo(raw.get("both").asLong());
    assertThat(raw.get("a_only").asLong() + raw.get("b_only").asLong()).isZero();
    assertThat(raw.get("a_type").asText()).isEqualTo("Byte");
    assertThat(raw.get("a_description").asText()).isEqualTo("lcz");

    JsonNode filtered = compare(nominal, 2, sydney, 2);
    assertThat(filtered.get("a_description").asText()).isEqualTo("lczFilter");
    double agreement = filtered.get("same").asDouble() / filtered.get("both").asLong();
    assertThat(filtered.get("both").asLong()).isGreaterThan(800_000);
    assertThat(agreement)
        .as("agreement with the Generator's lczFilter: %s", filtered)
        .isGreaterThanOrEqualTo(0.9995);
    // measured: 99.985 % on the nominal 100 m, 98.32 % with the cells' width at Sydney's latitude
    JsonNode atLatitude = compare(latitude, 2, sydney, 2);
    double latitudeAgreement = atLatitude.get("same").asDouble() / atLatitude.get("both").asLong();
    assertThat(agreement).isGreaterThan(latitudeAgreement);
    // and the filter does change the map: it moves ~11 % of the cells to another class
    JsonNode unfiltered = compare(nominal, 1, sydney, 2);
    assertThat(unfiltered.get("same").asDouble() / unfiltered.get("both").asLong())
        .isLessThan(0.99);
  }

  @Test
  void mapsInTheOneHundredAndOneCodingAndWithNegativeNodataAreRead() throws Exception {
    Path shanghai = RealData.lczMap("shanghai-101-107.tif");
    Path out = dir.resolve("shanghai.tif");
    assertThat(FilterCommand.run(List.of(shanghai.toString(), out.toString())))
        .contains("coding 1–10 and 101–107 for A–G")
        .contains("919 × 967 cells of 100.0 × 100.0 m,");
    JsonNode s = compare(out, 1, shanghai, 1);
    assertThat(s.get("both").asLong()).isGreaterThan(100_000);
    assertThat(s.get("same").asLong()).isEqualTo(s.get("both").asLong());
    assertThat(s.get("a_only").asLong() + s.get("b_only").asLong()).isZero();
    assertThat(s.get("a_nodata").asDouble()).isZero();

    Path zaragoza = RealData.lczMap("zaragoza.tif");
    Path z = dir.resolve("zaragoza.tif");
    assertThat(FilterCommand.run(List.of(zaragoza.toString(), z.toString())))
        .contains("coding 1–17");
    JsonNode zs = compare(z, 1, zaragoza, 1);
    assertThat(zs.get("both").asLong()).isGreaterThan(100_000);
    assertThat(zs.get("same").asLong()).isEqualTo(zs.get("both").asLong());
    assertThat(zs.get("a_only").asLong() + zs.get("b_only").asLong()).isZero();
  }

  @Test
  void usageAndBadInputAreAnsweredWithReasons() throws Exception {
    assertThatThrownBy(() -> FilterCommand.run(List.of("a.tif")))
        .isInstanceOf(FilterCommand.UsageException.class)
        .hasMessageContaining("give the input map and the output file");
    assertThatThrownBy(() -> FilterCommand.run(List.of("a.tif", "b.tif", "--metres", "miles")))
        .isInstanceOf(FilterCommand.UsageException.class)
        .hasMessageContaining("'nominal' or 'latitude'");
    assertThatThrownBy(() -> FilterCommand.run(List.of("a.tif", "./a.tif")))
        .hasMessageContaining("overwrite the input");
    assertThatThrownBy(
            () -> FilterCommand.run(List.of(dir.resolve("none.tif").toString(), "b.tif")))
        .hasMessageContaining("none.tif: no such file");
    // a map with a value that is no LCZ: named, with the hint to declare nodata
    Gdal.python(
        dir,
        "from osgeo import gdal\nimport numpy as np\n"
            + "d = gdal.GetDriverByName('GTiff').Create('odd.tif', 4, 2, 1, gdal.GDT_Int16)\n"
            + "d.SetGeoTransform([500000, 100, 0, 5000000, 0, -100])\n"
            + "from osgeo import osr\ns = osr.SpatialReference(); s.ImportFromEPSG(32632)\n"
            + "d.SetProjection(s.ExportToWkt())\n"
            + "d.GetRasterBand(1).WriteArray(np.array([[1, 2, 3, 255], [4, 5, 6, 255]]))\n"
            + "d = None\n");
    assertThatThrownBy(() -> FilterCommand.run(List.of(dir.resolve("odd.tif").toString(), "b.tif")))
        .hasMessageContaining("values that are no LCZ")
        .hasMessageContaining("255 (2 cells)")
        .hasMessageContaining("declare it as nodata");
    assertThatThrownBy(
            () ->
                FilterCommand.run(
                    List.of(dir.resolve("odd.tif").toString(), "b.tif", "--band", "3")))
        .hasMessageContaining("has bands 1..1, not 3");
  }

  private JsonNode compare(Path a, int bandA, Path b, int bandB) throws Exception {
    Path script = Path.of(FilterCommandTest.class.getResource("compare_bands.py").toURI());
    return new ObjectMapper()
        .readTree(
            Gdal.run(
                dir,
                List.of(
                    "/usr/bin/python3",
                    script.toString(),
                    a.toString(),
                    String.valueOf(bandA),
                    b.toString(),
                    String.valueOf(bandB))));
  }
}
