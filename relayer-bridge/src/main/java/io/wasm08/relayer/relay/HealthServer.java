package io.wasm08.relayer.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code GET /health} (JSON per client; 200 when every client is healthy, 503 otherwise) and {@code
 * GET /metrics} (Prometheus text) on the JDK's HTTP server.
 */
public final class HealthServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Supplier<List<ClientStatus>> statuses;
  private final RelayerMetrics metrics;

  public HealthServer(
      String host, int port, Supplier<List<ClientStatus>> statuses, RelayerMetrics metrics) {
    this.statuses = statuses;
    this.metrics = metrics;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the health endpoint to " + host + ":" + port, e);
    }
    server.setExecutor(executor);
    server.createContext("/health", this::health);
    server.createContext("/metrics", this::metrics);
    server.start();
  }

  public URI uri() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getHostString() + ":" + a.getPort());
  }

  private void health(HttpExchange ex) throws IOException {
    try (ex) {
      List<ClientStatus> all = statuses.get();
      boolean healthy = all.stream().allMatch(ClientStatus::healthy);
      ObjectNode root = JSON.createObjectNode();
      root.put("status", healthy ? "ok" : "degraded");
      ObjectNode clients = root.putObject("clients");
      for (ClientStatus s : all) {
        ObjectNode c = clients.putObject(s.clientId());
        c.put("source", s.source());
        c.put("state", s.state());
        c.put("sourceHeight", s.sourceHeight());
        c.put("clientHeight", s.clientHeight());
        c.put("lag", Math.max(0, s.sourceHeight() - s.clientHeight()));
        c.put("updates", s.updates());
        s.lastFailureReason().ifPresent(r -> c.put("lastFailureReason", r));
        s.lastFailure().ifPresent(r -> c.put("lastFailure", r));
        s.lastUpdate().ifPresent(t -> c.put("lastUpdate", t.toString()));
      }
      send(ex, healthy ? 200 : 503, JSON.writeValueAsBytes(root), "application/json");
    }
  }

  private void metrics(HttpExchange ex) throws IOException {
    try (ex) {
      send(
          ex,
          200,
          metrics.scrape().getBytes(StandardCharsets.UTF_8),
          "text/plain; version=0.0.4; charset=utf-8");
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body, String type)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
