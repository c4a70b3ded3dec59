package io.wasm08.relayer.testchain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wasm08.common.Bytes;
import io.wasm08.relayer.tendermint.BlockId;
import io.wasm08.relayer.tendermint.Commit;
import io.wasm08.relayer.tendermint.CommitSig;
import io.wasm08.relayer.tendermint.Header;
import io.wasm08.relayer.tendermint.PublicKey;
import io.wasm08.relayer.tendermint.Timestamps;
import io.wasm08.relayer.tendermint.Validator;
import java.util.Locale;

/**
 * Writes Tendermint types in CometBFT's RPC JSON (0.38 / 1.x): 64-bit integers as strings, hashes
 * and addresses upper-case hex, keys and signatures base64, RFC 3339 times with trimmed
 * nanoseconds, absent commit signatures with Go's zero time and a null signature.
 */
public final class CometJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private CometJson() {}

  public static ObjectNode header(Header h) {
    ObjectNode n = MAPPER.createObjectNode();
    ObjectNode v = n.putObject("version");
    v.put("block", Long.toString(h.version().block()));
    v.put("app", Long.toString(h.version().app()));
    n.put("chain_id", h.chainId());
    n.put("height", Long.toString(h.height()));
    n.put("time", Timestamps.format(h.time()));
    n.set("last_block_id", blockId(h.lastBlockId()));
    n.put("last_commit_hash", hex(h.lastCommitHash()));
    n.put("data_hash", hex(h.dataHash()));
    n.put("validators_hash", hex(h.validatorsHash()));
    n.put("next_validators_hash", hex(h.nextValidatorsHash()));
    n.put("consensus_hash", hex(h.consensusHash()));
    n.put("app_hash", hex(h.appHash()));
    n.put("last_results_hash", hex(h.lastResultsHash()));
    n.put("evidence_hash", hex(h.evidenceHash()));
    n.put("proposer_address", hex(h.proposerAddress()));
    return n;
  }

  public static ObjectNode blockId(BlockId id) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("hash", hex(id.hash()));
    ObjectNode parts = n.putObject("parts");
    parts.put("total", id.partSetHeader().total());
    parts.put("hash", hex(id.partSetHeader().hash()));
    return n;
  }

  public static ObjectNode commit(Commit c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("height", Long.toString(c.height()));
    n.put("round", c.round());
    n.set("block_id", blockId(c.blockId()));
    ArrayNode sigs = n.putArray("signatures");
    for (CommitSig s : c.signatures()) {
      ObjectNode sig = sigs.addObject();
      sig.put("block_id_flag", s.flag().value());
      sig.put("validator_address", hex(s.validatorAddress()));
      sig.put("timestamp", Timestamps.format(s.timestamp()));
      if (s.signature().isEmpty()) {
        sig.putNull("signature");
      } else {
        sig.put("signature", s.signature().toBase64());
      }
    }
    return n;
  }

  public static ObjectNode pubKey(PublicKey key) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("type", key.typeName());
    n.put("value", key.bytes().toBase64());
    return n;
  }

  public static ObjectNode validator(Validator v) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("address", hex(v.address()));
    n.set("pub_key", pubKey(v.pubKey()));
    n.put("voting_power", Long.toString(v.votingPower()));
    n.put("proposer_priority", Long.toString(v.proposerPriority()));
    return n;
  }

  public static String hex(Bytes b) {
    return b.toHex().toUpperCase(Locale.ROOT);
  }
}
