package io.wasm08.wasm.api;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import java.util.Objects;

/**
 * Encodes the contract messages of one {@link ContractDialect} exactly as the Go host of that
 * generation did with {@code json.Marshal} (08-wasm-host.md §4.3, §4.4, §4.6).
 */
public final class ContractPayloads {
  private final ContractDialect dialect;

  public ContractPayloads(ContractDialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  public static ContractPayloads current() {
    return new ContractPayloads(ContractDialect.G5);
  }

  public ContractDialect dialect() {
    return dialect;
  }

  /** {@code InstantiateMessage}. */
  public Bytes instantiate(InstantiateMessage msg) {
    GoJsonWriter w = new GoJsonWriter().beginObject();
    if (dialect.wrappedTypes()) {
      w.name("client_state");
      wrappedClientState(w, msg.clientState());
      w.name("consensus_state");
      wrappedConsensusState(w, msg.consensusState());
    } else {
      w.name("client_state").bytes(nilIfEmpty(msg.clientState().data()));
      w.name("consensus_state").bytes(nilIfEmpty(msg.consensusState().data()));
      w.name("checksum").bytes(nilIfEmpty(msg.clientState().checksum()));
    }
    return w.endObject().toBytes();
  }

  /** {@code QueryMsg}: exactly one key. */
  public Bytes query(QueryMsg msg) {
    GoJsonWriter w = new GoJsonWriter().beginObject();
    switch (msg) {
      case QueryMsg.Status s -> w.name("status").beginObject().endObject();
      case QueryMsg.ExportMetadata e -> w.name("export_metadata").beginObject().endObject();
      case QueryMsg.TimestampAtHeight t -> {
        w.name("timestamp_at_height").beginObject().name("height");
        w.height(t.height(), dialect.heightOmitEmpty());
        w.endObject();
      }
      case QueryMsg.VerifyClientMessage v ->
          clientMessage(w, "verify_client_message", v.clientMessage());
      case QueryMsg.CheckForMisbehaviour c ->
          clientMessage(w, "check_for_misbehaviour", c.clientMessage());
    }
    return w.endObject().toBytes();
  }

  /**
   * {@code SudoMsg}: exactly one key. Membership messages encode the same way whether the dialect
   * sends them to sudo or (G1-early) to query.
   */
  public Bytes sudo(SudoMsg msg) {
    GoJsonWriter w = new GoJsonWriter().beginObject();
    switch (msg) {
      case SudoMsg.UpdateState u -> clientMessage(w, "update_state", u.clientMessage());
      case SudoMsg.UpdateStateOnMisbehaviour u ->
          clientMessage(w, "update_state_on_misbehaviour", u.clientMessage());
      case SudoMsg.VerifyUpgradeAndUpdateState u -> {
        w.name("verify_upgrade_and_update_state").beginObject();
        if (dialect.wrappedTypes()) {
          w.name("upgrade_client_state");
          wrappedClientState(w, u.upgradeClientState());
          w.name("upgrade_consensus_state");
          wrappedConsensusState(w, u.upgradeConsensusState());
        } else {
          w.name("upgrade_client_state").bytes(nilIfEmpty(u.upgradeClientState().data()));
          w.name("upgrade_consensus_state").bytes(nilIfEmpty(u.upgradeConsensusState().data()));
        }
        w.name("proof_upgrade_client").bytes(nilIfEmpty(u.proofUpgradeClient()));
        w.name("proof_upgrade_consensus_state").bytes(nilIfEmpty(u.proofUpgradeConsensusState()));
        w.endObject();
      }
      case SudoMsg.VerifyMembership m -> {
        w.name("verify_membership");
        membership(w, m.height(), m.delayTimePeriod(), m.delayBlockPeriod(), m.proof(), m.path());
        w.name("value").bytes(nilIfEmpty(m.value()));
        w.endObject();
      }
      case SudoMsg.VerifyNonMembership m -> {
        w.name("verify_non_membership");
        membership(w, m.height(), m.delayTimePeriod(), m.delayBlockPeriod(), m.proof(), m.path());
        w.endObject();
      }
      case SudoMsg.MigrateClientStore m ->
          w.name(dialect.recoveryEntry()).beginObject().endObject();
    }
    return w.endObject().toBytes();
  }

  /** Opens the membership object and writes all fields but {@code value}. */
  private void membership(
      GoJsonWriter w,
      Height height,
      long delayTime,
      long delayBlock,
      Bytes proof,
      MerklePath path) {
    w.beginObject().name("height");
    w.height(height, dialect.heightOmitEmpty());
    w.name("delay_time_period").uint64(delayTime);
    w.name("delay_block_period").uint64(delayBlock);
    w.name("proof").bytes(nilIfEmpty(proof));
    w.name(dialect.membershipPathField());
    merklePath(w, path);
  }

  /** {@code MerklePath{KeyPath json:"key_path,omitempty"}}: an empty path is {@code {}}. */
  private void merklePath(GoJsonWriter w, MerklePath path) {
    w.beginObject();
    if (!path.isEmpty()) {
      w.name("key_path").beginArray();
      for (Bytes key : path.keyPath()) {
        if (dialect.keyPathEncoding() == ContractDialect.KeyPathEncoding.STRINGS) {
          w.stringBytes(key);
        } else {
          w.bytes(key);
        }
      }
      w.endArray();
    }
    w.endObject();
  }

  private void clientMessage(GoJsonWriter w, String variant, Bytes data) {
    w.name(variant).beginObject().name("client_message");
    if (dialect.wrappedTypes()) {
      // *ClientMessage{Data []byte `json:"data,omitempty"`}
      w.beginObject();
      if (data != null && !data.isEmpty()) {
        w.name("data").bytes(data);
      }
      w.endObject();
    } else {
      w.bytes(nilIfEmpty(data));
    }
    w.endObject();
  }

  /** The gogo ClientState as Go marshals it: {@code data}/{@code code_hash} omitempty. */
  private void wrappedClientState(GoJsonWriter w, WasmClientState cs) {
    w.beginObject();
    if (!cs.data().isEmpty()) {
      w.name("data").bytes(cs.data());
    }
    if (!cs.checksum().isEmpty()) {
      w.name("code_hash").bytes(cs.checksum());
    }
    w.name("latest_height");
    w.height(cs.latestHeight(), true);
    w.endObject();
  }

  private static void wrappedConsensusState(GoJsonWriter w, WasmConsensusState cons) {
    w.beginObject();
    if (!cons.data().isEmpty()) {
      w.name("data").bytes(cons.data());
    }
    w.endObject();
  }

  /**
   * Go holds a protobuf bytes field that was absent (gogo never encodes an empty one) as nil, which
   * marshals as {@code null}: empty bytes from decoded messages are nil.
   */
  private static Bytes nilIfEmpty(Bytes b) {
    return b == null || b.isEmpty() ? null : b;
  }
}
