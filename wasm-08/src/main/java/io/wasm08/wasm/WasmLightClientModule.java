package io.wasm08.wasm;

import io.wasm08.client.ClientStoreProvider;
import io.wasm08.client.LightClientModule;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.ClientMessage;
import io.wasm08.core.client.ClientTypes;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.IbcErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.host.ClientIdentifiers;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.store.GasOverflowException;
import io.wasm08.store.KvStore;
import io.wasm08.store.OutOfGasException;
import io.wasm08.wasm.api.ContractResults;
import io.wasm08.wasm.api.GoJsonException;
import io.wasm08.wasm.api.InstantiateMessage;
import io.wasm08.wasm.api.QueryMsg;
import io.wasm08.wasm.api.SudoMsg;
import io.wasm08.wasm.keeper.ClientRecoveryStore;
import io.wasm08.wasm.keeper.ContractCalls;
import io.wasm08.wasm.keeper.LegacyRecoveryStore;
import io.wasm08.wasm.keeper.Panics;
import io.wasm08.wasm.keeper.WasmKeeper;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.types.WasmErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * The 08-wasm light-client module ({@code light_client_module.go}): every ICS-02 call becomes a
 * call into the contract whose code the client state's checksum names — instantiate, query (status,
 * timestamp, verify, misbehaviour check) or sudo (updates, membership, upgrade, recovery) — over
 * the client's own prefix store, with ibc-go's checks before and after. Where ibc-go panics (update
 * paths, a missing client in CheckForMisbehaviour) the call aborts the tx ({@link Panics}); the
 * client keeper's branch then writes nothing.
 */
public final class WasmLightClientModule implements LightClientModule {
  private final WasmKeeper keeper;
  private final ClientStoreProvider storeProvider;

  public WasmLightClientModule(WasmKeeper keeper, ClientStoreProvider storeProvider) {
    this.keeper = Objects.requireNonNull(keeper, "keeper");
    this.storeProvider = Objects.requireNonNull(storeProvider, "storeProvider");
  }

  private ContractCalls calls() {
    return keeper.calls();
  }

  /**
   * {@code Initialize}: decode and validate the wasm client and consensus states, require a stored
   * checksum, instantiate the contract (which writes the states).
   */
  @Override
  public void initialize(
      BlockContext ctx, String clientId, Bytes clientStateBz, Bytes consensusStateBz) {
    WasmClientState clientState = WasmClientState.unmarshal(clientStateBz);
    clientState.validate();
    WasmConsensusState consensusState = WasmConsensusState.unmarshal(consensusStateBz);
    consensusState.validateBasic();
    KvStore clientStore = storeProvider.clientStore(ctx, clientId);
    if (!keeper.hasChecksum(ctx, clientState.checksum())) {
      throw WasmErrorCode.INVALID_CHECKSUM.wrapf(
          "checksum (%s) has not been previously stored", clientState.checksum().toHex());
    }
    calls()
        .wasmInstantiate(
            ctx,
            clientId,
            clientStore,
            clientState,
            new InstantiateMessage(clientState, consensusState));
  }

  @Override
  public void verifyClientMessage(BlockContext ctx, String clientId, ClientMessage clientMsg) {
    KvStore clientStore = storeProvider.clientStore(ctx, clientId);
    WasmClientState clientState =
        keeper
            .getClientState(clientStore)
            .orElseThrow(() -> ClientErrorCode.CLIENT_NOT_FOUND.wrap(clientId));
    if (!(clientMsg instanceof WasmClientMessage message)) {
      throw IbcErrorCode.INVALID_TYPE.wrapf(
          "expected type: %s, got: %s", "*types.ClientMessage", goType(clientMsg));
    }
    calls()
        .wasmQuery(
            ctx,
            clientId,
            clientStore,
            clientState,
            new QueryMsg.VerifyClientMessage(message.data()));
  }

