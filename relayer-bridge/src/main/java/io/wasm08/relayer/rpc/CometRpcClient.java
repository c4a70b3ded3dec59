package io.wasm08.relayer.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.tendermint.Commit;
import io.wasm08.relayer.tendermint.Header;
import io.wasm08.relayer.tendermint.PublicKey;
import io.wasm08.relayer.tendermint.Sha256;
import io.wasm08.relayer.tendermint.Validator;
import io.wasm08.relayer.tendermint.ValidatorSet;
import io.wasm08.store.rootmulti.SimpleMerkle;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CometBFT RPC client (0.34–0.38 and 1.x; URI GET or JSON-RPC POST; legacy or {@code /v1}
 * routes). Every answer is decoded into typed records and checked against the question: the height
 * asked for, hashes that must match (block id vs header, data hash vs txs, tx hash vs tx), paging
 * totals. Anything missing, malformed or inconsistent is an {@link RpcException} naming the field;
 * only transient failures (transport, timeout, HTTP 5xx/429) are retried, with backoff.
 *
 * <p>Answers are untrusted input: nothing here verifies signatures — that is the light client's job
 * ({@link io.wasm08.relayer.light}).
 */
public final class CometRpcClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RpcClientConfig config;
  private final HttpClient http;
  private final Sleeper sleeper;
  private final AtomicLong ids = new AtomicLong();

  public CometRpcClient(RpcClientConfig config, HttpClient http, Sleeper sleeper) {
    this.config = Objects.requireNonNull(config, "config");
    this.http = Objects.requireNonNull(http, "http");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** A client with its own {@link HttpClient} (connect timeout from the config). */
  public static CometRpcClient create(RpcClientConfig config) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new CometRpcClient(config, http, Sleeper.SYSTEM);
  }

  public RpcClientConfig config() {
    return config;
  }

  // ---- methods ----

  public StatusResponse status() {
    return decode(
        "status",
        call("status", Map.of()),
        r -> {
          JsonField node = r.get("node_info");
          JsonField sync = r.get("sync_info");
          JsonField val = r.get("validator_info");
          PublicKey key = val.opt("pub_key").map(TendermintJson::publicKey).orElse(null);
          return new StatusResponse(
              new StatusResponse.NodeInfo(
                  node.get("id").string(),
                  node.get("network").string(),
                  node.get("version").string(),
                  node.opt("moniker").map(JsonField::string).orElse("")),
              new StatusResponse.SyncInfo(
                  sync.get("latest_block_hash").hex(),
                  sync.get("latest_app_hash").hex(),
                  sync.get("latest_block_height").int64(),
                  sync.get("latest_block_time").time(),
                  sync.opt("earliest_block_height").map(JsonField::int64).orElse(0L),
                  sync.get("catching_up").bool()),
              new StatusResponse.ValidatorInfo(
                  val.get("address").hex(), key, val.get("voting_power").int64()));
        });
  }

  /** {@code /commit?height=h}; the answer must be for height {@code h}. */
  public CommitResponse commit(long height) {
    requirePositive(height);
    CommitResponse response = commitAt(Map.of("height", Param.int64(height)));
    expectHeight(
        "commit", "result.signed_header.header.height", height, response.signedHeader().height());
    return response;
  }

  /** {@code /commit} at the node's latest height. */
  public CommitResponse latestCommit() {
    return commitAt(Map.of());
  }

  private CommitResponse commitAt(Map<String, Param> params) {
    return decode(
        "commit",
        call("commit", params),
        r ->
            new CommitResponse(
                TendermintJson.signedHeader(r.get("signed_header")),
                r.opt("canonical").map(JsonField::bool).orElse(false)));
  }

  /** One page of {@code /validators} (1-based). */
  public ValidatorsPage validatorsPage(long height, int page, int perPage) {
    requirePositive(height);
    Map<String, Param> params = new LinkedHashMap<>();
    params.put("height", Param.int64(height));
    params.put("page", Param.int64(page));
    params.put("per_page", Param.int64(perPage));
    return decode(
        "validators",
        call("validators", params),
        r ->
            new ValidatorsPage(
                r.get("block_height").int64(),
                TendermintJson.validators(r.get("validators")),
                r.get("count").int32(),
                r.get("total").int32()));
  }

  /**
   * The whole validator set at {@code height}, paging until the count reaches the total; pages must
   * agree on height and total and never repeat a validator. No proposer is set.
   */
  public ValidatorSet validators(long height) {
    List<Validator> all = new ArrayList<>();
    Set<Bytes> seen = new HashSet<>();
    int total = -1;
    for (int page = 1; ; page++) {
      ValidatorsPage p = validatorsPage(height, page, config.validatorsPerPage());
      expectHeight("validators", "result.block_height", height, p.blockHeight());
      if (total < 0) {
        total = p.total();
        if (total < 0) {
          throw inconsistent("validators", "negative total " + total);
        }
      } else if (p.total() != total) {
        throw inconsistent(
            "validators", "page " + page + " says total " + p.total() + ", page 1 said " + total);
      }
      if (p.count() != p.validators().size()) {
        throw inconsistent(
            "validators",
            "page " + page + " says count " + p.count() + " but lists " + p.validators().size());
      }
      if (p.validators().isEmpty() && all.size() < total) {
        throw inconsistent(
            "validators", "page " + page + " is empty after " + all.size() + " of " + total);
      }
      for (Validator v : p.validators()) {
        if (!seen.add(v.address())) {
          throw inconsistent(
              "validators", "validator " + v.address().toHex().toUpperCase() + " listed twice");
        }
        all.add(v);
      }
      if (all.size() > total) {
        throw inconsistent("validators", "listed " + all.size() + " validators, total " + total);
      }
      if (all.size() == total) {
        return ValidatorSet.withoutProposer(all);
      }
    }
  }

  /** {@code /header?height=h} (CometBFT ≥ 0.37). */
  public Header header(long height) {
    requirePositive(height);
    Header header =
        decode(
            "header",
            call("header", Map.of("height", Param.int64(height))),
            r -> TendermintJson.header(r.get("header")));
    expectHeight("header", "result.header.height", height, header.height());
    return header;
  }

  /**
   * {@code /block?height=h}; the block id must be the header's hash and the data hash the Merkle
   * root of the transactions' hashes.
   */
  public BlockResponse block(long height) {
    requirePositive(height);
    BlockResponse block =
        decode(
            "block",
            call("block", Map.of("height", Param.int64(height))),
            r -> {
              JsonField b = r.get("block");
              List<Bytes> txs = new ArrayList<>();
              for (JsonField tx :
                  b.get("data").opt("txs").map(JsonField::array).orElse(List.of())) {
                txs.add(tx.base64());
              }
              int evidence =
                  b.opt("evidence")
                      .flatMap(e -> e.opt("evidence"))
                      .map(e -> e.array().size())
                      .orElse(0);
              Commit lastCommit = b.opt("last_commit").map(TendermintJson::commit).orElse(null);
              return new BlockResponse(
                  TendermintJson.blockId(r.get("block_id")),
                  TendermintJson.header(b.get("header")),
                  txs,
                  evidence,
                  lastCommit);
            });
    expectHeight("block", "result.block.header.height", height, block.header().height());
    Bytes headerHash = block.header().hash();
    if (!headerHash.equals(block.blockId().hash())) {
      throw inconsistent(
          "block",
          "block_id.hash "
              + hex(block.blockId().hash())
              + " is not the header's hash "
              + hex(headerHash));
    }
    List<Bytes> txHashes = new ArrayList<>();
    for (Bytes tx : block.txs()) {
      txHashes.add(Sha256.hash(tx));
    }
    Bytes dataHash = SimpleMerkle.hashFromByteSlices(txHashes);
    if (!dataHash.equals(block.header().dataHash())) {
      throw inconsistent(
          "block",
          "header.data_hash "
              + hex(block.header().dataHash())
              + " does not commit to the block's "
              + txHashes.size()
              + " txs ("
              + hex(dataHash)
              + ")");
    }
    return block;
  }

  /**
   * {@code abci_query}. {@code height} 0 means latest; a positive height must be echoed back. With
   * {@code prove} a successful answer must carry proof ops.
   */
  public AbciQueryResponse abciQuery(String path, Bytes data, long height, boolean prove) {
    if (height < 0) {
      throw new IllegalArgumentException("height must not be negative: " + height);
    }
    Map<String, Param> params = new LinkedHashMap<>();
    params.put("path", Param.string(path));
    params.put("data", Param.hexBytes(data));
    if (height > 0) {
      params.put("height", Param.int64(height));
    }
    params.put("prove", Param.bool(prove));
    AbciQueryResponse q =
        decode(
            "abci_query",
            call("abci_query", params),
            r -> {
              JsonField resp = r.get("response");
              List<ProofOp> ops = new ArrayList<>();
              for (JsonField op :
                  resp.opt("proofOps")
                      .flatMap(p -> p.opt("ops"))
                      .map(JsonField::array)
                      .orElse(List.of())) {
                ops.add(
                    new ProofOp(
                        op.get("type").string(),
                        op.opt("key").map(JsonField::base64).orElse(Bytes.EMPTY),
                        op.opt("data").map(JsonField::base64).orElse(Bytes.EMPTY)));
              }
              return new AbciQueryResponse(
                  resp.opt("code").map(JsonField::int32).orElse(0),
                  resp.opt("log").map(JsonField::string).orElse(""),
                  resp.opt("info").map(JsonField::string).orElse(""),
                  resp.opt("index").map(JsonField::int64).orElse(0L),
                  resp.opt("key").map(JsonField::base64).orElse(Bytes.EMPTY),
                  resp.opt("value").map(JsonField::base64).orElse(Bytes.EMPTY),
                  ops,
                  resp.opt("height").map(JsonField::int64).orElse(0L),
                  resp.opt("codespace").map(JsonField::string).orElse(""));
            });
    if (height > 0) {
      expectHeight("abci_query", "result.response.height", height, q.height());
    }
    if (q.isOk() && !q.key().isEmpty() && !q.key().equals(data)) {
      throw inconsistent("abci_query", "answered key " + hex(q.key()) + " for key " + hex(data));
    }
    if (prove && q.isOk() && q.proofOps().isEmpty()) {
      throw inconsistent("abci_query", "prove=true but the answer has no proofOps");
    }
    return q;
  }

  /** {@code broadcast_tx_sync}; the answered hash must be SHA-256 of the tx. */
  public BroadcastTxResponse broadcastTxSync(Bytes tx) {
    BroadcastTxResponse r =
        decode(
            "broadcast_tx_sync",
            call("broadcast_tx_sync", Map.of("tx", Param.rawBytes(tx))),
            res ->
                new BroadcastTxResponse(
                    res.opt("code").map(JsonField::int32).orElse(0),
                    res.opt("data").map(JsonField::base64).orElse(Bytes.EMPTY),
                    res.opt("log").map(JsonField::string).orElse(""),
                    res.opt("codespace").map(JsonField::string).orElse(""),
                    res.get("hash").hex()));
    Bytes expected = Sha256.hash(tx);
    if (!r.hash().equals(expected)) {
      throw inconsistent(
          "broadcast_tx_sync", "hash " + hex(r.hash()) + " is not the tx's hash " + hex(expected));
    }
    return r;
  }

  // ---- transport ----

  /** Sends with retries; returns the {@code result} member. */
  JsonField call(String method, Map<String, Param> params) {
    RpcException last = null;
    RetryPolicy retry = config.retry();
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      try {
        return attempt(method, params);
      } catch (RpcException e) {
        if (!e.isTransient()) {
          throw e;
        }
        last = e;
        if (attempt < retry.maxAttempts()) {
          try {
            sleeper.sleep(retry.backoffAfter(attempt));
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw RpcException.of(
                RelayerErrorCode.RPC_TRANSPORT, method, "interrupted while backing off", ie);
          }
        }
      }
    }
    throw new RpcException(
        (RelayerErrorCode) last.errorCode(),
        method,
        "giving up after " + retry.maxAttempts() + " attempts: " + last.reason(),
        last.httpStatus(),
        last.rpcCode(),
        last.rpcMessage(),
        last.rpcData(),
        last);
  }

  private JsonField attempt(String method, Map<String, Param> params) {
    long id = ids.incrementAndGet();
    HttpRequest request = buildRequest(method, params, id);
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw RpcException.of(RelayerErrorCode.RPC_TIMEOUT, method, e.getMessage(), e);
    } catch (IOException e) {
      throw RpcException.of(
          RelayerErrorCode.RPC_TRANSPORT,
          method,
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RpcException.of(RelayerErrorCode.RPC_TRANSPORT, method, "interrupted", e);
    }
    return readEnvelope(method, id, response.statusCode(), response.body());
  }

  HttpRequest buildRequest(String method, Map<String, Param> params, long id) {
    String base = config.endpoint().toString().replaceAll("/+$", "");
    String prefix = config.dialect().prefix();
    HttpRequest.Builder b = HttpRequest.newBuilder().timeout(config.requestTimeout());
    if (config.transport() == RpcTransport.URI_GET) {
      StringBuilder uri = new StringBuilder(base).append(prefix).append('/').append(method);
      char sep = '?';
      for (Map.Entry<String, Param> p : params.entrySet()) {
        uri.append(sep).append(p.getKey()).append('=').append(p.getValue().uriValue());
        sep = '&';
      }
      return b.uri(URI.create(uri.toString())).GET().build();
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("jsonrpc", "2.0");
    body.put("id", id);
    body.put("method", method);
    ObjectNode p = body.putObject("params");
    for (Map.Entry<String, Param> e : params.entrySet()) {
      e.getValue().putJson(p, e.getKey());
    }
    String path = prefix.isEmpty() ? "/" : prefix;
    return b.uri(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  private JsonField readEnvelope(String method, long id, int status, byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      root = null; // not JSON: judged below by the HTTP status
    }
    if (root == null || !root.isObject()) {
      if (status != 200) {
        throw new RpcException(
            RelayerErrorCode.RPC_HTTP_STATUS,
            method,
            "HTTP " + status + ": " + abbreviate(new String(body, StandardCharsets.UTF_8)),
            status,
            null,
            null,
            null,
            null);
      }
      throw RpcException.of(
          RelayerErrorCode.RPC_MALFORMED_RESPONSE, method, "answer is not a JSON object");
    }
    JsonNode error = root.get("error");
    if (error != null && !error.isNull()) {
      Integer code = error.hasNonNull("code") ? error.get("code").asInt() : null;
      String message = error.hasNonNull("message") ? error.get("message").asText() : "";
      String data = error.hasNonNull("data") ? error.get("data").asText() : "";
      throw new RpcException(
          RelayerErrorCode.RPC_ERROR_RESPONSE,
          method,
          "node error " + code + " " + message + (data.isEmpty() ? "" : ": " + data),
          status,
          code,
          message,
          data,
          null);
    }
    if (status != 200) {
      throw new RpcException(
          RelayerErrorCode.RPC_HTTP_STATUS,
          method,
          "HTTP " + status,
          status,
          null,
          null,
          null,
          null);
    }
    JsonNode version = root.get("jsonrpc");
    if (version != null && !"2.0".equals(version.asText())) {
      throw RpcException.of(
          RelayerErrorCode.RPC_MALFORMED_RESPONSE, method, "jsonrpc is not \"2.0\": " + version);
    }
    if (config.transport() == RpcTransport.JSON_RPC_POST) {
      JsonNode answered = root.get("id");
      if (answered == null || !(answered.asText().equals(Long.toString(id)))) {
        throw inconsistent(method, "answer id " + answered + " for request id " + id);
      }
    }
    JsonNode result = root.get("result");
    if (result == null || result.isNull()) {
      throw RpcException.of(
          RelayerErrorCode.RPC_MALFORMED_RESPONSE, method, "result: missing field");
    }
    return JsonField.root(result, "result");
  }

  /** Decodes a result, turning field-level complaints into an {@link RpcException}. */
  private static <T> T decode(String method, JsonField result, Decoder<T> decoder) {
    try {
      return decoder.decode(result);
    } catch (RpcException e) {
      throw e;
    } catch (Wasm08Exception e) {
      RelayerErrorCode code =
          e.errorCode() instanceof RelayerErrorCode c ? c : RelayerErrorCode.RPC_MALFORMED_RESPONSE;
      throw new RpcException(code, method, e.detail(), 0, null, null, null, e);
    }
  }

  @FunctionalInterface
  private interface Decoder<T> {
    T decode(JsonField result);
  }

  private static void expectHeight(String method, String field, long expected, long got) {
    if (expected != got) {
      throw inconsistent(method, field + " is " + got + ", asked for height " + expected);
    }
  }

  private static void requirePositive(long height) {
    if (height < 1) {
      throw new IllegalArgumentException("height must be positive, got " + height);
    }
  }

  static RpcException inconsistent(String method, String detail) {
    return RpcException.of(RelayerErrorCode.RPC_INCONSISTENT_RESPONSE, method, detail);
  }

  private static String hex(Bytes b) {
    return b.toHex().toUpperCase(java.util.Locale.ROOT);
  }

  private static String abbreviate(String text) {
    String t = text.strip();
    return t.length() <= 200 ? t : t.substring(0, 200) + "…";
  }

  /** A request parameter, rendered for URI GET or JSON-RPC as CometBFT expects. */
  sealed interface Param {
    String uriValue();

    void putJson(ObjectNode params, String name);

    static Param int64(long v) {
      return new Int64(v);
    }

    static Param string(String v) {
      return new Str(v);
    }

    static Param hexBytes(Bytes v) {
      return new HexBytes(v);
    }

    static Param rawBytes(Bytes v) {
      return new RawBytes(v);
    }

    static Param bool(boolean v) {
      return new Bool(v);
    }

    /** int64: a decimal in the URI, a string in JSON. */
    record Int64(long value) implements Param {
      @Override
      public String uriValue() {
        return Long.toString(value);
      }

      @Override
      public void putJson(ObjectNode params, String name) {
        params.put(name, Long.toString(value));
      }
    }

    /** A string: quoted (and URL-encoded) in the URI. */
    record Str(String value) implements Param {
      @Override
      public String uriValue() {
        return URLEncoder.encode("\"" + value + "\"", StandardCharsets.UTF_8);
      }

      @Override
      public void putJson(ObjectNode params, String name) {
        params.put(name, value);
      }
    }

    /** {@code bytes.HexBytes} ({@code abci_query data}): 0x-hex in the URI, hex in JSON. */
    record HexBytes(Bytes value) implements Param {
      @Override
      public String uriValue() {
        return "0x" + value.toHex();
      }

      @Override
      public void putJson(ObjectNode params, String name) {
        params.put(name, value.toHex());
      }
    }

    /** {@code []byte} ({@code tx}): 0x-hex in the URI, base64 in JSON. */
    record RawBytes(Bytes value) implements Param {
      @Override
      public String uriValue() {
        return "0x" + value.toHex();
      }

      @Override
      public void putJson(ObjectNode params, String name) {
        params.put(name, value.toBase64());
      }
    }

    record Bool(boolean value) implements Param {
      @Override
      public String uriValue() {
        return Boolean.toString(value);
      }

      @Override
      public void putJson(ObjectNode params, String name) {
        params.put(name, value);
      }
    }
  }
}
