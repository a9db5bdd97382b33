package org.lcz.inference.model;

import java.util.function.Function;
import org.lcz.events.ModelContract;
import org.lcz.inference.map.ActiveModel;
import org.lcz.registry.CurrentModel;

/** Opens verified model files in ONNX Runtime on the device decided at start-up. */
public final class ModelOpener implements Function<CurrentModel.Loaded, ActiveModel> {
  private final ComputeDevice device;
  private final int batchSize;
  private final int threads;

  public ModelOpener(ComputeDevice device, int batchSize, int threads) {
    this.device = device;
    this.batchSize = batchSize;
    this.threads = threads;
  }

  /** The device for {@code preference}, given the GPUs this process sees. */
  public static ComputeDevice decide(DevicePreference preference) {
    int gpus = preference == DevicePreference.CPU ? 0 : OrtClassifier.visibleGpus();
    return ComputeDevice.choose(preference, gpus);
  }

  @Override
  public ActiveModel apply(CurrentModel.Loaded loaded) {
    ModelContract c = loaded.event().contract();
    OrtClassifier classifier =
        OrtClassifier.load(
            loaded.onnx(),
            c.bands().size(),
            c.patchSize(),
            c.classValues().size(),
            device,
            threads);
    return new ActiveModel(loaded.event(), classifier, batchSize);
  }
}
