package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GdalMetadataTest {
  @Test
  void itemsInKeyOrderThenOneDescriptionPerBandEscaped() {
    assertThat(GdalMetadata.xml(Map.of("b", "2", "a", "x<&>\"y"), List.of("B2", "LCZ \"raw\"")))
        .isEqualTo(
            "<GDALMetadata>"
                + "<Item name=\"a\">x&lt;&amp;&gt;&quot;y</Item>"
                + "<Item name=\"b\">2</Item>"
                + "<Item name=\"DESCRIPTION\" sample=\"0\" role=\"description\">B2</Item>"
                + "<Item name=\"DESCRIPTION\" sample=\"1\" role=\"description\">"
                + "LCZ &quot;raw&quot;</Item>"
                + "</GDALMetadata>");
    assertThat(GdalMetadata.xml(Map.of(), List.of())).isEqualTo("<GDALMetadata></GDALMetadata>");
  }
}
