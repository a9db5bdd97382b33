package org.lcz.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./lcz region define|list|show|delete|change …}: regions at a terminal, through the ingest
 * service's REST API ({@code /regions}) with the platform's API key ({@code .lcz-data/api-key}, or
 * {@code --key}, or {@code LCZ_API_KEY}).
 */
public final class RegionCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: ./lcz region define NAME (--bbox W,S,E,N | --outline FILE.geojson) [--from DATE]"
              + " [--to DATE] [--crs EPSG:N] [--models current|any] [--cell-size M]",
          "       ./lcz region list | show NAME | delete NAME | change NAME vA vB [--band lcz]",
          "       options: --url http://127.0.0.1:8081 (the ingest service), --key KEY");

  private static final ObjectMapper JSON = new ObjectMapper();

  private RegionCommand() {}

  public static void main(String[] args) {
    try {
      System.out.println(
          run(List.of(args), System.getenv("LCZ_API_KEY"), Path.of(".lcz-data/api-key")));
    } catch (UsageException e) {
      System.err.println("lcz region: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    } catch (IllegalStateException | IOException e) {
      System.err.println("lcz region: " + e.getMessage());
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
    if (rest.isEmpty()) {
      throw new UsageException("give a command");
    }
    String command = rest.removeFirst();
    String url = "http://127.0.0.1:8081";
    String key = envKey;
    ObjectNode body = JSON.createObjectNode();
    String band = null;
    List<String> words = new ArrayList<>();
    while (!rest.isEmpty()) {
      String a = rest.removeFirst();
      if (!a.startsWith("--")) {
        words.add(a);
        continue;
      }
      if (rest.isEmpty()) {
        throw new UsageException(a + " needs a value");
      }
      String v = rest.removeFirst();
      switch (a) {
        case "--url" -> url = v;
        case "--key" -> key = v;
        case "--bbox" -> {
          ArrayNode box = body.putArray("outline");
          String[] p = v.split(",");
          if (p.length != 4) {
            throw new UsageException("--bbox is west,south,east,north");
          }
          for (String n : p) {
            try {
              box.add(Double.parseDouble(n.trim()));
            } catch (NumberFormatException e) {
              throw new UsageException("--bbox takes numbers, not " + n);
            }
          }
        }
        case "--outline" -> body.set("outline", outline(Path.of(v)));
        case "--from" -> body.put("from", v);
        case "--to" -> body.put("to", v);
        case "--crs" -> body.put("crs", v);
        case "--models" -> body.put("models", v);
        case "--cell-size" -> {
          try {
            body.put("cellSize", Double.parseDouble(v));
          } catch (NumberFormatException e) {
            throw new UsageException("--cell-size takes metres, not " + v);
          }
        }
        case "--band" -> band = v;
        default -> throw new UsageException("unknown option " + a);
      }
    }
    RestClient client = new RestClient(url, RestClient.key(key, keyFile));
    return switch (command) {
      case "list" -> {
        JsonNode all = client.send("GET", "/regions", null);
        StringBuilder out = new StringBuilder();
        for (JsonNode r : all) {
          out.append(summary(r)).append('\n');
        }
        yield all.isEmpty() ? "no regions" : out.toString().trim();
      }
      case "show" -> pretty(client.send("GET", "/regions/" + one(words, "show"), null));
      case "delete" -> {
        String name = one(words, "delete");
        client.send("DELETE", "/regions/" + name, null);
        yield "deleted " + name + " (its versions stay in lcz-maps)";
      }
      case "define" -> {
        body.put("name", one(words, "define"));
        if (!body.has("outline")) {
          throw new UsageException("give the outline: --bbox W,S,E,N or --outline FILE.geojson");
        }
        JsonNode d = client.send("POST", "/regions", body);
        yield "defined "
            + d.path("name").asText()
            + " on EPSG:"
            + d.path("epsg").asInt()
            + " ("
            + d.path("models").asText()
            + " model maps); every scene map that meets it makes its next version";
      }
      case "change" -> {
        if (words.size() != 3) {
          throw new UsageException("change NAME vA vB");
        }
        String q =
            "?from="
                + enc(words.get(1))
                + "&to="
                + enc(words.get(2))
                + (band == null ? "" : "&band=" + enc(band));
        JsonNode c = client.send("GET", "/regions/" + words.get(0) + "/change" + q, null);
        JsonNode t = c.path("transitions");
        yield String.format(
                Locale.ROOT,
                "%s v%d → v%d (%s): %d cells in both, %d changed (%.2f km²)%n",
                c.path("region").asText(),
                c.path("from").asInt(),
                c.path("to").asInt(),
                c.path("band").asText(),
                t.path("comparedCells").asLong(),
                t.path("changedCells").asLong(),
                t.path("changedKm2").asDouble())
            + pretty(c.path("products"));
      }
      default -> throw new UsageException("unknown command " + command);
    };
  }

  private static String summary(JsonNode r) {
    return String.format(
        Locale.ROOT,
        "%-24s %s  %d members  %s",
        r.path("name").asText(),
        r.path("crs").asText(),
        r.path("members").size(),
        r.path("latestVersion").isNull()
            ? "no version yet"
            : String.format(
                Locale.ROOT,
                "v%d, coverage %.1f %%",
                r.path("latestVersion").asInt(),
                100 * r.path("coverage").asDouble()));
  }

  private static JsonNode outline(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UsageException(file + " is not GeoJSON: " + e.getMessage());
    }
  }

  private static String one(List<String> words, String command) {
    if (words.size() != 1) {
      throw new UsageException(command + " takes the region's name");
    }
    return words.get(0);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String pretty(JsonNode n) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
  }

  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }
}
