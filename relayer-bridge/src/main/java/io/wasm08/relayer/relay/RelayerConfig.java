package io.wasm08.relayer.relay;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.quorum.QuorumThreshold;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The relayer's configuration file (JSON, or YAML when the file name ends in {@code .yaml}/{@code
 * .yml}): where the source chains' RPC nodes are (the first of each list is the primary, the others
 * witnesses that cross-check it), the destination node's gRPC endpoint and chain id, the signing
 * key, the clients to keep updated, the poll interval, the quorum of update executors, and the
 * metrics/health port. Unknown fields are errors, so a typo never silently falls back to a default.
 *
 * <pre>
 * destination: {grpc: "127.0.0.1:9090", chainId: "wasm08-1", gasAdjustment: 1.3}
 * key: {mnemonic: "…"}          # or mnemonicFile, or keyring (resolved by the host, e.g. the CLI)
 * sources: {chain-a: {rpc: ["http://127.0.0.1:26657", "http://127.0.0.1:26658"]}}
 * clients: [{clientId: "08-wasm-0", source: chain-a}]
 * pollInterval: 2s
 * quorum: {threshold: "2/3", executors: [{type: compiler}, {type: interpreter}]}
 * metrics: {host: 127.0.0.1, port: 9464}
 * </pre>
 */
