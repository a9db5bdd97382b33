package org.lcz.ingest.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server for a folder that honours {@code Range: bytes=a-b} (206 Partial Content), as
 * object stores and CDNs serving COGs do; it records each request's method, path and range.
 */
final class RangeServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  /** One request: method, path, the Range header (or null) and the bytes sent. */
  record Request(String method, String path, String range, long bytes) {}

  private final HttpServer server;
  private final Path root;
  final List<Request> requests = new CopyOnWriteArrayList<>();

  RangeServer(Path root) throws IOException {
    this.root = root;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:port/}. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      Path file = root.resolve(x.getRequestURI().getPath().substring(1)).normalize();
      String range = x.getRequestHeaders().getFirst("Range");
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        requests.add(new Request(x.getRequestMethod(), x.getRequestURI().getPath(), range, 0));
        x.sendResponseHeaders(404, -1);
        return;
      }
      long size = Files.size(file);
      long from = 0;
      long to = size - 1;
      int status = 200;
      if (range != null) {
        Matcher m = RANGE.matcher(range.trim());
        if (m.matches()) {
          from = Long.parseLong(m.group(1));
          to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
          status = 206;
          x.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
      }
      x.getResponseHeaders().add("Accept-Ranges", "bytes");
      x.getResponseHeaders().add("Content-Type", "image/tiff");
      long length = to - from + 1;
      boolean head = x.getRequestMethod().equals("HEAD");
      if (head) {
        requests.add(new Request("HEAD", x.getRequestURI().getPath(), range, 0));
        x.getResponseHeaders().add("Content-Length", Long.toString(size));
        x.sendResponseHeaders(status, -1);
        return;
      }
      x.sendResponseHeaders(status, length);
      long sent = 0;
      try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r");
          OutputStream out = x.getResponseBody()) {
        f.seek(from);
        byte[] buf = new byte[1 << 14];
        long left = length;
        while (left > 0) {
          int n = f.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            break;
          }
          out.write(buf, 0, n);
          out.flush();
          sent += n;
          left -= n;
        }
      } catch (IOException e) {
        // the client closed the connection: it had read what it needed
      } finally {
        requests.add(new Request(x.getRequestMethod(), x.getRequestURI().getPath(), range, sent));
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
