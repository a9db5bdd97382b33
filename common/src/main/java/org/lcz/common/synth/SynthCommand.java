package org.lcz.common.synth;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./lcz synth --seed 7 --size 4000 --out DIR [--per-class N] [--patch PX] [--mix
 * balanced|realistic]}: writes a synthetic world's scene and ground truth, and training, validation
 * and test sets sampled from worlds with other seeds.
 */
public final class SynthCommand {
  /**
   * Class shares of a "realistic" mix (LCZ 1 … G): mostly low plants, trees and low-rise housing,
   * few high-rises and little bare ground.
   */
  static final double[] REALISTIC = {1, 2, 3, 1, 2, 8, 1, 4, 6, 2, 8, 6, 3, 12, 2, 1, 4};

  static final String USAGE =
      "usage: ./lcz synth --seed N --size PX --out DIR [--per-class N] [--patch PX]"
          + " [--mix balanced|realistic]";

  private SynthCommand() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        System.err.println(USAGE);
        System.exit(2);
      }
      o.put(args[i], args[++i]);
    }
    if (!o.containsKey("--out")) {
      System.err.println(USAGE);
      System.exit(2);
    }
    long seed = Long.parseLong(o.getOrDefault("--seed", "7"));
    int size = Integer.parseInt(o.getOrDefault("--size", "4000"));
    int perClass = Integer.parseInt(o.getOrDefault("--per-class", "200"));
    int patch = Integer.parseInt(o.getOrDefault("--patch", "48"));
    boolean realistic = o.getOrDefault("--mix", "balanced").equals("realistic");
    Path out = Path.of(o.get("--out"));

    double[] weights = realistic ? REALISTIC : SyntheticWorld.balanced();
    SyntheticWorld world = new SyntheticWorld(seed, size, weights);
    WorldFiles.writeScene(world, out);
    System.out.printf(
        "scene %s: %d × %d px, truth %d × %d cells%n",
        out.resolve("scene.tif"), size, size, world.cells(), world.cells());
    int[] counts = new int[weights.length];
    double max = Arrays.stream(weights).max().orElse(1);
    for (int c = 0; c < counts.length; c++) {
      counts[c] = Math.max(1, (int) Math.round(perClass * weights[c] / max));
    }
    String[] names = {"train.h5", "val.h5", "test.h5"};
    double[] share = {1, 0.25, 0.25};
    for (int i = 0; i < names.length; i++) {
      int[] n = new int[counts.length];
      for (int c = 0; c < n.length; c++) {
        n[c] = Math.max(1, (int) Math.round(counts[c] * share[i]));
      }
      int written =
          WorldFiles.writePatches(out.resolve(names[i]), seed + 1000L * (i + 1), 2000, n, patch);
      System.out.printf("%s: %d patches of %d px%n", out.resolve(names[i]), written, patch);
    }
  }
}
