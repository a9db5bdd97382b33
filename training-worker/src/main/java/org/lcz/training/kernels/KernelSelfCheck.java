package org.lcz.training.kernels;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Before a network trains on the CPU, runs each of its convolution shapes forward and backward
 * through PyTorch and compares every result with a float64 reference ({@link ConvolutionTrial}). A
 * shape whose direct form is wrong is routed to the cheapest padded {@link ConvolutionForm} that is
 * exact; if none is, training is refused ({@link KernelCheckException}) rather than run on wrong
 * gradients. Healthy machines keep every direct form and pay only the check (seconds, once per
 * shape and process).
 */
public final class KernelSelfCheck {
  /** The remedy the refusal names: PyTorch's SSE kernels, which use no padded layouts. */
  public static final String SAFE_KERNELS =
      "ATEN_CPU_CAPABILITY=default ONEDNN_MAX_CPU_ISA=SSE41 MKL_ENABLE_INSTRUCTIONS=SSE4_2";

  private static final long SEED = 20261205L;

  /** What each shape came to in this process (the machine does not change under it). */
  private static final Map<String, Decision> DECIDED = new ConcurrentHashMap<>();

  private static final AtomicReference<KernelReport> LATEST = new AtomicReference<>();

  private record Decision(ConvolutionForm form, String directFailure) {}

  private KernelSelfCheck() {}

  /**
   * Checks and routes the convolutions of {@code network} (initialised) at {@code batch}; the
   * trials run on {@code manager}. On a GPU nothing is checked (the report says so).
   *
   * @throws KernelCheckException if some shape is wrong in every form
   */
  public static KernelReport check(Block network, int batch, NDManager manager, int threads) {
    Device device = manager.getDevice();
    List<RoutableConv2d> convolutions = convolutions(network);
    if (device.isGpu()) {
      return remember(
          new KernelReport(
              device.toString(), -1, "GPU", 0, List.of(), 0, "not run on a GPU (no oneDNN)"));
    }
    long started = System.nanoTime();
    boolean ranTrials = false;
    Map<ConvolutionProblem, Decision> byShape = new LinkedHashMap<>();
    for (RoutableConv2d conv : convolutions) {
      ConvolutionProblem p = conv.problem(batch);
      Decision d = byShape.get(p);
      if (d == null) {
        String key = p.describe() + " threads " + threads;
        d = DECIDED.get(key);
        if (d == null) {
          d = decide(manager, p);
          ranTrials = true;
          DECIDED.put(key, d);
        }
        byShape.put(p, d);
      }
      conv.route(d.form());
    }
    List<KernelReport.Route> routes = new ArrayList<>();
    byShape.forEach(
        (p, d) -> {
          if (d.form() != ConvolutionForm.DIRECT) {
            routes.add(new KernelReport.Route(p.describe(), d.form().name(), d.directFailure()));
          }
        });
    double seconds = ranTrials ? (System.nanoTime() - started) / 1e9 : 0;
    return remember(
        new KernelReport(
            device.toString(),
            threads,
            CpuKernels.describe(),
            byShape.size(),
            routes,
            seconds,
            ""));
  }

  /** The report of the latest check in this process, if any. */
  public static Optional<KernelReport> latest() {
    return Optional.ofNullable(LATEST.get());
  }

  /** The forms tried for {@code p}, in order: direct first, then the padded ones by cost. */
  static List<ConvolutionForm> candidates(ConvolutionProblem p) {
    List<ConvolutionForm> forms = new ArrayList<>();
    forms.add(ConvolutionForm.DIRECT);
    List<ConvolutionForm> padded = new ArrayList<>();
    Set<Integer> seen = new HashSet<>(List.of(0));
    for (ConvolutionForm f : ConvolutionForm.values()) {
      if (seen.add(f.padding(p))) {
        padded.add(f);
      }
    }
    padded.sort(Comparator.comparingDouble(f -> f.costFactor(p)));
    forms.addAll(padded);
    return forms;
  }

  /**
   * The form {@code p} is computed in, given the outcomes of trying {@link #candidates} in order
   * (the first exact one), or the refusal naming every failure.
   */
  static ConvolutionForm choose(ConvolutionProblem p, List<ConvolutionTrial.Outcome> tried) {
    for (ConvolutionTrial.Outcome o : tried) {
      if (o.exact()) {
        return o.form();
      }
    }
    StringBuilder s =
        new StringBuilder("the CPU kernels compute the convolution ")
            .append(p.describe())
            .append(" wrongly in every form tried (");
    for (int i = 0; i < tried.size(); i++) {
      ConvolutionTrial.Outcome o = tried.get(i);
      s.append(i == 0 ? "" : "; ").append(o.form()).append(": ").append(o.failures());
    }
    s.append(
            "); training here would learn from wrong gradients. Run PyTorch's SSE kernels instead: ")
        .append(SAFE_KERNELS)
        .append(" in the worker's environment (training worker README, \"CPU kernels\")");
    throw new KernelCheckException(s.toString());
  }

  private static Decision decide(NDManager manager, ConvolutionProblem p) {
    List<ConvolutionTrial.Outcome> tried = new ArrayList<>();
    for (ConvolutionForm f : candidates(p)) {
      ConvolutionTrial.Outcome o = ConvolutionTrial.run(manager, p, f, SEED);
      tried.add(o);
      if (o.exact()) {
        break;
      }
    }
    ConvolutionForm form = choose(p, tried);
    return new Decision(form, form == ConvolutionForm.DIRECT ? "" : tried.get(0).failures());
  }

  /** Every {@link RoutableConv2d} in {@code block}'s tree, depth first. */
  public static List<RoutableConv2d> convolutions(Block block) {
    List<RoutableConv2d> found = new ArrayList<>();
    collect(block, found);
    return found;
  }

  private static void collect(Block block, List<RoutableConv2d> found) {
    if (block instanceof RoutableConv2d conv) {
      found.add(conv);
    }
    for (Block child : block.getChildren().values()) {
      collect(child, found);
    }
  }

  private static KernelReport remember(KernelReport report) {
    LATEST.set(report);
    return report;
  }
}
