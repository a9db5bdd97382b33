package org.lcz.deploy.launcher;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

/**
 * A child program for {@link ServiceProcessTest}: prints a line, then serves 503 on /ready for
 * {@code args[1]} ms and 200 after that, on port {@code args[0]}; exits with 3 if {@code args[1]}
 * is negative. {@code /q/health/live} answers {@code args[2]} (200 when not given).
 */
public final class ReadyServer {
  private ReadyServer() {}

  public static void main(String[] args) throws Exception {
    System.out.println("ready-server starting");
    long delay = Long.parseLong(args[1]);
    if (delay < 0) {
      System.out.println("failing on purpose");
      System.exit(3);
    }
    long readyAt = System.currentTimeMillis() + delay;
    HttpServer server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
    server.createContext(
        "/ready",
        exchange -> {
          int code = System.currentTimeMillis() >= readyAt ? 200 : 503;
          exchange.sendResponseHeaders(code, -1);
          exchange.close();
        });
    int live = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    server.createContext(
        "/q/health/live",
        exchange -> {
          exchange.sendResponseHeaders(live, -1);
          exchange.close();
        });
    server.start();
  }
}
