package org.lcz.contract;

import java.util.List;

/**
 * The one way pixel values become a model's input, for training and inference alike: the model's
 * bands are taken from the input's bands by name ({@link BandMatch}); reflectance bands are
 * converted from the input's radiometry into the model's ({@link Radiometry#to}); every band is
 * then normalised as {@code (x − mean) / std} with the model's statistics. A band whose std is 0
 * (constant in training) is only centred. A nodata or NaN input value becomes 0: the band's mean.
 *
 * <p>Per band this is {@code ((gain · v + bias) − mean) · invStd}; with no conversion ({@code gain
 * = 1, bias = 0}) it is bit for bit {@code (v − mean) · invStd}.
 */
public final class Preprocessing {
  private final int[] order;
  private final float[] gain;
  private final float[] bias;
  private final float[] mean;
  private final float[] invStd;
  private final boolean hasNodata;
  private final float nodata;

  private Preprocessing(
      int[] order, float[] gain, float[] bias, float[] mean, float[] invStd, Double nodata) {
    this.order = order;
    this.gain = gain;
    this.bias = bias;
    this.mean = mean;
    this.invStd = invStd;
    this.hasNodata = nodata != null && !nodata.isNaN();
    this.nodata = hasNodata ? nodata.floatValue() : Float.NaN;
  }

  /**
   * What a model needs of its input, from its contract.
   *
   * @param bands band names, in the model's channel order
   * @param radiometry the radiometry of the model's reflectance bands
   * @param means per band, the mean to subtract (in the model's radiometry)
   * @param stds per band, the standard deviation to divide by
   */
  public record ModelInput(
      List<String> bands, Radiometry radiometry, List<Double> means, List<Double> stds) {
    public ModelInput {
      bands = List.copyOf(bands);
      means = List.copyOf(means);
      stds = List.copyOf(stds);
      if (means.size() != bands.size() || stds.size() != bands.size()) {
        throw new IllegalArgumentException(
            bands.size() + " bands but " + means.size() + " means and " + stds.size() + " stds");
      }
    }
  }

  /**
   * The preprocessing of input values with {@code inputBands} in {@code inputRadiometry} for {@code
   * model}.
   *
   * @param nodata the input's nodata value, if any
   * @throws BandMismatchException if the input lacks one of the model's bands
   * @throws RadiometryException if the radiometries cannot be converted into each other
   */
  public static Preprocessing of(
      ModelInput model, List<String> inputBands, Radiometry inputRadiometry, Double nodata) {
    int[] order = BandMatch.order(model.bands(), inputBands);
    Radiometry.LinearMap map;
    try {
      map = inputRadiometry.to(model.radiometry());
    } catch (RadiometryException e) {
      throw new RadiometryException(
          "the model was trained on "
              + model.radiometry().label()
              + " but the input holds "
              + inputRadiometry.label()
              + "; these cannot be converted into each other: map it with a model trained on "
              + inputRadiometry.label());
    }
    int n = order.length;
    float[] gain = new float[n];
    float[] bias = new float[n];
    float[] mean = new float[n];
    float[] invStd = new float[n];
    for (int c = 0; c < n; c++) {
      boolean reflectance = SpectralBands.isReflectance(model.bands().get(c));
      gain[c] = reflectance ? (float) map.gain() : 1f;
      bias[c] = reflectance ? (float) map.bias() : 0f;
      mean[c] = model.means().get(c).floatValue();
      invStd[c] = inverseStd(model.stds().get(c));
    }
    return new Preprocessing(order, gain, bias, mean, invStd, nodata);
  }

  /** The normalisation alone: input already in the model's bands and radiometry. */
  public static Preprocessing normalisation(List<Double> means, List<Double> stds) {
    int n = means.size();
    int[] order = new int[n];
    float[] gain = new float[n];
    float[] bias = new float[n];
    float[] mean = new float[n];
    float[] invStd = new float[n];
    for (int c = 0; c < n; c++) {
      order[c] = c;
      gain[c] = 1f;
      mean[c] = means.get(c).floatValue();
      invStd[c] = inverseStd(stds.get(c));
    }
    return new Preprocessing(order, gain, bias, mean, invStd, null);
  }

  /** The factor a band is scaled by: 1 / std, or 1 for a constant band (std 0). */
  public static float inverseStd(double std) {
    return std > 0 ? (float) (1.0 / std) : 1f;
  }

  /** How many model channels. */
  public int channels() {
    return order.length;
  }

  /** For each model channel, the index of its band in the input. */
  public int inputBand(int channel) {
    return order[channel];
  }

  /** Whether the input value {@code v} is nodata (or NaN). */
  public boolean isNodata(float v) {
    return Float.isNaN(v) || (hasNodata && v == nodata);
  }

  /** The model's input value for the input value {@code v} of {@code channel}. */
  public float apply(int channel, float v) {
    if (isNodata(v)) {
      return 0f;
    }
    return ((gain[channel] * v + bias[channel]) - mean[channel]) * invStd[channel];
  }

  /**
   * Preprocesses {@code length} values of {@code channel} from {@code in[from …]} into {@code
   * out[to …]} (in place when they are the same array and offset).
   */
  public void apply(int channel, float[] in, int from, float[] out, int to, int length) {
    float g = gain[channel];
    float b = bias[channel];
    float m = mean[channel];
    float s = invStd[channel];
    for (int i = 0; i < length; i++) {
      float v = in[from + i];
      out[to + i] = Float.isNaN(v) || (hasNodata && v == nodata) ? 0f : ((g * v + b) - m) * s;
    }
  }
}
