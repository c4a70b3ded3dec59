package io.wasm08.relayer.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers every JSON-RPC POST with a recorded CometBFT response (read in place from the shared
 * fixtures), only its {@code id} set to the request's so the client's id check applies.
 */
final class ReplayRpcServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String dir;
  private final HttpServer server;
  private final AtomicReference<String> next = new AtomicReference<>();
  private final AtomicReference<JsonNode> lastRequest = new AtomicReference<>();

  ReplayRpcServer(String dir) {
    this.dir = dir;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The recorded answer (file name under {@code incoming/}) for the next request. */
  void answerWith(String file) {
    next.set(file);
  }

  JsonNode lastRequest() {
    return lastRequest.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      JsonNode request = JSON.readTree(ex.getRequestBody().readAllBytes());
      lastRequest.set(request);
      ObjectNode answer =
          (ObjectNode)
              JSON.readTree(SharedFixtures.get().contents(dir + "/incoming/" + next.get()));
      answer.set("id", request.get("id"));
      byte[] body = JSON.writeValueAsBytes(answer);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(answer.has("error") ? 500 : 200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
