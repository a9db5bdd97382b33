package org.lcz.training.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lcz.training.model.Msmla;
import org.lcz.training.model.MsmlaBlock;
import org.lcz.training.model.MsmlaVariant;

class KernelSelfCheckTest {
  private static final ConvolutionProblem SPATIAL =
      new ConvolutionProblem(8, 2, 1, 48, 48, 7, 1, 3, false);
  private static final ConvolutionTrial.Error GOOD = new ConvolutionTrial.Error(2e-7, 0);
  private static final ConvolutionTrial.Error BAD = new ConvolutionTrial.Error(0.7, 1200);

  @Test
  void theDirectFormIsTriedFirstThenThePaddedOnesCheapestFirst() {
    assertThat(KernelSelfCheck.candidates(SPATIAL))
        .containsExactly(
            ConvolutionForm.DIRECT,
            ConvolutionForm.PADDED_INPUT,
            ConvolutionForm.PADDED_OUTPUT,
            ConvolutionForm.PADDED);
    assertThat(KernelSelfCheck.candidates(new ConvolutionProblem(8, 10, 16, 48, 48, 5, 1, 2, true)))
        .containsExactly(ConvolutionForm.DIRECT, ConvolutionForm.PADDED_INPUT);
    assertThat(
            KernelSelfCheck.candidates(new ConvolutionProblem(8, 16, 16, 48, 48, 3, 1, 1, false)))
        .containsExactly(ConvolutionForm.DIRECT);
  }

  @Test
  void theFirstExactFormIsChosen() {
    assertThat(
            KernelSelfCheck.choose(
                SPATIAL,
                List.of(
                    outcome(ConvolutionForm.DIRECT, BAD),
                    outcome(ConvolutionForm.PADDED_INPUT, BAD),
                    outcome(ConvolutionForm.PADDED_OUTPUT, GOOD))))
        .isEqualTo(ConvolutionForm.PADDED_OUTPUT);
    assertThat(KernelSelfCheck.choose(SPATIAL, List.of(outcome(ConvolutionForm.DIRECT, GOOD))))
        .isEqualTo(ConvolutionForm.DIRECT);
  }

  @Test
  void whenNoFormIsExactTrainingIsRefusedNamingTheShapeTheErrorsAndTheRemedy() {
    assertThatThrownBy(
            () ->
                KernelSelfCheck.choose(
                    SPATIAL,
                    List.of(
                        outcome(ConvolutionForm.DIRECT, BAD),
                        outcome(ConvolutionForm.PADDED, BAD))))
        .isInstanceOf(KernelCheckException.class)
        .hasMessageContaining("mb8_ic2oc1_ih48oh48kh7sh1ph3_iw48ow48kw7sw1pw3")
        .hasMessageContaining("DIRECT: input gradient off by 7.0e-01 (1200 not finite)")
        .hasMessageContaining("PADDED: input gradient off by")
        .hasMessageContaining("wrong gradients")
        .hasMessageContaining(KernelSelfCheck.SAFE_KERNELS);
  }

  @Test
  void afterTheCheckEveryConvolutionOfMsmlaComputesExactly() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MsmlaBlock net = Msmla.builder().setVariant(MsmlaVariant.MSMLA_18).setBands(10).build();
      net.initialize(manager, DataType.FLOAT32, net.inputShape(8, 48));
      List<RoutableConv2d> convolutions = KernelSelfCheck.convolutions(net);
      Set<ConvolutionProblem> shapes = new LinkedHashSet<>();
      convolutions.forEach(c -> shapes.add(c.problem(8)));
      // stem 5×5, 3×3, 1×1; three SE stages; CBAM's spatial attention at 48, 24 and 12 px
      assertThat(convolutions).hasSize(22);
      assertThat(shapes).contains(SPATIAL, SPATIAL.withBatch(8));

      KernelReport report = KernelSelfCheck.check(net, 8, manager, 1);

      assertThat(report.checked()).isEqualTo(shapes.size());
      assertThat(KernelSelfCheck.latest()).contains(report);
      Map<ConvolutionProblem, ConvolutionForm> chosen = new LinkedHashMap<>();
      for (RoutableConv2d c : convolutions) {
        // one shape, one form: convolutions of the same shape are routed alike
        ConvolutionForm before = chosen.putIfAbsent(c.problem(8), c.form());
        assertThat(before == null || before == c.form()).as(c.problem(8).describe()).isTrue();
      }
      chosen.forEach(
          (p, f) -> {
            // an independent trial, other inputs, of the form each shape now uses
            ConvolutionTrial.Outcome o = ConvolutionTrial.run(manager, p, f, 99);
            assertThat(o.exact()).as(p + " in " + f + ": " + o.failures()).isTrue();
          });
      for (KernelReport.Route r : report.routes()) {
        // a route is taken only away from a direct form that was off
        assertThat(r.form()).isNotEqualTo("DIRECT");
        assertThat(r.directFailure()).contains("off by");
      }
      long routed = convolutions.stream().filter(c -> c.form() != ConvolutionForm.DIRECT).count();
      assertThat(routed > 0).isEqualTo(!report.routes().isEmpty());
      assertThat(report.summary())
          .startsWith("kernel self-check on cpu()")
          .contains(shapes.size() + " convolution shapes exact");
    }
  }

  @Test
  void aSecondNetworkOfTheSameShapesIsRoutedAlikeWithoutNewTrials() {
    try (NDManager manager = NDManager.newBaseManager()) {
      MsmlaBlock first = Msmla.builder().setVariant(MsmlaVariant.MSMLA_18).setBands(4).build();
      first.initialize(manager, DataType.FLOAT32, first.inputShape(2, 16));
      KernelSelfCheck.check(first, 2, manager, 1);
      MsmlaBlock second = Msmla.builder().setVariant(MsmlaVariant.MSMLA_18).setBands(4).build();
      second.initialize(manager, DataType.FLOAT32, second.inputShape(2, 16));
      KernelReport again = KernelSelfCheck.check(second, 2, manager, 1);
      assertThat(again.seconds()).isZero();
      List<RoutableConv2d> a = KernelSelfCheck.convolutions(first);
      List<RoutableConv2d> b = KernelSelfCheck.convolutions(second);
      for (int i = 0; i < a.size(); i++) {
        assertThat(b.get(i).form()).isEqualTo(a.get(i).form());
      }
    }
  }

  private static ConvolutionTrial.Outcome outcome(ConvolutionForm f, ConvolutionTrial.Error input) {
    return new ConvolutionTrial.Outcome(SPATIAL, f, GOOD, input, GOOD, null);
  }
}
