package org.lcz.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LczCatalogTest {
  private final LczCatalog catalog = LczCatalog.standard();

  @Test
  void hasSeventeenClassesTenBuiltThenSevenNatural() {
    assertThat(catalog.size()).isEqualTo(17);
    assertThat(catalog.classes().stream().filter(LczClass::isBuilt)).hasSize(10);
    assertThat(catalog.classes().subList(0, 10)).allMatch(LczClass::isBuilt);
    assertThat(catalog.classes().subList(10, 17)).noneMatch(LczClass::isBuilt);
  }

  @Test
  void readsCodesNamesAndWudaptColours() {
    LczClass first = catalog.byValue(1);
    assertThat(first.code()).isEqualTo("1");
    assertThat(first.name()).isEqualTo("Compact highrise");
    assertThat(first.hex()).isEqualTo("#8C0000");
    LczClass bush = catalog.byValue(13);
    assertThat(bush.code()).isEqualTo("C");
    assertThat(bush.name()).isEqualTo("Bush, scrub");
    assertThat(bush.group()).isEqualTo(LczGroup.NATURAL);
    LczClass water = catalog.byValue(17);
    assertThat(water.code()).isEqualTo("G");
    assertThat(water.rgb()).isEqualTo(0x6A6AFF);
  }

  @Test
  void findsByCodeIgnoringCase() {
    assertThat(catalog.byCode("g")).map(LczClass::value).contains(17);
    assertThat(catalog.byCode("10")).map(LczClass::value).contains(10);
    assertThat(catalog.byCode("H")).isEmpty();
  }

  @Test
  void valueOutsideOneToSeventeenIsAClearError() {
    assertThatThrownBy(() -> catalog.byValue(LczCatalog.NODATA))
        .hasMessageContaining("no LCZ class has value 0");
    assertThatThrownBy(() -> catalog.byValue(18)).hasMessageContaining("1..17");
  }
}
