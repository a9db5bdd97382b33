package org.lcz.training.model;

import java.util.List;

/** MSMLA-18 and MSMLA-50 (Kim, Jeong &amp; Kim 2021) as an {@link Architecture}. */
public final class MsmlaArchitecture implements Architecture {
  @Override
  public String name() {
    return "MSMLA";
  }

  @Override
  public String reference() {
    return "Kim, Jeong & Kim 2021, ISPRS J. P&RS 181";
  }

  @Override
  public List<String> variants() {
    return MsmlaVariant.ids();
  }

  @Override
  public LczNetwork build(String variant, int bands, int classes) {
    return Msmla.builder()
        .setVariant(MsmlaVariant.of(variant))
        .setBands(bands)
        .optClasses(classes)
        .build();
  }
}
