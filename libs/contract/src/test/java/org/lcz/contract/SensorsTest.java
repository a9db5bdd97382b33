package org.lcz.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensorsTest {
  @Test
  void sentinel2sDefaultTenBandsComeFromItsProfileAndTheConstantSaysTheSame() {
    assertThat(Sensors.SENTINEL_2.defaultBands())
        .containsExactly("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12");
    assertThat(String.join(",", Sensors.SENTINEL_2.defaultBands()))
        .isEqualTo(Sensors.DEFAULT_BANDS);
    assertThat(Sensors.SENTINEL_2.bandNames()).hasSize(13).startsWith("B1").endsWith("B12");
    assertThat(Sensors.SENTINEL_2.band("swir16").orElseThrow().metres()).isEqualTo(20);
    assertThat(Sensors.SENTINEL_2.band("B02").orElseThrow().metres()).isEqualTo(10);
    assertThat(Sensors.SENTINEL_2.canonical("nir08")).contains("B8A");
    assertThat(Sensors.SENTINEL_2.canonical("B13")).isEmpty();
  }

  @Test
  void stacPlatformsNameTheirSensor() {
    assertThat(Sensors.forPlatform("sentinel-2b", null)).contains(Sensors.SENTINEL_2);
    assertThat(Sensors.forPlatform(null, "Sentinel-2")).contains(Sensors.SENTINEL_2);
    assertThat(Sensors.forPlatform(null, " ")).isEmpty();
    assertThatThrownBy(() -> Sensors.forPlatform("landsat-8", null))
        .isInstanceOf(UnknownSensorException.class)
        .hasMessage("a scene of Landsat (platform landsat-8): the platform reads Sentinel-2 only");
    assertThatThrownBy(() -> Sensors.forPlatform("sentinel-1a", "sentinel-1"))
        .hasMessageContaining("a scene of Sentinel-1 (radar)");
    assertThatThrownBy(() -> Sensors.forPlatform("gaofen-1", null))
        .hasMessageContaining("a scene of an unknown sensor (platform gaofen-1)");
  }

  @Test
  void landsatBandNamesAreRecognisedAndSentinel2sAreNot() {
    assertThat(Sensors.foreignByBandNames(List.of("SR_B2", "SR_B3", "SR_B4", "SR_B5")))
        .hasValueSatisfying(s -> assertThat(s).startsWith("Landsat (Collection 2"));
    assertThat(Sensors.foreignByBandNames(List.of("QA_PIXEL"))).isPresent();
    assertThat(Sensors.foreignByBandNames(List.of("B1", "B2", "B3", "B4", "B5", "B7")))
        .hasValueSatisfying(s -> assertThat(s).contains("as Landsat numbers them"));
    assertThat(
            Sensors.foreignByBandNames(
                List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B9", "B10", "B11")))
        .isPresent();
    // Sentinel-2's own stacks, subsets and unnamed bands are not foreign
    assertThat(Sensors.foreignByBandNames(Sensors.SENTINEL_2.defaultBands())).isEmpty();
    assertThat(Sensors.foreignByBandNames(Sensors.SENTINEL_2.bandNames())).isEmpty();
    assertThat(Sensors.foreignByBandNames(List.of("B02", "B03", "B04", "B08"))).isEmpty();
    assertThat(Sensors.foreignByBandNames(List.of("B2", "B3", "B4", "B5", "B6", "B7"))).isEmpty();
    assertThat(Sensors.foreignByBandNames(List.of("band1", "band2", "band3", "band4", "band5")))
        .isEmpty();
    assertThat(Sensors.foreignByBandNames(List.of("blue", "green", "red", "HEIGHT"))).isEmpty();
  }

  @Test
  void aProfileMustHaveItsDefaultBands() {
    assertThatThrownBy(
            () ->
                new SensorProfile(
                    "X",
                    "x",
                    List.of(),
                    List.of(new SensorProfile.Band("B1", null, 10, true)),
                    List.of("B2")))
        .hasMessageContaining("X has no band B2");
  }
}
