package org.lcz.training.onnx.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;

/**
 * Builds an ONNX graph node by node from DJL layers: each method adds the nodes of one operation
 * and returns the name of its output. Weights become float32 initializers, copied from the layer's
 * parameters as they are (DJL's {@code Linear} keeps weights as (out, in), so Gemm gets {@code
 * transB = 1}).
 */
public final class OnnxGraph {
  private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
  private int counter;
  private long parameters;

  public OnnxGraph(String name) {
    graph.setName(name);
  }

  public OnnxMl.GraphProto.Builder proto() {
    return graph;
  }

  /** Values in the graph's initializers (weights, biases, batch-norm statistics). */
  public long parameterCount() {
    return parameters;
  }

  private String fresh(String op) {
    return op.toLowerCase(Locale.ROOT) + "_" + counter++;
  }

  /** Adds a float32 initializer holding {@code array}; returns its name. */
  public String weights(String hint, NDArray array) {
    String name = fresh(hint);
    float[] values = array.toFloatArray();
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    TensorProto.Builder t =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.FLOAT.getNumber())
            .setRawData(ByteString.copyFrom(bytes.array()));
    for (long d : array.getShape().getShape()) {
      t.addDims(d);
    }
    graph.addInitializer(t);
    parameters += values.length;
    return name;
  }

  /** Adds an int64 constant initializer (shapes); not counted as a parameter. */
  String int64s(String hint, long... values) {
    String name = fresh(hint);
    TensorProto.Builder t =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.INT64.getNumber())
            .addDims(values.length);
    for (long v : values) {
      t.addInt64Data(v);
    }
    graph.addInitializer(t);
    return name;
  }

  /** Adds one node; returns its (single) output. */
  public String node(String op, List<String> inputs, AttributeProto... attributes) {
    String out = fresh(op);
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(out + "_node");
    inputs.forEach(n::addInput);
    n.addOutput(out);
    for (AttributeProto a : attributes) {
      n.addAttribute(a);
    }
    graph.addNode(n);
    return out;
  }

  static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder a =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  static AttributeProto real(String name, float value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.FLOAT)
        .setF(value)
        .build();
  }

  private static NDArray parameter(Block block, String name) {
    Parameter p = block.getParameters().get(name);
    if (p == null || !p.isInitialized()) {
      throw new IllegalStateException(
          block.getClass().getSimpleName() + " has no initialised parameter '" + name + "'");
    }
    return p.getArray();
  }

  /** A 2-D convolution as the DJL layer computes it (symmetric padding, bias if it has one). */
  public String conv(String x, Convolution conv) {
    long[] k = conv.getKernelShape().getShape();
    long[] s = conv.getStride().getShape();
    long[] p = conv.getPadding().getShape();
    String w = weights("conv_w", parameter(conv, "weight"));
    Parameter bias = conv.getParameters().get("bias");
    List<String> inputs =
        bias == null ? List.of(x, w) : List.of(x, w, weights("conv_b", bias.getArray()));
    return node(
        "Conv",
        inputs,
        ints("kernel_shape", k),
        ints("strides", s),
        ints("pads", p[0], p[1], p[0], p[1]),
        ints("dilations", 1, 1),
        integer("group", 1));
  }

  /** Batch normalisation in inference mode, with the layer's running statistics. */
  public String batchNorm(String x, Block batchNorm, float epsilon) {
    return node(
        "BatchNormalization",
        List.of(
            x,
            weights("bn_gamma", parameter(batchNorm, "gamma")),
            weights("bn_beta", parameter(batchNorm, "beta")),
            weights("bn_mean", parameter(batchNorm, "runningMean")),
            weights("bn_var", parameter(batchNorm, "runningVar"))),
        real("epsilon", epsilon));
  }

  /** A dense layer on (N, in): Gemm with the (out, in) weight transposed. */
  public String dense(String x, Linear linear) {
    return node(
        "Gemm",
        List.of(
            x,
            weights("dense_w", parameter(linear, "weight")),
            weights("dense_b", parameter(linear, "bias"))),
        integer("transB", 1));
  }

  public String relu(String x) {
    return node("Relu", List.of(x));
  }

  public String sigmoid(String x) {
    return node("Sigmoid", List.of(x));
  }

  public String add(String a, String b) {
    return node("Add", List.of(a, b));
  }

  public String mul(String a, String b) {
    return node("Mul", List.of(a, b));
  }

  /** Concatenation along {@code axis}. */
  public String concat(int axis, List<String> xs) {
    return node("Concat", xs, integer("axis", axis));
  }

  /** Global average pooling of (N, C, H, W) to (N, C). */
  public String globalAverage(String x) {
    return node("Flatten", List.of(node("GlobalAveragePool", List.of(x))), integer("axis", 1));
  }

  /** (N, C) to (N, C, 1, 1), to scale feature maps channel by channel. */
  public String perChannel(String x, int channels) {
    return node("Reshape", List.of(x, int64s("shape", 0, channels, 1, 1)));
  }

  /** Mean over the channel axis, kept: (N, C, H, W) to (N, 1, H, W). */
  public String channelMean(String x) {
    return node("ReduceMean", List.of(x), ints("axes", 1), integer("keepdims", 1));
  }

  /** Maximum over the channel axis, kept. */
  public String channelMax(String x) {
    return node("ReduceMax", List.of(x), ints("axes", 1), integer("keepdims", 1));
  }

  /** Max pooling of (N, C, H, W) with a k×k window and stride k, no padding. */
  public String maxPool(String x, int k) {
    return node("MaxPool", List.of(x), ints("kernel_shape", k, k), ints("strides", k, k));
  }

  /** Average pooling of (N, C, H, W) with a k×k window and stride k, no padding. */
  public String averagePool(String x, int k) {
    return node("AveragePool", List.of(x), ints("kernel_shape", k, k), ints("strides", k, k));
  }

  /** The element-wise mean of tensors of one shape. */
  public String mean(List<String> xs) {
    return node("Mean", xs);
  }

  /** The natural logarithm of {@code max(x, floor)}: finite where a probability underflows. */
  public String logAtLeast(String x, float floor) {
    return node("Log", List.of(node("Max", List.of(x, scalar("floor", floor)))));
  }

  /** Adds a float32 scalar constant initializer; not counted as a parameter. */
  String scalar(String hint, float value) {
    String name = fresh(hint);
    graph.addInitializer(
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.FLOAT.getNumber())
            .addFloatData(value));
    return name;
  }

  /** Softmax over the last axis. */
  public String softmax(String x) {
    return node("Softmax", List.of(x), integer("axis", -1));
  }
}
