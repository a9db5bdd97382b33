package org.lcz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemapCommandTest {
  private static final Path NO_KEY = Path.of("no-such-dir/api-key");

  @Test
  void usageErrorsSayWhatToGive() {
    assertThatThrownBy(() -> RemapCommand.run(List.of(), null, NO_KEY))
        .isInstanceOf(RemapCommand.UsageException.class)
        .hasMessage("give the scene's id");
    assertThatThrownBy(() -> RemapCommand.run(List.of("a", "b"), null, NO_KEY))
        .hasMessage("give one scene, not a and b");
    assertThatThrownBy(() -> RemapCommand.run(List.of("a", "--model"), null, NO_KEY))
        .hasMessage("--model needs a value");
    assertThatThrownBy(() -> RemapCommand.run(List.of("a", "--mode", "x"), null, NO_KEY))
        .hasMessage("unknown option --mode");
  }

  @Test
  void theRequestNamesTheSceneTheVersionAndTheKeyAndAProblemComesBackAsItsDetail()
      throws Exception {
    List<String> seen = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/scenes/",
        x -> {
          seen.add(
              x.getRequestMethod()
                  + " "
                  + x.getRequestURI()
                  + " "
                  + x.getRequestHeaders().getFirst("Authorization"));
          boolean known = x.getRequestURI().getPath().startsWith("/scenes/s1/");
          byte[] body =
              (known
                      ? "{\"sceneId\":\"s1\",\"modelVersion\":\"v2\",\"tiles\":6,"
                          + "\"map\":\"s3://lcz-maps/scenes/s1/models/v2/lcz.tif\"}"
                      : "{\"status\":404,\"detail\":\"no scene s9\"}")
                  .getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(known ? 202 : 404, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      String out = RemapCommand.run(List.of("s1", "--model", "v2", "--url", url), "k3y", NO_KEY);
      assertThat(out)
          .startsWith(
              "scene s1: 6 tiles queued for model version v2; the map will be"
                  + " s3://lcz-maps/scenes/s1/models/v2/lcz.tif");
      assertThatThrownBy(() -> RemapCommand.run(List.of("s9", "--url", url), "k3y", NO_KEY))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("404: no scene s9");
      assertThat(seen)
          .containsExactly(
              "POST /scenes/s1/remap?model=v2 Bearer k3y", "POST /scenes/s9/remap Bearer k3y");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aPlatformThatIsNotUpIsSaidSo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    assertThatThrownBy(() -> RemapCommand.run(List.of("s1", "--url", url), "k", NO_KEY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the ingest service does not answer at " + url + " (is ./lcz up running?)");
  }
}
