package io.wasm08.wasm.vm.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.BackendError;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.GasInfo;
import io.wasm08.wasm.vm.Querier;
import java.io.IOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cosmwasm-vm's {@code testing::MockQuerier} over cosmwasm-std's mock chain: bank balances and
 * supply from the given balances, an empty staking module, no contracts (wasm queries answer {@code
 * no_such_contract} / {@code no_such_code}), custom/Stargate/gRPC unsupported. Gas: 100 000 + 100
 * per byte of the JSON answer, reported as external; above the gas limit it is out of gas.
 * Distribution and IBC queries, which the std mock models with configurable data, are answered as
 * unsupported here.
 */
public final class MockQuerier implements Querier {
  static final long GAS_COST_QUERY_FLAT = 100_000;
  static final long GAS_COST_QUERY_RESPONSE_MULTIPLIER = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<Coin>> balances = new LinkedHashMap<>();

  /** A querier whose bank knows {@code balances} (address → coins). */
  public MockQuerier(Map<String, List<Coin>> balances) {
    balances.forEach((k, v) -> this.balances.put(k, List.copyOf(v)));
  }

  public MockQuerier() {
    this(Map.of());
  }

  public void updateBalance(String address, List<Coin> coins) {
    balances.put(address, List.copyOf(coins));
  }

  @Override
  public BackendResult<Bytes> queryRaw(Bytes request, long gasLimit) {
    byte[] response = rawQuery(request.toByteArray());
    long gas = GAS_COST_QUERY_FLAT + GAS_COST_QUERY_RESPONSE_MULTIPLIER * response.length;
    GasInfo info = GasInfo.withExternallyUsed(gas);
    if (gas > gasLimit) {
      return BackendResult.err(new BackendError.OutOfGas(), info);
    }
    return BackendResult.ok(Bytes.wrapOwned(response), info);
  }

  /** The {@code SystemResult<ContractResult<Binary>>} JSON for {@code request}. */
  byte[] rawQuery(byte[] request) {
    JsonNode root;
    try {
      root = JSON.readTree(request);
    } catch (JsonProcessingException e) {
      return invalidRequest(e.getOriginalMessage(), request);
    } catch (IOException e) {
      return invalidRequest(e.getMessage(), request);
    }
    if (root == null || !root.isObject() || root.size() != 1) {
      return invalidRequest("expected an object with exactly one key", request);
    }
    String kind = root.fieldNames().next();
    JsonNode body = root.get(kind);
    return switch (kind) {
      case "bank" -> bank(body, request);
      case "staking" -> staking(body, request);
      case "wasm" -> wasm(body, request);
      case "custom" -> systemError("unsupported_request", obj("kind", "custom"));
      case "stargate" -> systemError("unsupported_request", obj("kind", "Stargate"));
      case "grpc" -> systemError("unsupported_request", obj("kind", "GRPC"));
      case "distribution", "ibc" -> systemError("unsupported_request", obj("kind", kind));
      default -> invalidRequest("unknown variant `" + kind + "`", request);
    };
  }

  private byte[] bank(JsonNode body, byte[] request) {
    String variant = single(body);
    if (variant == null) {
      return invalidRequest("invalid bank query", request);
    }
    JsonNode args = body.get(variant);
    String denom = args.path("denom").asText(null);
    return switch (variant) {
      case "balance" -> {
        String address = args.path("address").asText(null);
        if (address == null || denom == null) {
          yield invalidRequest("missing field", request);
        }
        BigInteger amount =
            balances.getOrDefault(address, List.of()).stream()
                .filter(c -> c.denom().equals(denom))
                .map(Coin::amount)
                .findFirst()
                .orElse(BigInteger.ZERO);
        yield ok(amountResponse(denom, amount));
      }
      case "supply" -> {
        if (denom == null) {
          yield invalidRequest("missing field `denom`", request);
        }
        BigInteger supply =
            balances.values().stream()
                .flatMap(List::stream)
                .filter(c -> c.denom().equals(denom))
                .map(Coin::amount)
                .reduce(BigInteger.ZERO, BigInteger::add);
        yield ok(amountResponse(denom, supply));
      }
      case "denom_metadata" -> systemError("unknown", JSON.createObjectNode());
      default -> invalidRequest("unknown variant `" + variant + "`", request);
    };
  }

  private byte[] staking(JsonNode body, byte[] request) {
    String variant = single(body);
    if (variant == null) {
      return invalidRequest("invalid staking query", request);
    }
    ObjectNode answer = JSON.createObjectNode();
    switch (variant) {
      case "bonded_denom" -> answer.put("denom", "");
      case "all_validators" -> answer.putArray("validators");
      case "validator" -> answer.putNull("validator");
      case "all_delegations" -> answer.putArray("delegations");
      case "delegation" -> answer.putNull("delegation");
      default -> {
        return invalidRequest("unknown variant `" + variant + "`", request);
      }
    }
    return ok(answer);
  }

  private byte[] wasm(JsonNode body, byte[] request) {
    String variant = single(body);
    if (variant == null) {
      return invalidRequest("invalid wasm query", request);
    }
    JsonNode args = body.get(variant);
    if ("code_info".equals(variant)) {
      ObjectNode error = JSON.createObjectNode();
      error.put("code_id", args.path("code_id").asLong());
      return systemError("no_such_code", error);
    }
    return systemError("no_such_contract", obj("addr", args.path("contract_addr").asText("")));
  }

  private static String single(JsonNode body) {
    return body != null && body.isObject() && body.size() == 1 ? body.fieldNames().next() : null;
  }

  private static ObjectNode amountResponse(String denom, BigInteger amount) {
    ObjectNode coin = JSON.createObjectNode();
    coin.put("denom", denom);
    coin.put("amount", amount.toString());
    ObjectNode response = JSON.createObjectNode();
    response.set("amount", coin);
    return response;
  }

  private static ObjectNode obj(String key, String value) {
    ObjectNode node = JSON.createObjectNode();
    node.put(key, value);
    return node;
  }

  /** {@code {"ok":{"ok":"<base64 of answer JSON>"}}}. */
  private static byte[] ok(JsonNode answer) {
    ObjectNode inner = JSON.createObjectNode();
    inner.put("ok", Bytes.wrapOwned(write(answer)).toBase64());
    ObjectNode outer = JSON.createObjectNode();
    outer.set("ok", inner);
    return write(outer);
  }

  private static byte[] systemError(String variant, ObjectNode fields) {
    ObjectNode error = JSON.createObjectNode();
    error.set(variant, fields);
    ObjectNode outer = JSON.createObjectNode();
    outer.set("error", error);
    return write(outer);
  }

  private static byte[] invalidRequest(String error, byte[] request) {
    ObjectNode fields = JSON.createObjectNode();
    fields.put("error", "Parsing query request: " + error);
    fields.put("request", Bytes.of(request).toBase64());
    return systemError("invalid_request", fields);
  }

  private static byte[] write(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }
}
