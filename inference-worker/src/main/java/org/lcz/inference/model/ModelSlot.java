package org.lcz.inference.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.lcz.inference.map.ActiveModel;
import org.lcz.inference.map.UnmappableTileException;
import org.lcz.registry.CurrentModel;

/**
 * The model the tile loop maps with, kept current from the registry. {@link #refresh} (on a
 * background thread) downloads and opens a newly promoted version next to the one in use; the tile
 * loop {@link #acquire acquires} the model before each tile, which is where a prepared version
 * takes over and the previous one is closed, so that a tile is always mapped by one model from
 * start to end and no tile is dropped or mapped twice because of a swap.
 *
 * <p>A re-map's tiles name their model version: {@link #acquire(String)} gives the current model
 * when it is that version, else opens the named version (from {@link Versions}) and keeps it for
 * the re-map's next tiles — one such pinned version at a time, closed when another is named.
 */
public final class ModelSlot implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ModelSlot.class.getName());

  /** Finds a published version by name and fetches its verified file. */
  @FunctionalInterface
  public interface Versions {
    /**
     * The verified file of {@code version}; empty if the registry does not hold that version.
     *
     * @throws IOException if the file cannot be stored locally
     */
    Optional<CurrentModel.Loaded> load(String version) throws IOException;
  }

  private final CurrentModel registry;
  private final Function<CurrentModel.Loaded, ActiveModel> opener;
  private final Versions versions;
  private volatile ActiveModel pending;
  private ActiveModel active;
  private ActiveModel pinned;
  private volatile String lastProblem;

  /**
   * A slot that maps with the current model only (a re-map's tile of another version is refused).
   *
   * @param opener opens a verified model file (e.g. in ONNX Runtime)
   */
  public ModelSlot(CurrentModel registry, Function<CurrentModel.Loaded, ActiveModel> opener) {
    this(registry, opener, v -> Optional.empty());
  }

  /**
   * @param opener opens a verified model file (e.g. in ONNX Runtime)
   * @param versions finds the versions re-maps name
   */
  public ModelSlot(
      CurrentModel registry, Function<CurrentModel.Loaded, ActiveModel> opener, Versions versions) {
    this.registry = registry;
    this.opener = opener;
    this.versions = versions;
  }

  /** Looks for a newer promoted version and prepares it; the one in use stays until acquired. */
  public synchronized CurrentModel.Refresh refresh() {
    CurrentModel.Refresh r = registry.refresh();
    if (r.outcome() == CurrentModel.Outcome.SWAPPED) {
      CurrentModel.Loaded loaded = registry.get().orElseThrow();
      try {
        ActiveModel next = opener.apply(loaded);
        ActiveModel previous = pending;
        pending = next;
        if (previous != null) {
          previous.close();
        }
        LOG.info(
            "model "
                + loaded.event().modelName()
                + " version "
                + loaded.event().version()
                + " ready on "
                + next.classifier().device()
                + "; it maps from the next tile on");
        lastProblem = null;
      } catch (RuntimeException e) {
        lastProblem =
            "model version " + loaded.event().version() + " cannot be opened: " + e.getMessage();
        LOG.severe(
            lastProblem + (active == null ? "" : "; still mapping with " + active.version()));
        return new CurrentModel.Refresh(CurrentModel.Outcome.REFUSED, lastProblem);
      }
    } else if (r.outcome() == CurrentModel.Outcome.REFUSED) {
      lastProblem = r.detail();
    }
    return r;
  }

  /**
   * The model to map the next tile with; swaps in a prepared version. Only the tile loop's thread
   * calls this.
   */
  public Optional<ActiveModel> acquire() {
    ActiveModel next = pending;
    if (next != null) {
      synchronized (this) {
        next = pending;
        pending = null;
      }
      if (next != null) {
        ActiveModel previous = active;
        active = next;
        if (previous != null) {
          LOG.info("swapped model " + previous.version() + " for " + next.version());
          previous.close();
        }
      }
    }
    return Optional.ofNullable(active);
  }

  /**
   * The model to map a re-map's tile with: the current one if it is {@code version}, else that
   * version opened on first use and kept for the next tiles. Only the tile loop's thread calls
   * this.
   *
   * @throws UnmappableTileException if the registry does not hold {@code version} or its file
   *     cannot be opened (permanent: no retry brings it)
   * @throws org.lcz.storage.ObjectStoreException if the store cannot be reached (worth retrying)
   */
  public ActiveModel acquire(String version) {
    Optional<ActiveModel> current = acquire();
    if (current.isPresent() && current.get().version().equals(version)) {
      return current.get();
    }
    if (pinned != null && pinned.version().equals(version)) {
      return pinned;
    }
    CurrentModel.Loaded loaded;
    try {
      loaded =
          versions
              .load(version)
              .orElseThrow(
                  () ->
                      new UnmappableTileException(
                          "model version "
                              + version
                              + " is not in the registry (lcz.models holds each model's current"
                              + " version and its latest candidate)"));
    } catch (IOException e) {
      throw new UncheckedIOException("model version " + version + " cannot be stored here", e);
    }
    ActiveModel opened;
    try {
      opened = opener.apply(loaded);
    } catch (RuntimeException e) {
      throw new UnmappableTileException(
          "model version " + version + " cannot be opened: " + e.getMessage(), e);
    }
    if (pinned != null) {
      pinned.close();
    }
    pinned = opened;
    LOG.info(
        "model version "
            + version
            + " opened for a re-map beside "
            + current.map(ActiveModel::version).orElse("no current model"));
    return pinned;
  }

  /** The version in use or prepared, for status; empty before any. */
  public Optional<String> version() {
    ActiveModel p = pending;
    ActiveModel a = active;
    return Optional.ofNullable(p != null ? p.version() : a != null ? a.version() : null);
  }

  /** The last reason a version could not be used, if the latest attempt failed. */
  public Optional<String> problem() {
    return Optional.ofNullable(lastProblem);
  }

  @Override
  public synchronized void close() {
    if (pinned != null) {
      pinned.close();
      pinned = null;
    }
    if (pending != null) {
      pending.close();
      pending = null;
    }
    if (active != null) {
      active.close();
      active = null;
    }
  }
}
