package org.lcz.training.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lcz.training.architectures.Architectures;
import org.lcz.training.model.LczNetwork;
import org.lcz.training.onnx.graph.OnnxGraph;

/**
 * Writes a trained MSMLA as an ONNX model: opset 17, IR version 8 (accepted by ONNX 1.12's checker
 * and by widely deployed runtimes), input {@value #INPUT} NCHW float32 with a variable batch
 * dimension, output {@value #OUTPUT} (softmax over the classes). The graph is the network in
 * inference mode, weight for weight; {@code metadata} goes into {@code metadata_props}.
 */
public final class OnnxExporter {
  /** The ONNX operator set the graph uses. */
  public static final long OPSET = 17;

  /** The ONNX IR version of the file. */
  public static final long IR_VERSION = 8;

  /** Name of the input: (batch, bands, patch, patch) float32, normalised per band. */
  public static final String INPUT = "input";

  /** Name of the output: (batch, classes) class probabilities. */
  public static final String OUTPUT = "probabilities";

  private OnnxExporter() {}

  /** What an export produced. */
  public record Exported(OnnxMl.ModelProto model, long parameterCount) {
    /** The serialised model. */
    public byte[] toByteArray() {
      return model.toByteArray();
    }

    /** Writes the model to {@code file}. */
    public Path write(Path file) {
      try (OutputStream out = Files.newOutputStream(file)) {
        model.writeTo(out);
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + file, e);
      }
    }
  }

  /** Exports an initialised (trained) network for patches of {@code patchSize} pixels. */
  public static Exported export(LczNetwork net, int patchSize, Map<String, String> metadata) {
    if (!net.isInitialized()) {
      throw new IllegalArgumentException("the network has no weights yet");
    }
    String architecture = Architectures.contractName(net.variant());
    OnnxGraph g = new OnnxGraph(architecture);
    g.proto().addInput(value(INPUT, List.of("batch", net.bands(), patchSize, patchSize)));
    String probabilities = g.softmax(net.toOnnx(g, INPUT));
    OnnxMl.GraphProto.Builder graph = g.proto();
    OnnxMl.NodeProto.Builder last = graph.getNodeBuilder(graph.getNodeCount() - 1);
    if (!last.getOutput(0).equals(probabilities)) {
      throw new IllegalStateException("the softmax is not the graph's last node");
    }
    last.setOutput(0, OUTPUT);
    graph.addOutput(value(OUTPUT, List.of("batch", net.classes())));
    OnnxMl.ModelProto.Builder model =
        OnnxMl.ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .setProducerName("lcz-platform")
            .setProducerVersion("0.1.0")
            .setDomain("org.lcz")
            .setDocString(
                architecture
                    + " ("
                    + Architectures.of(net.variant()).reference()
                    + "): LCZ class probabilities from "
                    + net.bands()
                    + "-band patches of "
                    + patchSize
                    + " px")
            .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
            .setGraph(graph);
    metadata.forEach(
        (k, v) ->
            model.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    return new Exported(model.build(), g.parameterCount());
  }

  /**
   * Exports the model version in folder {@code dir} (its card and the checkpoint the card names) to
   * {@code target}, with the card's contract as metadata.
   */
  public static Exported exportFolder(Path dir, Path target) {
    try (TrainedModel model = TrainedModel.load(dir)) {
      Exported exported =
          export(
              model.net(),
              model.card().contract().patchSize(),
              ModelMetadata.of(model.card().contract()));
      exported.write(target);
      return exported;
    }
  }

  /** A float32 tensor value; dimensions are sizes (numbers) or symbolic names (strings). */
  private static ValueInfoProto value(String name, List<Object> dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (Object d : dims) {
      TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
      if (d instanceof Number n) {
        dim.setDimValue(n.longValue());
      } else {
        dim.setDimParam(d.toString());
      }
      shape.addDim(dim);
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape)))
        .build();
  }
}
