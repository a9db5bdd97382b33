package org.lcz.ingest.status;

import java.util.Optional;
import java.util.function.Function;
import org.lcz.events.ModelPublished;

/**
 * What a re-map request ({@code POST /scenes/{id}/remap}) may do: which model version maps the
 * scene again, and whether the scene can be re-mapped by it. A re-map maps the stored tiles again —
 * no re-tiling — into a map of its own, kept beside the scene's other maps.
 */
public final class SceneRemap {
  private SceneRemap() {}

  /** Why a re-map is refused: the HTTP status it answers with and a reason a person can act on. */
  public static final class Refused extends RuntimeException {
    private final int status;

    Refused(int status, String reason) {
      super(reason);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /**
   * The version to map with: {@code requested} if given (a published version of {@code modelName}),
   * else the current one.
   *
   * @param versions published versions by version
   * @throws Refused 404 for a version never published (or of another model), 409 when no version is
   *     current yet
   */
  public static ModelPublished version(
      String requested,
      String modelName,
      Optional<ModelPublished> current,
      Function<String, Optional<ModelPublished>> versions) {
    if (requested == null || requested.isBlank()) {
      return current.orElseThrow(
          () ->
              new Refused(
                  409,
                  "no version of model "
                      + modelName
                      + " is current yet: train one (POST /training-runs) or name a published"
                      + " version (?model=…)"));
    }
    Optional<ModelPublished> named = versions.apply(requested.trim());
    if (named.isEmpty() || !named.get().modelName().equals(modelName)) {
      throw new Refused(
          404,
          "no published version "
              + requested.trim()
              + " of model "
              + modelName
              + " (GET /models lists them)");
    }
    return named.get();
  }

  /**
   * Checks that {@code scene} can be re-mapped at all: its first map is done.
   *
   * @throws Refused 409 with the reason
   */
  public static void requireMapped(SceneReport scene) {
    if (!SceneReport.DONE.equals(scene.state())) {
      throw new Refused(
          409,
          "scene "
              + scene.sceneId()
              + " is "
              + scene.state()
              + ": only a mapped scene can be re-mapped (its first map must be done)");
    }
  }

  /**
   * Checks that none of the maps of {@code scene} is by {@code version} already (or being made by
   * it).
   *
   * @throws Refused 409 with the reason
   */
  public static void requireNoMapBy(SceneReport scene, String version) {
    if (scene.maps() == null) {
      return;
    }
    for (SceneReport.MapVersion m : scene.maps()) {
      if (version.equals(m.modelVersion())) {
        throw new Refused(
            409,
            "scene "
                + scene.sceneId()
                + (SceneReport.DONE.equals(m.state())
                    ? " already has a map by model version "
                    : " is being mapped by model version ")
                + version
                + (m.outputs() == null ? "" : " (" + m.outputs().cog() + ")"));
      }
    }
  }
}
