package org.lcz.training.train;

import java.nio.file.Path;
import java.util.Optional;
import org.lcz.contract.Radiometry;
import org.lcz.training.data.DatasetLayout;

/**
 * The files of a training run. Without a validation file, model selection uses the test file, and
 * without that the training file; without a test file, the final evaluation uses the validation
 * file, and without that the training file. The model card says which file each number comes from.
 *
 * @param train the training split
 * @param validation the split that picks the best epoch; optional
 * @param test the split of the final evaluation; optional
 * @param layout where the files keep images and labels, and their band names
 * @param radiometry the declared radiometry of the files' reflectance bands; empty to detect it
 */
public record TrainingData(
    Path train,
    Optional<Path> validation,
    Optional<Path> test,
    DatasetLayout layout,
    Optional<Radiometry> radiometry) {
  /** Files whose radiometry is detected from their values. */
  public TrainingData(
      Path train, Optional<Path> validation, Optional<Path> test, DatasetLayout layout) {
    this(train, validation, test, layout, Optional.empty());
  }

  public TrainingData {
    radiometry = radiometry == null ? Optional.empty() : radiometry;
    if (train == null || layout == null) {
      throw new IllegalArgumentException("training data needs a training file and a layout");
    }
    validation = validation == null ? Optional.empty() : validation;
    test = test == null ? Optional.empty() : test;
  }

  /** The file that picks the best epoch. */
  public Path selectionFile() {
    return validation.or(() -> test).orElse(train);
  }

  /** The role of the selection file: {@code validation}, {@code test} or {@code train}. */
  public String selectionRole() {
    return validation.isPresent() ? "validation" : test.isPresent() ? "test" : "train";
  }

  /** The role of the evaluation file: {@code test}, {@code validation} or {@code train}. */
  public String evaluationRole() {
    return test.isPresent() ? "test" : validation.isPresent() ? "validation" : "train";
  }

  /** The file of the final evaluation. */
  public Path evaluationFile() {
    return test.or(() -> validation).orElse(train);
  }
}
