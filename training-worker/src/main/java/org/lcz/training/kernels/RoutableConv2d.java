package org.lcz.training.kernels;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@link Conv2d} (same parameters, same checkpoint layout, same ONNX) whose computation the
 * kernel self-check may route to a padded {@link ConvolutionForm}. Square kernel, equal stride and
 * padding on both axes, no dilation, one group.
 */
public final class RoutableConv2d extends Conv2d {
  private volatile ConvolutionForm form = ConvolutionForm.DIRECT;

  private RoutableConv2d(Conv2d.Builder builder) {
    super(builder);
  }

  /**
   * A k×k convolution with {@code filters} outputs; 'same' padding for stride 1 is {@code k / 2}.
   */
  public static RoutableConv2d of(int filters, int kernel, int stride, int padding, boolean bias) {
    return new RoutableConv2d(
        Conv2d.builder()
            .setFilters(filters)
            .setKernelShape(new Shape(kernel, kernel))
            .optStride(new Shape(stride, stride))
            .optPadding(new Shape(padding, padding))
            .optBias(bias));
  }

  /** The form forward passes use now. */
  public ConvolutionForm form() {
    return form;
  }

  /** Routes later forward passes through {@code value}. */
  public void route(ConvolutionForm value) {
    this.form = value;
  }

  /** This convolution's shapes at batch {@code batch}; the block must be initialised. */
  public ConvolutionProblem problem(int batch) {
    Shape[] in = getInputShapes();
    if (in == null || in.length == 0) {
      throw new IllegalStateException("the convolution is not initialised");
    }
    Shape x = in[0];
    return new ConvolutionProblem(
        batch,
        (int) x.get(1),
        getFilters(),
        (int) x.get(2),
        (int) x.get(3),
        (int) getKernelShape().get(0),
        (int) getStride().get(0),
        (int) getPadding().get(0),
        isIncludeBias());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Device device = x.getDevice();
    NDArray w = store.getValue(weight, device, training);
    NDArray b = includeBias ? store.getValue(bias, device, training) : null;
    return new NDList(form.apply(x, w, b, (int) getStride().get(0), (int) getPadding().get(0)));
  }
}
