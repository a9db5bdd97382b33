package org.lcz.training.kernels;

import java.util.Locale;

/**
 * One 2-D convolution's shapes: square kernel, equal stride and padding on both axes, no dilation,
 * one group (the convolutions this platform's networks use).
 *
 * @param batch patches per batch
 * @param inChannels input channels
 * @param outChannels filters
 * @param height input rows
 * @param width input columns
 * @param kernel kernel edge
 * @param stride step on both axes
 * @param padding zero padding on every side
 * @param bias whether the convolution adds a bias
 */
public record ConvolutionProblem(
    int batch,
    int inChannels,
    int outChannels,
    int height,
    int width,
    int kernel,
    int stride,
    int padding,
    boolean bias) {

  public ConvolutionProblem {
    if (batch < 1 || inChannels < 1 || outChannels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "a convolution needs positive sizes: "
              + describe0(batch, inChannels, outChannels, height, width, kernel, stride, padding));
    }
    if (kernel < 1 || stride < 1 || padding < 0) {
      throw new IllegalArgumentException(
          "kernel and stride must be positive, padding not negative: "
              + describe0(batch, inChannels, outChannels, height, width, kernel, stride, padding));
    }
    if (height + 2 * padding < kernel || width + 2 * padding < kernel) {
      throw new IllegalArgumentException(
          "the kernel is larger than the padded input: "
              + describe0(batch, inChannels, outChannels, height, width, kernel, stride, padding));
    }
  }

  /** Output rows. */
  public int outHeight() {
    return (height + 2 * padding - kernel) / stride + 1;
  }

  /** Output columns. */
  public int outWidth() {
    return (width + 2 * padding - kernel) / stride + 1;
  }

  /** Input values: batch × inChannels × height × width. */
  public int inputSize() {
    return batch * inChannels * height * width;
  }

  /** Weight values: outChannels × inChannels × kernel × kernel. */
  public int weightSize() {
    return outChannels * inChannels * kernel * kernel;
  }

  /** Output values: batch × outChannels × outHeight × outWidth. */
  public int outputSize() {
    return batch * outChannels * outHeight() * outWidth();
  }

  /** The same convolution at another batch size. */
  public ConvolutionProblem withBatch(int n) {
    return new ConvolutionProblem(
        n, inChannels, outChannels, height, width, kernel, stride, padding, bias);
  }

  /**
   * oneDNN's notation (as its verbose log and benchdnn write it), e.g. {@code
   * mb32_ic2oc1_ih48oh48kh7sh1ph3_iw48ow48kw7sw1pw3}.
   */
  public String describe() {
    return describe0(batch, inChannels, outChannels, height, width, kernel, stride, padding)
        + (bias ? " +bias" : "");
  }

  private static String describe0(int mb, int ic, int oc, int h, int w, int k, int s, int p) {
    int oh = s > 0 ? (h + 2 * p - k) / s + 1 : 0;
    int ow = s > 0 ? (w + 2 * p - k) / s + 1 : 0;
    return String.format(
        Locale.ROOT,
        "mb%d_ic%doc%d_ih%doh%dkh%dsh%dph%d_iw%dow%dkw%dsw%dpw%d",
        mb,
        ic,
        oc,
        h,
        oh,
        k,
        s,
        p,
        w,
        ow,
        k,
        s,
        p);
  }

  @Override
  public String toString() {
    return describe();
  }
}
