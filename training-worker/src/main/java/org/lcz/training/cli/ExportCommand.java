package org.lcz.training.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Locale;
import org.lcz.events.ModelContract;
import org.lcz.training.card.ModelCard;
import org.lcz.training.onnx.OnnxExporter;

/**
 * {@code ./lcz export --checkpoint DIR|FILE --out model.onnx}: the worker's ONNX export for a
 * person at a terminal. The checkpoint is a model version folder (or a file in it) holding {@code
 * model.json} and the checkpoint the card names.
 */
final class ExportCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: ./lcz export --checkpoint DIR|FILE --out model.onnx",
          "  --checkpoint  a model version folder (model.json + msmla-NNNN.params), or a file in it",
          "  --out         the ONNX file to write (opset 17, IR 8, model contract in its metadata)");

  private ExportCommand() {}

  static int run(Deque<String> args, PrintStream out) {
    Path checkpoint = null;
    Path target = null;
    while (!args.isEmpty()) {
      String option = args.removeFirst();
      if (args.isEmpty()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      switch (option) {
        case "--checkpoint" -> checkpoint = Path.of(args.removeFirst());
        case "--out" -> target = Path.of(args.removeFirst());
        default -> throw new IllegalArgumentException("unknown option '" + option + "'");
      }
    }
    if (checkpoint == null || target == null) {
      throw new IllegalArgumentException("export needs --checkpoint and --out");
    }
    Path dir = Files.isDirectory(checkpoint) ? checkpoint : checkpoint.toAbsolutePath().getParent();
    OnnxExporter.Exported exported = OnnxExporter.exportFolder(dir, target);
    ModelCard card = ModelCard.read(dir.resolve(ModelCard.FILE_NAME));
    ModelContract contract = card.contract();
    out.printf(
        Locale.ROOT,
        "wrote %s: %s, version %s, %d bands x %d px, %,d parameters, opset %d, IR %d%n",
        target,
        contract.architecture(),
        contract.version(),
        contract.bands().size(),
        contract.patchSize(),
        exported.parameterCount(),
        OnnxExporter.OPSET,
        OnnxExporter.IR_VERSION);
    return 0;
  }
}
