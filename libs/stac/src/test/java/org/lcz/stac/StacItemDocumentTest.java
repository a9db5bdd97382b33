package org.lcz.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lcz.raster.RasterException;

/** The catalogues' Item forms read into bands, resolutions, radiometry and addresses. */
class StacItemDocumentTest {
  private static StacItemDocument parse(String json) {
    return StacItemDocument.parse(
        "i.json", json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  private static final String CDSE =
      "{'type': 'Feature', 'stac_version': '1.1.0', 'id': 'x',"
          + " 'properties': {'datetime': '2024-03-08T10:08:41Z', 'platform': 'sentinel-2a',"
          + "   'processing:version': '05.10', 'proj:code': 'EPSG:32633'},"
          + " 'auth:schemes': {'s3': {'type': 's3'}, 'oidc': {'type': 'openIdConnect',"
          + "   'openIdConnectUrl': 'https://id.example/.well-known/openid-configuration'}},"
          + " 'assets': {"
          + "  'B02_60m': {'href': 's3://eodata/a/B02_60m.jp2', 'type': 'image/jp2',"
          + "    'proj:transform': [60, 0, 399960, 0, -60, 5600040], 'proj:shape': [1830, 1830]},"
          + "  'B02_10m': {'href': 's3://eodata/a/B02_10m.jp2', 'type': 'image/jp2',"
          + "    'auth:refs': ['s3'], 'raster:scale': 0.0001, 'raster:offset': -0.1,"
          + "    'proj:transform': [10, 0, 399960, 0, -10, 5600040], 'proj:shape': [10980, 10980],"
          + "    'alternate': {'https': {'href': 'https://dl.example/B02', 'auth:refs': ['oidc']}}},"
          + "  'B02_20m': {'href': 's3://eodata/a/B02_20m.jp2', 'type': 'image/jp2'},"
          + "  'B05_60m': {'href': 's3://eodata/a/B05_60m.jp2', 'type': 'image/jp2'},"
          + "  'B05_20m': {'href': 's3://eodata/a/B05_20m.jp2', 'type': 'image/jp2'},"
          + "  'SCL_60m': {'href': 's3://eodata/a/SCL_60m.jp2'},"
          + "  'SCL_20m': {'href': 's3://eodata/a/SCL_20m.jp2'},"
          + "  'AOT_10m': {'href': 's3://eodata/a/AOT_10m.jp2'},"
          + "  'red_edge': {'href': 'r.tif', 'bands': [{'name': 'x', 'eo:common_name': 'rededge2'}]}"
          + " }}";

  @Test
  void copernicusKeysAreReadAsBandsAndEachBandIsTakenAtItsOwnResolution() {
    StacItemDocument item = parse(CDSE);
    assertThat(item.asset("B2").orElseThrow().key()).isEqualTo("B02_10m");
    assertThat(item.asset("B5").orElseThrow().key()).isEqualTo("B05_20m");
    assertThat(item.asset("SCL").orElseThrow().key()).isEqualTo("SCL_20m");
    assertThat(item.asset("B6").orElseThrow().key()).as("STAC 1.1 bands").isEqualTo("red_edge");
    assertThat(item.asset("B8")).isEmpty();
    assertThat(item.bands()).doesNotContain("AOT");
  }

  @Test
  void withoutItsOwnResolutionTheNearestIsTakenAndSaidNotNative() {
    StacItemDocument item =
        parse(
            CDSE.replace(
                "'B05_20m': {'href': 's3://eodata/a/B05_20m.jp2', 'type': 'image/jp2'},", ""));
    StacItemDocument.Asset b5 = item.asset("B5").orElseThrow();
    assertThat(b5.key()).isEqualTo("B05_60m");
    assertThat(StacItemDocument.isNative(b5, "B5")).isFalse();
    assertThat(StacItemDocument.isNative(item.asset("B2").orElseThrow(), "B2")).isTrue();
  }

  @Test
  void scaleOffsetBaselineProjectionAndAddressesAreReadFromTheStac11Form() {
    StacItemDocument item = parse(CDSE);
    StacItemDocument.Asset b2 = item.asset("B2").orElseThrow();
    assertThat(b2.scale()).isEqualTo(0.0001);
    assertThat(b2.offset()).isEqualTo(-0.1);
    assertThat(b2.jpeg2000()).isTrue();
    assertThat(item.processingBaseline()).hasValue(5.10);
    assertThat(item.processingBaselineProperty()).hasValue("processing:version");
    assertThat(b2.projection().code()).as("from the Item's properties").isEqualTo("EPSG:32633");
    assertThat(b2.projection().geoTransform()).containsExactly(399960, 10, 0, 5600040, 0, -10);
    assertThat(b2.projection().shape()).containsExactly(10980, 10980);
    assertThat(b2.hrefs())
        .extracting(StacItemDocument.Href::name, StacItemDocument.Href::authRefs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("href", java.util.List.of("s3")),
            org.assertj.core.groups.Tuple.tuple("https", java.util.List.of("oidc")));
    assertThat(item.authSchemes())
        .containsEntry("oidc", "openIdConnect, https://id.example/.well-known/openid-configuration")
        .containsEntry("s3", "s3");
  }

  @Test
  void rasterBandsOfTheRasterExtension1WinAndTheEarthSearchBaselineIsRead() {
    StacItemDocument item =
        parse(
            "{'type': 'Feature', 'stac_version': '1.0.0', 'id': 'e',"
                + " 'properties': {'s2:processing_baseline': '04.00', 'processing:version': '9'},"
                + " 'assets': {'red': {'href': 'r.tif', 'gsd': 10,"
                + "   'raster:bands': [{'scale': 0.0001, 'offset': -0.1}]},"
                + "  'red-jp2': {'href': 'r.jp2', 'eo:bands': [{'name': 'B04'}]}}}");
    assertThat(item.asset("B4").orElseThrow().key())
        .as("the COG before its JPEG 2000 copy")
        .isEqualTo("red");
    assertThat(item.asset("B4").orElseThrow().offset()).isEqualTo(-0.1);
    assertThat(item.processingBaseline()).hasValue(4.0);
    assertThat(item.processingBaselineProperty()).hasValue("s2:processing_baseline");
  }

  @Test
  void anotherSensorsItemIsRefusedNamingTheSensor() {
    assertThatThrownBy(
            () ->
                parse(
                    "{'type': 'Feature', 'stac_version': '1.1.0', 'id': 'l',"
                        + " 'properties': {'platform': 'landsat-9', 'constellation': 'landsat'},"
                        + " 'assets': {'red': {'href': 'r.tif'}}}"))
        .isInstanceOf(RasterException.class)
        .hasMessageContaining("Landsat");
  }
}
