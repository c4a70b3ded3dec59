package io.wasm08.node.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.metrics.NodeMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The node's HTTP listener (127.0.0.1 by default): the REST/JSON gateway on every path, and the
 * Prometheus scrape at {@code GET /metrics}.
 */
public final class NodeHttpServer implements AutoCloseable {
  /** Largest request body read (a base64 tx with a 3 MiB contract fits). */
  static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;

  private NodeHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static NodeHttpServer start(
      InetSocketAddress address, RestGateway gateway, NodeMetrics metrics) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 64);
    } catch (IOException e) {
      throw NodeErrorCode.UNAVAILABLE.wrap(
          "cannot bind the REST server to " + address + ": " + e.getMessage(), e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(4, Thread.ofPlatform().name("rest-", 0).daemon().factory());
    server.setExecutor(executor);
    server.createContext(
        "/metrics",
        exchange -> {
          try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
              send(exchange, 405, "text/plain", "Method Not Allowed\n");
              return;
            }
            send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
          }
        });
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            serve(exchange, gateway);
          }
        });
    server.start();
    return new NodeHttpServer(server, executor);
  }

  private static void serve(HttpExchange exchange, RestGateway gateway) throws IOException {
    URI uri = exchange.getRequestURI();
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    RestGateway.Response response;
    if (body.length > MAX_BODY_BYTES) {
      response =
          new RestGateway.Response(
              413, "{\"code\": 8, \"message\": \"request body too large\", \"details\": []}");
    } else {
      response =
          gateway.handle(
              exchange.getRequestMethod(),
              uri.getRawPath(),
              uri.getRawQuery(),
              new String(body, StandardCharsets.UTF_8));
    }
    send(exchange, response.status(), "application/json", response.json());
  }

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
