package io.wasm08.wasm.vm.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import java.util.List;

/**
 * cosmwasm-vm's {@code mock_env()} and {@code mock_info()} as the JSON the VM receives (serde field
 * order, no whitespace).
 */
public final class MockEnv {
  public static final long MOCK_HEIGHT = 12_345;
  public static final String MOCK_TIME_NANOS = "1571797419879305533";
  public static final String MOCK_CHAIN_ID = "cosmos-testnet-14002";
  public static final int MOCK_TX_INDEX = 3;
  public static final String MOCK_TX_HASH_HEX =
      "E5469DACEC17CEF8A260FD37675ED87E7FB6A2B5AD95193C51308006C7E494B3";

  private static final ObjectMapper JSON = new ObjectMapper();

  private MockEnv() {}

  /** {@code MOCK_CONTRACT_ADDR} = {@code addr_make("cosmos2contract")}. */
  public static String mockContractAddress() {
    return new MockApi().addrMake("cosmos2contract");
  }

  public static Bytes mockEnv() {
    ObjectNode block = JSON.createObjectNode();
    block.put("height", MOCK_HEIGHT);
    block.put("time", MOCK_TIME_NANOS);
    block.put("chain_id", MOCK_CHAIN_ID);
    ObjectNode transaction = JSON.createObjectNode();
    transaction.put("index", MOCK_TX_INDEX);
    transaction.put("hash", Bytes.fromHex(MOCK_TX_HASH_HEX).toBase64());
    ObjectNode contract = JSON.createObjectNode();
    contract.put("address", mockContractAddress());
    ObjectNode env = JSON.createObjectNode();
    env.set("block", block);
    env.set("transaction", transaction);
    env.set("contract", contract);
    return write(env);
  }

  public static Bytes mockInfo(String sender, List<Coin> funds) {
    ObjectNode info = JSON.createObjectNode();
    info.put("sender", sender);
    ArrayNode coins = info.putArray("funds");
    for (Coin coin : funds) {
      coins.addObject().put("denom", coin.denom()).put("amount", coin.amount().toString());
    }
    return write(info);
  }

  private static Bytes write(ObjectNode node) {
    try {
      return Bytes.wrapOwned(JSON.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }
}
