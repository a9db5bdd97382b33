package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GdalMetadataTest {
  @Test
  void itemsInKeyOrderThenOneDescriptionPerBandNamesEscapedOnceValuesTwiceAsGdalWritesThem() {
    assertThat(GdalMetadata.xml(Map.of("b", "2", "a&<", "x<&>\"y"), List.of("B2", "LCZ \"raw\"")))
        .isEqualTo(
            "<GDALMetadata>"
                + "<Item name=\"a&amp;&lt;\">x&amp;lt;&amp;amp;&amp;gt;&amp;quot;y</Item>"
                + "<Item name=\"b\">2</Item>"
                + "<Item name=\"DESCRIPTION\" sample=\"0\" role=\"description\">B2</Item>"
                + "<Item name=\"DESCRIPTION\" sample=\"1\" role=\"description\">"
                + "LCZ &amp;quot;raw&amp;quot;</Item>"
                + "</GDALMetadata>");
    assertThat(GdalMetadata.xml(Map.of(), List.of())).isEqualTo("<GDALMetadata></GDALMetadata>");
  }

  @Test
  void anItemReadsBackAsWritten() {
    String xml =
        GdalMetadata.xml(Map.of("MODEL&VERSION", "v<3> & \"more\"", "X", "1"), List.of("b"));
    assertThat(GdalMetadata.item(xml, "MODEL&VERSION")).isEqualTo("v<3> & \"more\"");
    assertThat(GdalMetadata.item(xml, "X")).isEqualTo("1");
    assertThat(GdalMetadata.item(xml, "Y")).isNull();
    assertThat(GdalMetadata.parsedValue("a &amp; b &lt;c&gt;")).isEqualTo("a & b <c>");
  }
}
