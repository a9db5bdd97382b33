package org.lcz.training.worker;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.lcz.events.TrainingRequested;
import org.lcz.training.card.ModelCard;

/**
 * Model versions and where they live in {@code lcz-models}. A version is derived from its request
 * alone (request time, then run id), so a redelivered request maps to the same version and versions
 * sort by request time.
 */
public final class ModelVersions {
  /** The registry name of MSMLA models and their folder in {@code lcz-models}. */
  public static final String MODEL_NAME = "msmla";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ModelVersions() {}

  /** The version a request produces, e.g. {@code 20261124T101500Z-run-7}. */
  public static String of(TrainingRequested request) {
    String safe = request.runId().replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() > 80) {
      safe = safe.substring(0, 80);
    }
    return STAMP.format(request.requestedAt()) + "-" + safe;
  }

  /** The key prefix of a version's files: {@code msmla/{version}/}. */
  public static String prefix(String version) {
    return MODEL_NAME + "/" + version + "/";
  }

  /** The key of a version's card, whose presence marks the version complete. */
  public static String cardKey(String version) {
    return prefix(version) + ModelCard.FILE_NAME;
  }
}
