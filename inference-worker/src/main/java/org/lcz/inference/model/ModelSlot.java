package org.lcz.inference.model;

import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.lcz.inference.map.ActiveModel;
import org.lcz.registry.CurrentModel;

/**
 * The model the tile loop maps with, kept current from the registry. {@link #refresh} (on a
 * background thread) downloads and opens a newly promoted version next to the one in use; the tile
 * loop {@link #acquire acquires} the model before each tile, which is where a prepared version
 * takes over and the previous one is closed, so that a tile is always mapped by one model from
 * start to end and no tile is dropped or mapped twice because of a swap.
 */
public final class ModelSlot implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ModelSlot.class.getName());

  private final CurrentModel registry;
  private final Function<CurrentModel.Loaded, ActiveModel> opener;
  private volatile ActiveModel pending;
  private ActiveModel active;
  private volatile String lastProblem;

  /**
   * @param opener opens a verified model file (e.g. in ONNX Runtime)
   */
  public ModelSlot(CurrentModel registry, Function<CurrentModel.Loaded, ActiveModel> opener) {
    this.registry = registry;
    this.opener = opener;
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
