package org.tandem.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.tandem.http.Log;

/** The API on {@code http://localhost:<port>}: each HTTP request goes through the {@link Gateway}. */
public final class LocalServer implements AutoCloseable {
  /** API Gateway refuses bodies over 10 MB before any function sees them. */
  static final int GATEWAY_MAX_BODY = 10 * 1024 * 1024;

  private final HttpServer server;

  private LocalServer(HttpServer server) {
    this.server = server;
  }

  public static LocalServer start(int port, Gateway gateway) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.createContext("/", exchange -> serve(exchange, gateway));
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    return new LocalServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void serve(HttpExchange exchange, Gateway gateway) throws IOException {
    try (exchange) {
      byte[] body = readBody(exchange.getRequestBody());
      Gateway.HttpResponse response;
      if (body == null) {
        response = new Gateway.HttpResponse(413, Map.of("content-type", "application/json"),
            "{\"message\":\"Request Entity Too Large\"}".getBytes());
      } else {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
          headers.put(header.getKey(), String.join(",", header.getValue()));
        }
        try {
          response = gateway.handle(new Gateway.HttpRequest(exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body,
              exchange.getRemoteAddress().getAddress().getHostAddress()));
        } catch (RuntimeException e) {
          Log.error("local gateway failed", null, e);
          response = new Gateway.HttpResponse(502, Map.of("content-type", "application/json"),
              "{\"message\":\"Internal Server Error\"}".getBytes());
        }
      }
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      boolean empty = response.body().length == 0;
      exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(GATEWAY_MAX_BODY + 1);
    return bytes.length > GATEWAY_MAX_BODY ? null : bytes;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