  /** {@code CheckForMisbehaviour}: every failure but a missing client (a panic) means false. */
  @Override
  public boolean checkForMisbehaviour(BlockContext ctx, String clientId, ClientMessage clientMsg) {
    KvStore clientStore = storeProvider.clientStore(ctx, clientId);
    WasmClientState clientState =
        keeper
            .getClientState(clientStore)
            .orElseThrow(() -> Panics.panic(ClientErrorCode.CLIENT_NOT_FOUND.wrap(clientId)));
    if (!(clientMsg instanceof WasmClientMessage message)) {
      return false;
    }
    Bytes result;
    try {
      result =
          calls()
              .wasmQuery(
                  ctx,
                  clientId,
                  clientStore,
                  clientState,
                  new QueryMsg.CheckForMisbehaviour(message.data()));
    } catch (OutOfGasException | GasOverflowException e) {
      throw e;
    } catch (IbcException e) {
      if (Panics.isPanic(e)) {
        throw e;
      }
      return false;
    }
    try {
      return ContractResults.checkForMisbehaviour(result);
    } catch (GoJsonException e) {
      return false;
    }
  }

  @Override
  public void updateStateOnMisbehaviour(
      BlockContext ctx, String clientId, ClientMessage clientMsg) {
    KvStore clientStore = storeProvider.clientStore(ctx, clientId);
    WasmClientState clientState = requireClientOrPanic(clientStore, clientId);
    WasmClientMessage message = requireMessageOrPanic(clientMsg);
    try {
      calls()
          .wasmSudo(
              ctx,
              clientId,
              clientStore,
              clientState,
              new SudoMsg.UpdateStateOnMisbehaviour(message.data()));
    } catch (Wasm08Exception e) {
      throw Panics.panic(e);
    }
  }

  @Override
  public List<Height> updateState(BlockContext ctx, String clientId, ClientMessage clientMsg) {
    KvStore clientStore = storeProvider.clientStore(ctx, clientId);
    WasmClientState clientState = requireClientOrPanic(clientStore, clientId);
    WasmClientMessage message = requireMessageOrPanic(clientMsg);
    Bytes result;
    try {
      result =
          calls()
              .wasmSudo(
                  ctx, clientId, clientStore, clientState, new SudoMsg.UpdateState(message.data()));
    } catch (Wasm08Exception e) {
      throw Panics.panic(e);
    }
    try {
      return ContractResults.updateState(result == null ? Bytes.EMPTY : result);
    } catch (GoJsonException e) {
      throw Panics.panic(WasmErrorCode.WASM_INVALID_RESPONSE_DATA.wrap(e.getMessage()));
    }
  }

  private WasmClientState requireClientOrPanic(KvStore clientStore, String clientId) {
    return keeper
        .getClientState(clientStore)
        .orElseThrow(() -> Panics.panic(ClientErrorCode.CLIENT_NOT_FOUND.wrap(clientId)));
  }

  private static WasmClientMessage requireMessageOrPanic(ClientMessage clientMsg) {
    if (clientMsg instanceof WasmClientMessage message) {
      return message;
    }
    throw Panics.panic("expected type *types.ClientMessage, got " + goType(clientMsg), null);
  }

  @Override
  public void verifyMembership(
      BlockContext ctx,
      String clientId,
      Height height,
      long delayTimePeriod,
      long delayBlockPeriod,
      Bytes proof,
      MerklePath path,
      Bytes value) {
    KvStore clientStore = storeProvider.clientStore(ctx, clientId);
    WasmClientState clientState = membershipChecks(clientStore, clientId, height, path);
    calls()
        .wasmSudo(
            ctx,
            clientId,
            clientStore,
            clientState,
            new SudoMsg.VerifyMembership(
                height, delayTimePeriod, delayBlockPeriod, proof, path, value));
  }

  @Override
  public void verifyNonMembership(
      BlockContext ctx,
      String clientId,
      Height height,
      long delayTimePeriod,
      long delayBlockPeriod,
      Bytes proof,
      MerklePath path) {
    KvStore clientStore = storeProvider.clientStore(ctx, clientId);
    WasmClientState clientState = membershipChecks(clientStore, clientId, height, path);
    calls()
        .wasmSudo(
            ctx,
            clientId,
            clientStore,
            clientState,
            new SudoMsg.VerifyNonMembership(
                height, delayTimePeriod, delayBlockPeriod, proof, path));
  }

