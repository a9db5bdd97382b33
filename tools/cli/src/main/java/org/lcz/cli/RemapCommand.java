package org.lcz.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code ./lcz remap SCENE [--model VERSION]}: maps a mapped scene again from its stored tiles with
 * the current model (or a named published version), through the ingest service's {@code POST
 * /scenes/{id}/remap} with the platform's API key.
 */
public final class RemapCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: ./lcz remap SCENE [--model VERSION]",
          "       options: --url http://127.0.0.1:8081 (the ingest service), --key KEY");

  private RemapCommand() {}

  public static void main(String[] args) {
    try {
      System.out.println(
          run(List.of(args), System.getenv("LCZ_API_KEY"), Path.of(".lcz-data/api-key")));
    } catch (UsageException e) {
      System.err.println("lcz remap: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    } catch (IllegalStateException | IOException e) {
      System.err.println("lcz remap: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
  }

  /** Runs the command and returns what to print. */
  static String run(List<String> args, String envKey, Path keyFile)
      throws IOException, InterruptedException {
    Deque<String> rest = new ArrayDeque<>(args);
    String scene = null;
    String model = null;
    String url = "http://127.0.0.1:8081";
    String key = envKey;
    while (!rest.isEmpty()) {
      String a = rest.removeFirst();
      if (!a.startsWith("--")) {
        if (scene != null) {
          throw new UsageException("give one scene, not " + scene + " and " + a);
        }
        scene = a;
        continue;
      }
      if (rest.isEmpty()) {
        throw new UsageException(a + " needs a value");
      }
      String v = rest.removeFirst();
      switch (a) {
        case "--model" -> model = v;
        case "--url" -> url = v;
        case "--key" -> key = v;
        default -> throw new UsageException("unknown option " + a);
      }
    }
    if (scene == null) {
      throw new UsageException("give the scene's id");
    }
    String path =
        "/scenes/" + enc(scene) + "/remap" + (model == null ? "" : "?model=" + enc(model));
    JsonNode r = new RestClient(url, RestClient.key(key, keyFile)).send("POST", path, null);
    return String.format(
        "scene %s: %d tiles queued for model version %s; the map will be %s%n"
            + "follow it: curl %s/scenes/%s (its maps list both)",
        r.path("sceneId").asText(),
        r.path("tiles").asInt(),
        r.path("modelVersion").asText(),
        r.path("map").asText(),
        url,
        r.path("sceneId").asText());
  }

  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
