package org.lcz.inference.model;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Points ONNX Runtime at native libraries extracted at build time ({@code onnxruntime.native.path})
 * instead of letting it extract them from its jar at run time. The build puts them next to the
 * packaged app, without the CUDA provider unless built with {@code -Pgpu}. This matters twice: DJL
 * asks ONNX Runtime whether CUDA works when it first starts, which from the jar means extracting
 * the 580 MB CUDA provider library (and Quarkus's class loader refuses resource entries that
 * large); from a folder without that library the answer is a quick no.
 */
public final class OnnxRuntimeNatives {
  /** ONNX Runtime's system property. */
  public static final String PROPERTY = "onnxruntime.native.path";

  /** Where the build unpacks the natives, relative to the packaged app's folder. */
  static final String RELATIVE = "onnxruntime-native-unpacked/ai/onnxruntime/native/linux-x64";

  private OnnxRuntimeNatives() {}

  /**
   * Sets {@value #PROPERTY} from {@code configured}, else keeps a value already set, else uses the
   * folder next to the packaged app if there is one.
   *
   * @return where the natives come from, in words
   */
  public static String configure(Optional<Path> configured) {
    if (configured.isPresent()) {
      System.setProperty(PROPERTY, configured.get().toString());
      return configured.get().toString();
    }
    String set = System.getProperty(PROPERTY);
    if (set != null) {
      return set;
    }
    Optional<Path> packaged = nextToApp();
    if (packaged.isPresent()) {
      System.setProperty(PROPERTY, packaged.get().toString());
      return packaged.get().toString();
    }
    return "extracted from the onnxruntime_gpu jar";
  }

  private static Optional<Path> nextToApp() {
    try {
      Path code =
          Path.of(
              OnnxRuntimeNatives.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // quarkus-app/app/inference-worker.jar → quarkus-app
      for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve(RELATIVE);
        if (Files.isRegularFile(candidate.resolve("libonnxruntime.so"))) {
          return Optional.of(candidate);
        }
        if (dir.getFileName() != null && dir.getFileName().toString().equals("quarkus-app")) {
          break;
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // no code source (e.g. a custom class loader): let ONNX Runtime use its jar
    }
    return Optional.empty();
  }
}