  /**
   * Client present, height a {@code clienttypes.Height} not above the latest (Go prints heights
   * with {@code %d} as {@code {1 5}}), path a v2 MerklePath.
   */
  private WasmClientState membershipChecks(
      KvStore clientStore, String clientId, Height height, MerklePath path) {
    WasmClientState clientState =
        keeper
            .getClientState(clientStore)
            .orElseThrow(() -> ClientErrorCode.CLIENT_NOT_FOUND.wrap(clientId));
    if (height == null) {
      throw IbcErrorCode.INVALID_TYPE.wrapf("expected %s, got %s", "types.Height", "<nil>");
    }
    if (clientState.latestHeight().lt(height)) {
      throw IbcErrorCode.INVALID_HEIGHT.wrapf(
          "client state height < proof height (%s < %s), please ensure the client has been"
              + " updated",
          goDecimalHeight(clientState.latestHeight()), goDecimalHeight(height));
    }
    if (path == null) {
      throw IbcErrorCode.INVALID_TYPE.wrapf("expected %s, got %s", "v2.MerklePath", "<nil>");
    }
    return clientState;
  }

  /** Go's {@code %d} of a {@code clienttypes.Height} struct: {@code {1 5}}. */
  static String goDecimalHeight(Height h) {
    return "{"
        + Long.toUnsignedString(h.revisionNumber())
        + " "
        + Long.toUnsignedString(h.revisionHeight())
        + "}";
  }

  /**
   * {@code Status}: Unknown without a client state; Unauthorized when its checksum left the
   * allow-list (no VM call); Unknown on any VM, contract or decoding error; else the contract's
   * text, verbatim.
   */
  @Override
  public Status status(BlockContext ctx, String clientId) {
    KvStore clientStore = storeProvider.clientStore(ctx, clientId);
    var found = keeper.getClientState(clientStore);
    if (found.isEmpty()) {
      return Status.UNKNOWN;
    }
    WasmClientState clientState = found.get();
    if (!keeper.hasChecksum(ctx, clientState.checksum())) {
      return Status.UNAUTHORIZED;
    }
    Bytes result;
    try {
      result = calls().wasmQuery(ctx, clientId, clientStore, clientState, new QueryMsg.Status());
    } catch (OutOfGasException | GasOverflowException e) {
      throw e;
    } catch (IbcException e) {
      if (Panics.isPanic(e)) {
        throw e;
      }
      return Status.UNKNOWN;
    }
    try {
      return new Status(ContractResults.status(result));
    } catch (GoJsonException e) {
      return Status.UNKNOWN;
    }
  }

  /** {@code LatestHeight}: from the stored client state; zero when there is none. */
  @Override
  public Height latestHeight(BlockContext ctx, String clientId) {
    KvStore clientStore = storeProvider.clientStore(ctx, clientId);
    return keeper
        .getClientState(clientStore)
        .map(WasmClientState::latestHeight)
        .orElse(Height.ZERO);
  }

  @Override
  public long timestampAtHeight(BlockContext ctx, String clientId, Height height) {
    KvStore clientStore = storeProvider.clientStore(ctx, clientId);
    WasmClientState clientState =
        keeper
            .getClientState(clientStore)
            .orElseThrow(() -> ClientErrorCode.CLIENT_NOT_FOUND.wrap(clientId));
    if (height == null) {
      throw IbcErrorCode.INVALID_TYPE.wrapf("expected %s, got %s", "types.Height", "<nil>");
    }
    Bytes result;
    try {
      result =
          calls()
              .wasmQuery(
                  ctx, clientId, clientStore, clientState, new QueryMsg.TimestampAtHeight(height));
    } catch (IbcException e) {
      throw Panics.isPanic(e) ? e : e.wrapf("height (%s)", height);
    }
    try {
      return ContractResults.timestampAtHeight(result);
    } catch (GoJsonException e) {
      throw WasmErrorCode.WASM_INVALID_RESPONSE_DATA.wrapf(
          "failed to unmarshal result of wasm query: %s", e.getMessage());
    }
  }

