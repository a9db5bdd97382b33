package org.lcz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestClientTest {
  @Test
  void theKeyGivenWinsThenTheOneUpKeptElseNone(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("api-key");
    assertThat(RestClient.key(null, file)).isNull();
    Files.writeString(file, "from-file\n");
    assertThat(RestClient.key(null, file)).isEqualTo("from-file");
    assertThat(RestClient.key("given", file)).isEqualTo("given");
  }

  @Test
  void jsonGoesOutWithTheKeyAndAProblemComesBackAsItsDetailOrItsText() throws Exception {
    List<String> seen = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        x -> {
          String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.add(
              x.getRequestMethod()
                  + " "
                  + x.getRequestURI()
                  + " "
                  + x.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + x.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + body);
          String path = x.getRequestURI().getPath();
          int status = path.equals("/ok") ? 200 : path.equals("/empty") ? 204 : 409;
          byte[] out =
              (path.equals("/ok")
                      ? "{\"a\": 1}"
                      : path.equals("/problem") ? "{\"status\": 409, \"detail\": \"taken\"}" : "")
                  .getBytes(StandardCharsets.UTF_8);
          if (path.equals("/text")) {
            out = "plain words".getBytes(StandardCharsets.UTF_8);
          }
          x.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
          x.getResponseBody().write(out);
          x.close();
        });
    server.start();
    try {
      RestClient client = new RestClient("http://127.0.0.1:" + server.getAddress().getPort(), "k");
      assertThat(
              client
                  .send("POST", "/ok", new ObjectMapper().readTree("{\"b\": 2}"))
                  .path("a")
                  .asInt())
          .isEqualTo(1);
      assertThat(client.send("DELETE", "/empty", null).isEmpty()).isTrue();
      assertThatThrownBy(() -> client.send("GET", "/problem", null)).hasMessage("409: taken");
      assertThatThrownBy(() -> client.send("GET", "/text", null)).hasMessage("409: plain words");
      assertThat(seen.get(0)).isEqualTo("POST /ok Bearer k application/json {\"b\":2}");
      assertThat(seen.get(1)).isEqualTo("DELETE /empty Bearer k null ");
    } finally {
      server.stop(0);
    }
  }
}
