package org.lcz.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.lcz.synth.WorldSpec;

/**
 * {@code ./lcz synth --seed 7 --size 4000 --out DIR [--per-class N] [--patch PX] [--mix
 * balanced|realistic] [--height]}: writes a synthetic world's scene and ground truth, and training,
 * validation and test sets sampled from worlds with other seeds ({@link WorldSpec}).
 */
public final class SynthCommand {
  static final String USAGE =
      "usage: ./lcz synth --seed N --size PX --out DIR [--per-class N] [--patch PX]"
          + " [--mix balanced|realistic] [--height]";

  private SynthCommand() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    boolean height = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--height")) {
        height = true;
        continue;
      }
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        fail("'" + args[i] + "' is not an option with a value");
      }
      o.put(args[i], args[++i]);
    }
    if (!o.containsKey("--out")) {
      fail("--out is required");
    }
    WorldSpec spec;
    try {
      spec =
          new WorldSpec(
              Long.parseLong(o.getOrDefault("--seed", "7")),
              Integer.parseInt(o.getOrDefault("--size", "4000")),
              Integer.parseInt(o.getOrDefault("--per-class", "200")),
              Integer.parseInt(o.getOrDefault("--patch", "48")),
              WorldSpec.Mix.of(o.getOrDefault("--mix", "balanced")),
              height);
    } catch (NumberFormatException e) {
      fail("not a number: " + e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
      return;
    }
    spec.write(Path.of(o.get("--out")), System.out);
  }

  private static void fail(String message) {
    System.err.println("lcz synth: " + message);
    System.err.println(USAGE);
    System.exit(2);
  }
}
