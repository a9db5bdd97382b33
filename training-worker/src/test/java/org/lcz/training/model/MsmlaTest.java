package org.lcz.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MsmlaTest {
  private static MsmlaBlock initialised(NDManager manager, MsmlaVariant variant, int bands) {
    MsmlaBlock net = Msmla.builder().setVariant(variant).setBands(bands).build();
    net.initialize(manager, DataType.FLOAT32, net.inputShape(2, 48));
    return net;
  }

  @Test
  void msmla18HasThePublishedParameterCount() {
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat(Msmla.parameterCount(initialised(manager, MsmlaVariant.MSMLA_18, 10)))
          .isEqualTo(181_867);
    }
  }

  @Test
  void msmla50HasThePublishedParameterCount() {
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat(Msmla.parameterCount(initialised(manager, MsmlaVariant.MSMLA_50, 10)))
          .isEqualTo(808_913);
    }
  }

  @Test
  void bandCountChangesOnlyTheStem() {
    // 3 more bands add (25·16 + 9·32 + 1·16)·3 = 2,112 stem weights and nothing else
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat(Msmla.parameterCount(initialised(manager, MsmlaVariant.MSMLA_18, 13)))
          .isEqualTo(181_867 + 2_112);
    }
  }

  @Test
  void mapsPatchesToOneProbabilityVectorEach() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MsmlaBlock net = initialised(manager, MsmlaVariant.MSMLA_18, 10);
      NDArray patches = manager.randomNormal(net.inputShape(4, 48));
      NDArray logits =
          net.forward(new ParameterStore(manager, false), new NDList(patches), false)
              .singletonOrThrow();
      assertThat(logits.getShape()).isEqualTo(new Shape(4, 17));
      NDArray sums = Msmla.probabilities(logits).sum(new int[] {1});
      for (float s : sums.toFloatArray()) {
        assertThat(s).isCloseTo(1f, within(1e-5f));
      }
    }
  }

  @Test
  void savedAndReloadedGivesIdenticalOutputs(@TempDir Path dir) throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray patches = manager.randomNormal(new Shape(3, 10, 48, 48));
      float[] before;
      try (Model model = Model.newInstance("msmla")) {
        MsmlaBlock net = Msmla.builder().setVariant(MsmlaVariant.MSMLA_18).setBands(10).build();
        net.initialize(model.getNDManager(), DataType.FLOAT32, net.inputShape(1, 48));
        model.setBlock(net);
        before = forward(model, patches);
        model.save(dir, "msmla");
      }
      try (Model model = Model.newInstance("msmla")) {
        model.setBlock(Msmla.builder().setVariant(MsmlaVariant.MSMLA_18).setBands(10).build());
        model.load(dir, "msmla");
        assertThat(forward(model, patches)).containsExactly(before);
      }
    }
  }

  private static float[] forward(Model model, NDArray input) {
    NDManager m = model.getNDManager();
    NDArray in = input.toDevice(m.getDevice(), true);
    in.attach(m);
    return model
        .getBlock()
        .forward(new ParameterStore(m, false), new NDList(in), false)
        .singletonOrThrow()
        .toFloatArray();
  }

  @Test
  void builderRefusesWhatCannotBeBuilt() {
    assertThatThrownBy(() -> Msmla.builder().setBands(10).build()).hasMessageContaining("variant");
    assertThatThrownBy(() -> Msmla.builder().setVariant(MsmlaVariant.MSMLA_18).build())
        .hasMessageContaining("at least one input band");
    assertThatThrownBy(() -> MsmlaVariant.of("msmla-101"))
        .hasMessageContaining("unknown variant 'msmla-101'")
        .hasMessageContaining("msmla-18");
  }
}