  /**
   * {@code RecoverClient}: the substitute must be an 08-wasm client with the subject's checksum;
   * the contract migrates the subject from the substitute over a {@link ClientRecoveryStore} (a
   * {@link LegacyRecoveryStore} for G1 contracts).
   */
  @Override
  public void recoverClient(BlockContext ctx, String clientId, String substituteClientId) {
    String substituteType = ClientIdentifiers.parse(substituteClientId).clientType();
    if (!substituteType.equals(ClientTypes.WASM)) {
      throw ClientErrorCode.INVALID_CLIENT_TYPE.wrapf(
          "expected: %s, got: %s", ClientTypes.WASM, substituteType);
    }
    KvStore subjectStore = storeProvider.clientStore(ctx, clientId);
    WasmClientState subject =
        keeper
            .getClientState(subjectStore)
            .orElseThrow(() -> ClientErrorCode.CLIENT_NOT_FOUND.wrap(clientId));
    KvStore substituteStore = storeProvider.clientStore(ctx, substituteClientId);
    WasmClientState substitute =
        keeper
            .getClientState(substituteStore)
            .orElseThrow(() -> ClientErrorCode.CLIENT_NOT_FOUND.wrap(substituteClientId));
    if (!subject.checksum().equals(substitute.checksum())) {
      throw ClientErrorCode.INVALID_CLIENT.wrapf(
          "expected checksums to be equal: expected %s, got %s",
          subject.checksum().toHex(), substitute.checksum().toHex());
    }
    calls()
        .wasmSudo(
            ctx,
            clientId,
            keeper.dialect(subject.checksum()).legacyRecoveryStore()
                ? new LegacyRecoveryStore(subjectStore, substituteStore)
                : new ClientRecoveryStore(subjectStore, substituteStore),
            subject,
            new SudoMsg.MigrateClientStore());
  }

  /**
   * {@code VerifyUpgradeAndUpdateState}: the new states must decode; the new latest height must be
   * above the current one; the contract verifies the proofs and writes the new states.
   */
  @Override
  public void verifyUpgradeAndUpdateState(
      BlockContext ctx,
      String clientId,
      Bytes newClient,
      Bytes newConsensusState,
      Bytes upgradeClientProof,
      Bytes upgradeConsensusStateProof) {
    WasmClientState newClientState;
    try {
      newClientState = WasmClientState.unmarshal(newClient);
    } catch (IbcException e) {
      throw ClientErrorCode.INVALID_CLIENT.wrap(e.getMessage());
    }
    WasmConsensusState newConsensus;
    try {
      newConsensus = WasmConsensusState.unmarshal(newConsensusState);
    } catch (IbcException e) {
      throw ClientErrorCode.INVALID_CONSENSUS.wrap(e.getMessage());
    }
    KvStore clientStore = storeProvider.clientStore(ctx, clientId);
    WasmClientState clientState =
        keeper
            .getClientState(clientStore)
            .orElseThrow(() -> ClientErrorCode.CLIENT_NOT_FOUND.wrap(clientId));
    Height last = clientState.latestHeight();
    if (!newClientState.latestHeight().gt(last)) {
      throw IbcErrorCode.INVALID_HEIGHT.wrapf(
          "upgraded client height %s must be at greater than current client height %s",
          newClientState.latestHeight(), last);
    }
    calls()
        .wasmSudo(
            ctx,
            clientId,
            clientStore,
            clientState,
            new SudoMsg.VerifyUpgradeAndUpdateState(
                newClientState, newConsensus, upgradeClientProof, upgradeConsensusStateProof));
  }

  /** Go's {@code %T} for a client message of another light client. */
  private static String goType(ClientMessage msg) {
    if (msg == null) {
      return "<nil>";
    }
    return msg instanceof com.google.protobuf.Message m
        ? "*" + m.getDescriptorForType().getFullName()
        : "*" + msg.getClass().getSimpleName();
  }
}
