package org.lcz.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.lcz.events.ModelPublished;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;

/**
 * The model a consumer uses, kept up to date from the registry: {@link #refresh} swaps in a newly
 * promoted version only once its ONNX file has been downloaded and its SHA-256 matches the event; a
 * missing, corrupted or truncated object is refused with the reason and the previous model stays in
 * use.
 */
public final class CurrentModel {
  private static final Logger LOG = Logger.getLogger(CurrentModel.class.getName());

  /** A model version with its verified local ONNX file. */
  public record Loaded(ModelPublished event, Path onnx) {}

  /** What a refresh did. */
  public record Refresh(Outcome outcome, String detail) {}

  /** The kinds of refresh results. */
  public enum Outcome {
    /** No promoted version, or the one in use is still current. */
    UNCHANGED,
    /** A newer version is now in use. */
    SWAPPED,
    /** A newer version exists but could not be used; the previous one stays. */
    REFUSED
  }

  private final Supplier<Optional<ModelPublished>> registry;
  private final ObjectStore store;
  private final Path dir;
  private volatile Loaded loaded;

  /**
   * @param registry gives the current promoted version (e.g. {@code () ->
   *     registry.current("msmla")})
   * @param dir where verified model files are kept
   */
  public CurrentModel(Supplier<Optional<ModelPublished>> registry, ObjectStore store, Path dir) {
    this.registry = registry;
    this.store = store;
    this.dir = dir;
  }

  /** The model in use, if any. */
  public Optional<Loaded> get() {
    return Optional.ofNullable(loaded);
  }

  /** Looks for a newer current version and swaps it in if its file verifies. */
  public synchronized Refresh refresh() {
    Optional<ModelPublished> latest = registry.get();
    if (latest.isEmpty()) {
      return new Refresh(Outcome.UNCHANGED, "no promoted model yet");
    }
    ModelPublished p = latest.get();
    Loaded now = loaded;
    if (now != null && now.event().version().equals(p.version())) {
      return new Refresh(Outcome.UNCHANGED, "version " + p.version() + " is current");
    }
    Loaded fetched;
    try {
      fetched = fetch(p, store, dir);
    } catch (ObjectStoreException | IOException e) {
      String reason =
          "refusing model "
              + p.modelName()
              + " version "
              + p.version()
              + " ("
              + p.model().uri()
              + "): "
              + e.getMessage()
              + (now == null
                  ? "; no model in use"
                  : "; still using version " + now.event().version());
      LOG.warning(reason);
      return new Refresh(Outcome.REFUSED, reason);
    }
    loaded = fetched;
    return new Refresh(Outcome.SWAPPED, "now using version " + p.version());
  }

  /**
   * Downloads the ONNX file of {@code p} into {@code dir}, its SHA-256 checked against the event.
   *
   * @throws ObjectStoreException if the event names no digest (permanent: no retry brings one), or
   *     the object is missing, unreadable or not the one the event describes
   */
  public static Loaded fetch(ModelPublished p, ObjectStore store, Path dir) throws IOException {
    Path target = dir.resolve(safe(p.modelName()) + "-" + safe(p.version()) + ".onnx");
    Files.createDirectories(dir);
    if (p.model().sha256() == null) {
      throw new ObjectStoreException(
          "ModelPublished for version " + p.version() + " carries no SHA-256 for its model",
          null,
          true);
    }
    store.download(p.model(), target);
    return new Loaded(p, target);
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
