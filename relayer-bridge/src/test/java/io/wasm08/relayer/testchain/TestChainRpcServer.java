package io.wasm08.relayer.testchain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wasm08.common.Bytes;
import io.wasm08.relayer.rpc.ProofOp;
import io.wasm08.relayer.tendermint.Sha256;
import io.wasm08.relayer.tendermint.Timestamps;
import io.wasm08.relayer.tendermint.Validator;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Serves a {@link TestChain} over loopback HTTP with CometBFT's RPC shapes: {@code status}, {@code
 * commit}, {@code validators} (paged), {@code header}, {@code block}, {@code abci_query}, {@code
 * broadcast_tx_sync}; URI GET on {@code /<method>} and {@code /v1/<method>}, JSON-RPC POST on
 * {@code /} and {@code /v1}; node errors as CometBFT words them. For tests of clients that must
 * survive bad nodes it can fail, stall or drop requests, and lie: {@link #editResults} rewrites a
 * method's {@code result} before it is sent (forged signatures, wrong heights, missing fields…).
 */
public final class TestChainRpcServer implements AutoCloseable {
  /** A received request, for assertions about routes and transports. */
  public record Request(String httpMethod, String path, String rpcMethod) {}

  /** Produces proof ops for {@code abci_query … prove=true} (none by default). */
  @FunctionalInterface
  public interface ProofSource {
    List<ProofOp> proofOps(String path, Bytes key, long height);
  }

  private final TestChain chain;
  private final HttpServer server;
  private final ExecutorService executor;
  private final boolean servesV1;
  private final String version;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, UnaryOperator<ObjectNode>> edits = new ConcurrentHashMap<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger delaysLeft = new AtomicInteger();
  private final AtomicInteger dropsLeft = new AtomicInteger();
  private volatile int failureStatus = 503;
  private volatile Duration delay = Duration.ZERO;
  private volatile java.util.concurrent.CountDownLatch release =
      new java.util.concurrent.CountDownLatch(1);
  private volatile ProofSource proofs = (path, key, height) -> List.of();
  private volatile UnaryOperator<ObjectNode> envelopeEdit = UnaryOperator.identity();

  private TestChainRpcServer(TestChain chain, boolean servesV1, String version) throws IOException {
    this.chain = chain;
    this.servesV1 = servesV1;
    this.version = version;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A CometBFT 1.x-like node: legacy and {@code /v1} routes. */
  public static TestChainRpcServer start(TestChain chain) {
    return start(chain, true);
  }

  /** {@code servesV1 = false} behaves like 0.38: {@code /v1/…} is not found. */
  public static TestChainRpcServer start(TestChain chain, boolean servesV1) {
    try {
      return new TestChainRpcServer(chain, servesV1, servesV1 ? "1.0.1" : "0.38.17");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public TestChain chain() {
    return chain;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  /** The next {@code n} requests get HTTP {@code status} with a plain-text body. */
  public void failNext(int n, int status) {
    failureStatus = status;
    failuresLeft.set(n);
  }

  /** The next {@code n} requests are answered only after {@code d}. */
  public void delayNext(int n, Duration d) {
    delay = d;
    delaysLeft.set(n);
  }

  /** The next {@code n} requests see their connection closed without an answer. */
  public void dropNext(int n) {
    dropsLeft.set(n);
  }

  /**
   * Back to an honest, prompt node: no edits, failures, delays or drops; requests still stalled by
   * {@link #delayNext} are released and closed unanswered.
   */
  public void resetFaults() {
    clearEdits();
    failuresLeft.set(0);
    delaysLeft.set(0);
    dropsLeft.set(0);
    java.util.concurrent.CountDownLatch stalled = release;
    release = new java.util.concurrent.CountDownLatch(1);
    stalled.countDown();
  }

  /** Rewrites every {@code result} of {@code rpcMethod} from now on (replacing an earlier edit). */
  public void editResults(String rpcMethod, UnaryOperator<ObjectNode> edit) {
    edits.put(rpcMethod, edit);
  }

  public void clearEdits() {
    edits.clear();
    envelopeEdit = UnaryOperator.identity();
  }

  /** Rewrites the whole JSON-RPC envelope ({@code jsonrpc}, {@code id}, …) of every answer. */
  public void editEnvelopes(UnaryOperator<ObjectNode> edit) {
    envelopeEdit = edit;
  }

  public void proofSource(ProofSource source) {
    this.proofs = source;
  }

  @Override
  public void close() {
    resetFaults();
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- HTTP ----

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String rpcMethod = null;
      JsonNode id = CometJson.MAPPER.getNodeFactory().numberNode(-1);
      Map<String, String> params = new LinkedHashMap<>();
      boolean v1 = path.equals("/v1") || path.startsWith("/v1/");
      if (v1 && !servesV1) {
        requests.add(new Request(ex.getRequestMethod(), path, null));
        send(ex, 404, "404 page not found\n".getBytes(StandardCharsets.UTF_8), "text/plain");
        return;
      }
      String route = v1 ? path.substring(3) : path;
      if (ex.getRequestMethod().equals("POST") && (route.isEmpty() || route.equals("/"))) {
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
          body = CometJson.MAPPER.readTree(in.readAllBytes());
        }
        id = body.get("id");
        rpcMethod = body.path("method").asText();
        body.path("params")
            .properties()
            .forEach(
                e ->
                    params.put(
                        e.getKey(),
                        e.getValue().isTextual()
                            ? e.getValue().textValue()
                            : e.getValue().toString()));
        params.put("__json", "true");
      } else if (ex.getRequestMethod().equals("GET") && route.length() > 1) {
        rpcMethod = route.substring(1);
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
          for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            String v =
                eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(k, v);
          }
        }
      }
      requests.add(new Request(ex.getRequestMethod(), path, rpcMethod));
      if (dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return; // closes the connection without any answer
      }
      if (delaysLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        try {
          if (release.await(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return; // released by resetFaults: close unanswered
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        send(
            ex,
            failureStatus,
            "upstream unavailable\n".getBytes(StandardCharsets.UTF_8),
            "text/plain");
        return;
      }
      ObjectNode envelope = CometJson.MAPPER.createObjectNode();
      envelope.put("jsonrpc", "2.0");
      envelope.set("id", id);
      if (rpcMethod == null) {
        send(ex, 404, "404 page not found\n".getBytes(StandardCharsets.UTF_8), "text/plain");
        return;
      }
      try {
        ObjectNode result = dispatch(rpcMethod, new Params(params));
        UnaryOperator<ObjectNode> edit = edits.get(rpcMethod);
        envelope.set("result", edit == null ? result : edit.apply(result));
        send(
            ex,
            200,
            CometJson.MAPPER.writeValueAsBytes(envelopeEdit.apply(envelope)),
            "application/json");
      } catch (NodeError e) {
        ObjectNode err = envelope.putObject("error");
        err.put("code", e.code);
        err.put("message", e.code == -32601 ? "Method not found" : "Internal error");
        err.put("data", e.getMessage());
        send(ex, 500, CometJson.MAPPER.writeValueAsBytes(envelope), "application/json");
      }
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

  // ---- methods ----

  private ObjectNode dispatch(String method, Params p) {
    return switch (method) {
      case "status" -> status();
      case "commit" -> commit(p);
      case "validators" -> validators(p);
      case "header" -> header(p);
      case "block" -> block(p);
      case "abci_query" -> abciQuery(p);
      case "broadcast_tx_sync" -> broadcastTxSync(p);
      default -> throw new NodeError(-32601, "method " + method + " not found");
    };
  }

  private ObjectNode status() {
    TestBlock tip = chain.latest();
    TestBlock first = chain.block(1);
    ObjectNode r = CometJson.MAPPER.createObjectNode();
    ObjectNode node = r.putObject("node_info");
    ObjectNode pv = node.putObject("protocol_version");
    pv.put("p2p", "8");
    pv.put("block", "11");
    pv.put("app", "1");
    node.put("id", "0123456789abcdef0123456789abcdef01234567");
    node.put("listen_addr", "tcp://127.0.0.1:26656");
    node.put("network", chain.chainId());
    node.put("version", version);
    node.put("channels", "40202122233038606100");
    node.put("moniker", "wasm08-test-chain");
    ObjectNode other = node.putObject("other");
    other.put("tx_index", "on");
    other.put("rpc_address", uri().toString());
    ObjectNode sync = r.putObject("sync_info");
    sync.put("latest_block_hash", CometJson.hex(tip.blockId().hash()));
    sync.put("latest_app_hash", CometJson.hex(tip.header().appHash()));
    sync.put("latest_block_height", Long.toString(tip.height()));
    sync.put("latest_block_time", Timestamps.format(tip.header().time()));
    sync.put("earliest_block_hash", CometJson.hex(first.blockId().hash()));
    sync.put("earliest_app_hash", CometJson.hex(first.header().appHash()));
    sync.put("earliest_block_height", "1");
    sync.put("earliest_block_time", Timestamps.format(first.header().time()));
    sync.put("catching_up", false);
    Validator v = tip.validators().validators().get(0);
    ObjectNode vi = r.putObject("validator_info");
    vi.put("address", CometJson.hex(v.address()));
    vi.set("pub_key", CometJson.pubKey(v.pubKey()));
    vi.put("voting_power", Long.toString(v.votingPower()));
    return r;
  }

  private ObjectNode commit(Params p) {
    long h = p.height().orElse(chain.height());
    TestBlock b = chain.block(committedHeight(h));
    ObjectNode r = CometJson.MAPPER.createObjectNode();
    ObjectNode sh = r.putObject("signed_header");
    sh.set("header", CometJson.header(b.header()));
    sh.set("commit", CometJson.commit(b.commit()));
    r.put("canonical", h < chain.height());
    return r;
  }

  private ObjectNode validators(Params p) {
    long h = p.height().orElse(chain.height());
    if (h < 1) {
      throw new NodeError("height must be greater than 0, but got " + h);
    }
    if (h > chain.height() + 1) {
      throw new NodeError(
          "height "
              + h
              + " must be less than or equal to the current blockchain height "
              + (chain.height() + 1));
    }
    ValidatorSet set = chain.validatorSet(h);
    int perPage = (int) Math.min(100, Math.max(1, p.int64("per_page").orElse(30L)));
    int pages = Math.max(1, (set.size() + perPage - 1) / perPage);
    long page = p.int64("page").orElse(1L);
    if (page < 1 || page > pages) {
      throw new NodeError("page should be within [1, " + pages + "] range, given " + page);
    }
    int from = (int) ((page - 1) * perPage);
    int to = Math.min(set.size(), from + perPage);
    ObjectNode r = CometJson.MAPPER.createObjectNode();
    r.put("block_height", Long.toString(h));
    ArrayNode vals = r.putArray("validators");
    for (Validator v : set.validators().subList(from, to)) {
      vals.add(CometJson.validator(v));
    }
    r.put("count", Integer.toString(to - from));
    r.put("total", Integer.toString(set.size()));
    return r;
  }

  private ObjectNode header(Params p) {
    long h = committedHeight(p.height().orElse(chain.height()));
    ObjectNode r = CometJson.MAPPER.createObjectNode();
    r.set("header", CometJson.header(chain.block(h).header()));
    return r;
  }

  private ObjectNode block(Params p) {
    TestBlock b = chain.block(committedHeight(p.height().orElse(chain.height())));
    ObjectNode r = CometJson.MAPPER.createObjectNode();
    r.set("block_id", CometJson.blockId(b.blockId()));
    ObjectNode block = r.putObject("block");
    block.set("header", CometJson.header(b.header()));
    ArrayNode txs = block.putObject("data").putArray("txs");
    for (Bytes tx : b.txs()) {
      txs.add(tx.toBase64());
    }
    block.putObject("evidence").putArray("evidence");
    block.set("last_commit", CometJson.commit(b.lastCommit()));
    return r;
  }

  private ObjectNode abciQuery(Params p) {
    String path = p.string("path").orElse("");
    Bytes key = p.hexBytes("data").orElse(Bytes.EMPTY);
    long h = p.height().filter(x -> x > 0).orElse(chain.height());
    if (h > chain.height()) {
      throw new NodeError("cannot query with height in the future; please provide a valid height");
    }
    boolean prove = p.string("prove").map(Boolean::parseBoolean).orElse(false);
    Bytes value = chain.stateAfter(h).get(key);
    ObjectNode r = CometJson.MAPPER.createObjectNode();
    ObjectNode resp = r.putObject("response");
    resp.put("code", 0);
    resp.put("log", value == null ? "does not exist" : "exists");
    resp.put("info", "");
    resp.put("index", "0");
    resp.put("key", key.toBase64());
    if (value == null) {
      resp.putNull("value");
    } else {
      resp.put("value", value.toBase64());
    }
    List<ProofOp> ops = prove ? proofs.proofOps(path, key, h) : List.of();
    if (ops.isEmpty()) {
      resp.putNull("proofOps");
    } else {
      ArrayNode arr = resp.putObject("proofOps").putArray("ops");
      for (ProofOp op : ops) {
        ObjectNode o = arr.addObject();
        o.put("type", op.type());
        o.put("key", op.key().toBase64());
        o.put("data", op.data().toBase64());
      }
    }
    resp.put("height", Long.toString(h));
    resp.put("codespace", "");
    return r;
  }

  private ObjectNode broadcastTxSync(Params p) {
    Bytes tx = p.rawBytes("tx").orElseThrow(() -> new NodeError("missing tx"));
    chain.deliverTx(tx);
    ObjectNode r = CometJson.MAPPER.createObjectNode();
    r.put("code", 0);
    r.put("data", "");
    r.put("log", "");
    r.put("codespace", "");
    r.put("hash", CometJson.hex(Sha256.hash(tx)));
    return r;
  }

  private long committedHeight(long h) {
    if (h < 1) {
      throw new NodeError("height must be greater than 0, but got " + h);
    }
    if (h > chain.height()) {
      throw new NodeError(
          "height "
              + h
              + " must be less than or equal to the current blockchain height "
              + chain.height());
    }
    return h;
  }

  /** A CometBFT JSON-RPC error; {@code -32603} "Internal error" unless given. */
  private static final class NodeError extends RuntimeException {
    final int code;

    NodeError(String data) {
      this(-32603, data);
    }

    NodeError(int code, String data) {
      super(data, null, false, false);
      this.code = code;
    }
  }

  /** Request parameters from either transport, decoded the way CometBFT decodes them. */
  private record Params(Map<String, String> raw) {
    boolean json() {
      return raw.containsKey("__json");
    }

    Optional<Long> int64(String name) {
      String v = raw.get(name);
      if (v == null || v.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(Long.parseLong(unquote(v)));
      } catch (NumberFormatException e) {
        throw new NodeError("invalid " + name + ": " + v);
      }
    }

    Optional<Long> height() {
      return int64("height");
    }

    Optional<String> string(String name) {
      return Optional.ofNullable(raw.get(name)).map(Params::unquote);
    }

    /** {@code bytes.HexBytes}: hex in JSON, 0x-hex in the URI. */
    Optional<Bytes> hexBytes(String name) {
      return string(name).map(v -> Bytes.wrapOwned(HexFormat.of().parseHex(strip0x(v))));
    }

    /** {@code []byte}: base64 in JSON, 0x-hex in the URI. */
    Optional<Bytes> rawBytes(String name) {
      return string(name)
          .map(
              v ->
                  json()
                      ? Bytes.fromBase64(v)
                      : Bytes.wrapOwned(HexFormat.of().parseHex(strip0x(v))));
    }

    private static String unquote(String v) {
      return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
          ? v.substring(1, v.length() - 1)
          : v;
    }

    private static String strip0x(String v) {
      return v.startsWith("0x") ? v.substring(2) : v;
    }
  }
}