public record RelayerConfig(
    Destination destination,
    Key key,
    Map<String, Source> sources,
    List<Client> clients,
    String pollInterval,
    Quorum quorum,
    Metrics metrics,
    ExecutorService executorService) {

  public RelayerConfig {
    require(destination != null, "destination is required");
    require(key != null, "key is required");
    require(sources != null && !sources.isEmpty(), "at least one source is required");
    require(clients != null && !clients.isEmpty(), "at least one client is required");
    sources = Map.copyOf(sources);
    clients = List.copyOf(clients);
    Set<String> ids = new HashSet<>();
    for (Client c : clients) {
      require(ids.add(c.clientId()), "client " + c.clientId() + " is listed twice");
      require(
          sources.containsKey(c.source()),
          "client " + c.clientId() + " follows unknown source " + c.source());
    }
    pollInterval = pollInterval == null ? "2s" : pollInterval;
    parseDuration("pollInterval", pollInterval);
    quorum = quorum == null ? Quorum.NONE : quorum;
    metrics = metrics == null ? new Metrics(null, null) : metrics;
  }

  public Duration poll() {
    return parseDuration("pollInterval", pollInterval);
  }

  /** The destination chain (our node): gRPC endpoint, chain id, gas and fee settings. */
  public record Destination(
      String grpc,
      String chainId,
      Double gasAdjustment,
      String gasPrice,
      String txTimeout,
      String memo) {
    public Destination {
      require(grpc != null && !grpc.isBlank(), "destination.grpc is required (host:port)");
      require(chainId != null && !chainId.isBlank(), "destination.chainId is required");
      gasAdjustment = gasAdjustment == null ? 1.3 : gasAdjustment;
      require(gasAdjustment >= 1.0, "destination.gasAdjustment must be at least 1");
      txTimeout = txTimeout == null ? "60s" : txTimeout;
      parseDuration("destination.txTimeout", txTimeout);
      memo = memo == null ? "" : memo;
      if (gasPrice != null) {
        GasPrice.parse(gasPrice);
      }
    }

    public Duration timeout() {
      return parseDuration("destination.txTimeout", txTimeout);
    }

    public Optional<GasPrice> price() {
      return Optional.ofNullable(gasPrice).map(GasPrice::parse);
    }
  }

  /** A fee price such as {@code 0.025stake}: the fee is {@code ceil(gasLimit × amount)}. */
  public record GasPrice(BigDecimal amount, String denom) {
    static GasPrice parse(String text) {
      var m =
          java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})")
              .matcher(text.trim());
      require(m.matches(), "gas price " + text + " is not of the form <decimal><denom>");
      return new GasPrice(new BigDecimal(m.group(1)), m.group(2));
    }
  }

  /**
   * The signer: exactly one of a mnemonic, a file holding one, or the name of a key in a keyring
   * the host resolves ({@link KeyResolver}); {@code hdPath} defaults to {@code m/44'/118'/0'/0/0}.
   */
  public record Key(String mnemonic, String mnemonicFile, String keyring, String hdPath) {
    public Key {
      int given =
          (mnemonic != null ? 1 : 0) + (mnemonicFile != null ? 1 : 0) + (keyring != null ? 1 : 0);
      require(given == 1, "key needs exactly one of mnemonic, mnemonicFile or keyring");
      hdPath = hdPath == null ? "m/44'/118'/0'/0/0" : hdPath;
    }

    @Override
    public String toString() {
      return "Key[" + (keyring != null ? "keyring " + keyring : "mnemonic") + ", " + hdPath + "]";
    }
  }

  /** A source chain's RPC nodes: the first is the primary, the others are witnesses. */
  public record Source(List<String> rpc, String dialect, String transport) {
    public Source {
      require(rpc != null && !rpc.isEmpty(), "a source needs at least one rpc endpoint");
      rpc = List.copyOf(rpc);
      dialect = dialect == null ? "legacy" : dialect.toLowerCase(Locale.ROOT);
      transport = transport == null ? "jsonrpc" : transport.toLowerCase(Locale.ROOT);
      require(
          dialect.equals("legacy") || dialect.equals("v1"),
          "source dialect must be legacy or v1, got " + dialect);
      require(
          transport.equals("jsonrpc") || transport.equals("uri"),
          "source transport must be jsonrpc or uri, got " + transport);
    }
  }

  /** A client on the destination that follows a source chain. */
  public record Client(String clientId, String source) {
    public Client {
      require(clientId != null && !clientId.isBlank(), "clients[].clientId is required");
      require(source != null && !source.isBlank(), "clients[].source is required");
    }
  }

  /**
   * Update executors that must agree (≥ threshold of them on the same outcome hash) before an
   * update is submitted; none configured means no quorum step.
   */
  public record Quorum(String threshold, List<Executor> executors) {
    public static final Quorum NONE = new Quorum(null, List.of());

    public Quorum {
      threshold = threshold == null ? "2/3" : threshold;
      executors = executors == null ? List.of() : List.copyOf(executors);
      parseThreshold(threshold);
    }

    public QuorumThreshold fraction() {
      return parseThreshold(threshold);
    }

    public boolean enabled() {
      return !executors.isEmpty();
    }

    private static QuorumThreshold parseThreshold(String text) {
      String[] parts = text.split("/");
      require(parts.length == 2, "quorum.threshold must be a fraction n/d, got " + text);
      try {
        long n = Long.parseLong(parts[0].trim());
        long d = Long.parseLong(parts[1].trim());
        require(n > 0 && d > 0 && n <= d, "quorum.threshold must be within (0, 1], got " + text);
        return QuorumThreshold.of(n, d);
      } catch (NumberFormatException e) {
        throw RelayerErrorCode.INVALID_CONFIG.wrap("quorum.threshold " + text + " is not n/d");
      }
    }
  }

  /** One executor: {@code compiler} / {@code interpreter} (local) or {@code remote} (gRPC). */
  public record Executor(String type, String endpoint) {
    public Executor {
      require(type != null, "quorum.executors[].type is required");
      type = type.toLowerCase(Locale.ROOT);
      require(
          Set.of("compiler", "interpreter", "remote").contains(type),
          "executor type must be compiler, interpreter or remote, got " + type);
      require(
          !type.equals("remote") || (endpoint != null && !endpoint.isBlank()),
          "a remote executor needs an endpoint (host:port)");
    }
  }

  /** The metrics and health HTTP endpoint (loopback by default; port 0 picks a free one). */
  public record Metrics(String host, Integer port) {
    public Metrics {
      host = host == null ? "127.0.0.1" : host;
      port = port == null ? 0 : port;
      require(port >= 0 && port <= 65535, "metrics.port out of range: " + port);
    }
  }

  /** Serves this relayer's local executors to other relayers (omit to not serve). */
  public record ExecutorService(String host, @JsonProperty("port") Integer port) {
    public ExecutorService {
      host = host == null ? "127.0.0.1" : host;
      port = port == null ? 0 : port;
      require(port >= 0 && port <= 65535, "executorService.port out of range: " + port);
    }
  }

  /** Reads a JSON or YAML file. */
  public static RelayerConfig load(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    try {
      return parse(Files.readString(file), yaml);
    } catch (IOException e) {
      throw RelayerErrorCode.INVALID_CONFIG.wrap("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a configuration text. */
  public static RelayerConfig parse(String text, boolean yaml) {
    ObjectMapper mapper = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    try {
      RelayerConfig config = mapper.readValue(text, RelayerConfig.class);
      if (config == null) {
        throw RelayerErrorCode.INVALID_CONFIG.wrap("empty configuration");
      }
      return config;
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof Wasm08Exception w) {
        throw w;
      }
      throw RelayerErrorCode.INVALID_CONFIG.wrap(e.getOriginalMessage(), e);
    } catch (JacksonException e) {
      throw RelayerErrorCode.INVALID_CONFIG.wrap(e.getOriginalMessage(), e);
    }
  }

  /** {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h} or ISO-8601 ({@code PT2S}). */
  public static Duration parseDuration(String field, String text) {
    var m = java.util.regex.Pattern.compile("([0-9]+)(ms|s|m|h)").matcher(text.trim());
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
          };
    } else {
      try {
        d = Duration.parse(text.trim());
      } catch (java.time.format.DateTimeParseException e) {
        throw RelayerErrorCode.INVALID_CONFIG.wrap(
            field + ": " + text + " is not a duration (500ms, 2s, 1m, PT2S)");
      }
    }
    require(!d.isNegative() && !d.isZero(), field + " must be positive, got " + text);
    return d;
  }

  static void require(boolean condition, String detail) {
    if (!condition) {
      throw RelayerErrorCode.INVALID_CONFIG.wrap(detail);
    }
  }
}
