package org.lcz.training.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A layer table of an initialised network, like a Keras or torchinfo summary: each top-level layer
 * with its output shape and parameter count, then the totals.
 *
 * @param title e.g. {@code MSMLA-18: 10 bands → 17 classes}
 * @param input the input shape the table was computed for
 * @param rows one row per top-level layer, in forward order of the backbone (a side branch shows
 *     its own output)
 * @param total every parameter value, batch-norm running statistics included
 * @param trainable the values training updates
 */
public record ModelSummary(String title, Shape input, List<Row> rows, long total, long trainable) {

  /**
   * One layer.
   *
   * @param name the child block's name
   * @param type its class
   * @param output its output shape
   * @param parameters its parameter values
   */
  public record Row(String name, String type, Shape output, long parameters) {}

  public ModelSummary {
    rows = List.copyOf(rows);
  }

  /** The summary of {@code net}, which must be initialised, for one patch of {@code patchSize}. */
  public static ModelSummary of(LczNetwork net, int patchSize) {
    Shape input = net.inputShape(1, patchSize);
    List<Row> rows = new ArrayList<>();
    Shape[] backbone = {input};
    for (Pair<String, Block> child : net.getChildren()) {
      Block block = child.getValue();
      String name = child.getKey().replaceFirst("^\\d+", ""); // DJL prefixes an ordinal
      Shape out;
      if (net.onBackbone(block)) {
        backbone = block.getOutputShapes(backbone);
        out = backbone[0];
      } else {
        out = net.sideOutput(block, backbone[0]);
      }
      rows.add(new Row(name, block.getClass().getSimpleName(), out, count(block, false)));
    }
    return new ModelSummary(
        net.variant().toUpperCase(Locale.ROOT)
            + ": "
            + net.bands()
            + " bands → "
            + net.classes()
            + " classes",
        input,
        rows,
        count(net, false),
        count(net, true));
  }

  private static long count(Block block, boolean trainableOnly) {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (!trainableOnly || p.getValue().requiresGradient()) {
        n += p.getValue().getArray().size();
      }
    }
    return n;
  }

  /** The table as text. */
  public String render() {
    StringBuilder out = new StringBuilder();
    String format = "%-22s %-18s %-20s %,12d%n";
    out.append(title).append(", input ").append(input).append('\n');
    out.append(
        String.format(
            Locale.ROOT, "%-22s %-18s %-20s %12s%n", "Layer", "Type", "Output shape", "Params"));
    out.append("-".repeat(75)).append('\n');
    for (Row r : rows) {
      out.append(
          String.format(Locale.ROOT, format, r.name(), r.type(), r.output(), r.parameters()));
    }
    out.append("-".repeat(75)).append('\n');
    out.append(String.format(Locale.ROOT, "Total params: %,d%n", total));
    out.append(String.format(Locale.ROOT, "Trainable params: %,d%n", trainable));
    out.append(
        String.format(
            Locale.ROOT,
            "Non-trainable params (batch-norm running statistics): %,d%n",
            total - trainable));
    return out.toString();
  }
}
