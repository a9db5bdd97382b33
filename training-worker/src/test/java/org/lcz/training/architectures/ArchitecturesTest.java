package org.lcz.training.architectures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lcz.events.TrainingRequested;
import org.lcz.training.model.Architecture;
import org.lcz.training.model.LczNetwork;
import org.lcz.training.model.Msmla;

class ArchitecturesTest {
  @Test
  void msmlasVariantsAreRegisteredAndEveryNameIsWellFormedAndUnique() {
    assertThat(Architectures.variants()).contains("msmla-18", "msmla-50");
    Set<String> seen = new HashSet<>();
    for (String v : Architectures.variants()) {
      assertThat(TrainingRequested.wellFormedVariant(v)).as(v).isTrue();
      assertThat(seen.add(v)).as("named once: " + v).isTrue();
    }
  }

  @Test
  void namesAreReadInAnyCaseAndUnknownOnesAreRefusedListingTheKnown() {
    assertThat(Architectures.variant(" MSMLA-50 ")).isEqualTo("msmla-50");
    assertThat(Architectures.contractName("msmla-18")).isEqualTo("MSMLA-18");
    assertThat(Architectures.ofContractName("MSMLA-18")).isEqualTo("msmla-18");
    assertThat(Architectures.of("msmla-18").name()).isEqualTo("MSMLA");
    assertThatThrownBy(() -> Architectures.variant("resnet-50"))
        .hasMessageContaining("unknown variant 'resnet-50'")
        .hasMessageContaining(String.join(", ", Architectures.variants()));
    assertThatThrownBy(() -> Architectures.variant(null)).hasMessageContaining("no variant");
  }

  @Test
  void everyVariantBuildsANetworkOfItsBandsAndClassesThatRunsAPatch() {
    try (NDManager manager = NDManager.newBaseManager()) {
      for (Architecture a : Architectures.all()) {
        for (String v : a.variants()) {
          LczNetwork net = Architectures.build(v, 4, 6);
          assertThat(net.variant()).isEqualTo(v);
          assertThat(net.bands()).isEqualTo(4);
          assertThat(net.classes()).isEqualTo(6);
          int patch = 8 * a.patchMultiple();
          net.initialize(manager, DataType.FLOAT32, net.inputShape(2, patch));
          assertThat(
                  net.getOutputShapes(new ai.djl.ndarray.types.Shape[] {net.inputShape(2, patch)})[
                      0])
              .isEqualTo(new ai.djl.ndarray.types.Shape(2, 6));
          assertThat(Msmla.parameterCount(net)).as(v).isPositive();
        }
      }
    }
  }

  @Test
  void theRegistryListsEachArchitectureOnce() {
    List<String> names = Architectures.all().stream().map(Architecture::name).toList();
    assertThat(names).doesNotHaveDuplicates().contains("MSMLA");
  }
}
