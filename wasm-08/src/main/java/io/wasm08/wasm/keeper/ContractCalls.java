package io.wasm08.wasm.keeper;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.store.KvStore;
import io.wasm08.wasm.api.ContractDialect;
import io.wasm08.wasm.api.ContractEnv;
import io.wasm08.wasm.api.ContractPayloads;
import io.wasm08.wasm.api.GoJsonException;
import io.wasm08.wasm.api.InstantiateMessage;
import io.wasm08.wasm.api.QueryMsg;
import io.wasm08.wasm.api.SudoMsg;
import io.wasm08.wasm.api.VmResults;
import io.wasm08.wasm.querier.QueryHandler;
import io.wasm08.wasm.querier.SmartQuerier;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.types.WasmGasRegister;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.KvStoreStorage;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;

/**
 * The contract keeper ({@code keeper/contract_keeper.go}) with wasmvm's Go layer in front of the
 * engine: env and payload JSON, the 2 000 SDK gas setup charge, the VM call with the SDK meter's
 * remaining gas, the 140 000 VM gas per byte of result, the result's JSON decoding, VM gas charged
 * to the SDK meter before any error is looked at, then ibc-go's checks — VM error (17), contract
 * error (14), no messages/events/attributes (11/12/13), and the client state still a wasm client
 * state with the same checksum (16).
 */
public final class ContractCalls {
  private final WasmKeeper keeper;

  ContractCalls(WasmKeeper keeper) {
    this.keeper = keeper;
  }

  /** The entry points 08-wasm calls, with the descriptor of their setup charge. */
  enum Kind {
    INSTANTIATE("instantiate"),
    SUDO("sudo"),
    QUERY("query"),
    MIGRATE("migrate");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  // ---- the four calls of contract_keeper.go ---------------------------------------------------

  /** {@code WasmInstantiate}. */
  public void wasmInstantiate(
      BlockContext ctx,
      String clientId,
      KvStore clientStore,
      WasmClientState cs,
      InstantiateMessage payload) {
    ContractDialect dialect = keeper.dialect(cs.checksum());
    Bytes msg = new ContractPayloads(dialect).instantiate(payload);
    VmResults.Response response =
        contractCall(ctx, clientId, clientStore, cs.checksum(), Kind.INSTANTIATE, msg, dialect, 0);
    checkResponse(response, cs.checksum());
    WasmClientState after = validatePostExecutionClientState(clientStore);
    requireSameChecksum(cs.checksum(), after);
  }

  /**
   * {@code WasmSudo}: returns the response's {@code data} (may be {@code null}). On a {@link
   * ClientRecoveryStore} the post-checks read {@code subject/clientState}.
   */
  public Bytes wasmSudo(
      BlockContext ctx, String clientId, KvStore clientStore, WasmClientState cs, SudoMsg payload) {
    ContractDialect dialect = keeper.dialect(cs.checksum());
    ContractPayloads payloads = new ContractPayloads(dialect);
    if (dialect.membershipAsQuery()
        && (payload instanceof SudoMsg.VerifyMembership
            || payload instanceof SudoMsg.VerifyNonMembership)) {
      // G1-early contracts took membership as a query; the host ran it read-only
      return queryCall(
          ctx, clientId, clientStore, cs.checksum(), payloads.sudo(payload), dialect, 0);
    }
    VmResults.Response response =
        contractCall(
            ctx,
            clientId,
            clientStore,
            cs.checksum(),
            Kind.SUDO,
            payloads.sudo(payload),
            dialect,
            0);
    checkResponse(response, cs.checksum());
    WasmClientState after = validatePostExecutionClientState(clientStore);
    requireSameChecksum(cs.checksum(), after);
    return response.data();
  }

  /** {@code WasmMigrate}: the new code's {@code migrate(env, msg)} with the raw message. */
  public void wasmMigrate(
      BlockContext ctx, KvStore clientStore, WasmClientState cs, String clientId, Bytes payload) {
    ContractDialect dialect = keeper.dialect(cs.checksum());
    VmResults.Response response =
        contractCall(ctx, clientId, clientStore, cs.checksum(), Kind.MIGRATE, payload, dialect, 0);
    checkResponse(response, cs.checksum());
    validatePostExecutionClientState(clientStore);
  }

  /** {@code WasmQuery}: the query's answer bytes ({@code QueryResult.ok}). */
  public Bytes wasmQuery(
      BlockContext ctx,
      String clientId,
      KvStore clientStore,
      WasmClientState cs,
      QueryMsg payload) {
    ContractDialect dialect = keeper.dialect(cs.checksum());
    Bytes msg = new ContractPayloads(dialect).query(payload);
    return queryCall(ctx, clientId, clientStore, cs.checksum(), msg, dialect, 0);
  }

  /** A read-only query with a raw message at smart-query nesting {@code depth}. */
  Bytes queryCall(
      BlockContext ctx,
      String address,
      KvStore store,
      Bytes checksum,
      Bytes msg,
      ContractDialect dialect,
      int depth) {
    VmResults.QueryResult result =
        (VmResults.QueryResult)
            vmCall(ctx, address, store, checksum, Kind.QUERY, msg, dialect, depth);
    if (!result.error().isEmpty()) {
      throw WasmErrorCode.WASM_CONTRACT_CALL_FAILED.wrap(result.error());
    }
    return result.ok() == null ? Bytes.EMPTY : result.ok();
  }

  private VmResults.Response contractCall(
      BlockContext ctx,
      String clientId,
      KvStore store,
      Bytes checksum,
      Kind kind,
      Bytes msg,
      ContractDialect dialect,
      int depth) {
    VmResults.ContractResult result =
        (VmResults.ContractResult)
            vmCall(ctx, clientId, store, checksum, kind, msg, dialect, depth);
    if (!result.error().isEmpty()) {
      throw WasmErrorCode.WASM_CONTRACT_CALL_FAILED.wrap(result.error());
    }
    if (result.ok() == null) {
      // ibc-go dereferences res.Ok: a result with neither ok nor error is a nil-pointer panic
      throw Panics.panic("runtime error: invalid memory address or nil pointer dereference", null);
    }
    return result.ok();
  }

  // ---- wasmvm's Go layer ----------------------------------------------------------------------

  /**
   * One VM call as ibc-go + wasmvm make it; returns the decoded {@link VmResults.ContractResult} or
   * {@link VmResults.QueryResult}; VM failures are {@code ErrVMError} with wasmvm's text.
   */
  private Object vmCall(
      BlockContext ctx,
      String address,
      KvStore store,
      Bytes checksum,
      Kind kind,
      Bytes msg,
      ContractDialect dialect,
      int depth) {
    long gasLimit = WasmGasRegister.runtimeGasForContract(ctx.gasMeter());
    Bytes env =
        ContractEnv.env(
            ctx.blockHeight(),
            ctx.block().timeUnixNanos(),
            ctx.chainId(),
            dialect.emptyContractAddress() ? "" : address);
    ctx.gasMeter()
        .consumeGas(
            WasmGasRegister.setupContractCost(msg.size()),
            "Loading CosmWasm module: " + kind.label);
    SmartQuerier smart =
        keeper.config().smartQueries().enabled() ? new SmartQueries(keeper, this) : null;
    CallContext context =
        new CallContext(
            new KvStoreStorage(store, ctx.gasMeter(), WasmGasRegister.GAS_MULTIPLIER),
            WasmHostApi.INSTANCE,
            new QueryHandler(ctx, keeper.queryPlugins(), smart, depth),
            gasLimit);
    long gasUsed;
    String vmError = null;
    Object decoded = null;
    try {
      CallResult result = engineCall(kind, new Checksum(checksum), env, msg, context);
      gasUsed = result.gasReport().usedInternally();
      long deserialization =
          Math.multiplyExact(
              WasmGasRegister.COST_JSON_DESERIALIZATION, (long) result.data().size());
      if (gasLimit < deserialization || gasLimit - deserialization < gasUsed) {
        vmError =
            "insufficient gas left to deserialize contract execution result ("
                + result.data().size()
                + " bytes)";
      } else {
        gasUsed += deserialization;
        try {
          decoded =
              kind == Kind.QUERY
                  ? VmResults.queryResult(result.data())
                  : VmResults.contractResult(result.data());
        } catch (GoJsonException e) {
          vmError = e.getMessage();
        }
      }
    } catch (VmCallException e) {
      gasUsed = e.gasReport().usedInternally();
      vmError = wasmvmText(e);
    } catch (VmException e) {
      gasUsed = 0;
      vmError = wasmvmText(e);
    }
    WasmGasRegister.consumeRuntimeGas(ctx.gasMeter(), gasUsed);
    if (vmError != null) {
      throw WasmErrorCode.VM_ERROR.wrap(vmError);
    }
    return decoded;
  }

  private CallResult engineCall(
      Kind kind, Checksum checksum, Bytes env, Bytes msg, CallContext context) {
    return switch (kind) {
      case INSTANTIATE ->
          keeper.vm().instantiate(checksum, env, ContractEnv.INSTANTIATE_INFO, msg, context);
      case SUDO -> keeper.vm().sudo(checksum, env, msg, context);
      case QUERY -> keeper.vm().query(checksum, env, msg, context);
      case MIGRATE -> keeper.vm().migrate(checksum, env, msg, context);
    };
  }

  /**
   * The Go error text wasmvm gives a VM failure: {@code "Out of gas"} for a gas depletion,
   * otherwise {@code "Error calling the VM: " + <cosmwasm-vm Display>}.
   */
  static String wasmvmText(VmException e) {
    return e.kind() == VmErrorKind.GAS_DEPLETION
        ? "Out of gas"
        : "Error calling the VM: " + e.getMessage();
  }

  // ---- ibc-go's checks ------------------------------------------------------------------------

  /** {@code checkResponse}: only {@code data} may come back. */
  static void checkResponse(VmResults.Response response, Bytes checksum) {
    WasmErrorCode code = null;
    if (response.messages() > 0) {
      code = WasmErrorCode.WASM_SUB_MESSAGES_NOT_ALLOWED;
    } else if (response.events() > 0) {
      code = WasmErrorCode.WASM_EVENTS_NOT_ALLOWED;
    } else if (response.attributes() > 0) {
      code = WasmErrorCode.WASM_ATTRIBUTES_NOT_ALLOWED;
    }
    if (code != null) {
      throw code.wrapf("checksum (%s)", checksum.toHex());
    }
  }

  /**
   * {@code validatePostExecutionClientState}: {@code clientState} (or {@code subject/clientState}
   * on a recovery store) must be present, decodable, and a wasm client state.
   */
  WasmClientState validatePostExecutionClientState(KvStore clientStore) {
    Bytes key =
        clientStore instanceof ClientRecoveryStore
            ? ClientRecoveryStore.SUBJECT_PREFIX.concat(ClientKeys.clientStateKey())
            : ClientKeys.clientStateKey();
    Bytes bz = clientStore.get(key);
    if (bz == null || bz.isEmpty()) {
      throw WasmErrorCode.WASM_INVALID_CONTRACT_MODIFICATION.wrap(
          ClientErrorCode.CLIENT_NOT_FOUND.message());
    }
    Object decoded;
    try {
      decoded = keeper.decodeStoredClientState(bz);
    } catch (IbcException e) {
      throw WasmErrorCode.WASM_INVALID_CONTRACT_MODIFICATION.wrap(e.getMessage());
    }
    if (!(decoded instanceof WasmClientState wasm)) {
      throw WasmErrorCode.WASM_INVALID_CONTRACT_MODIFICATION.wrapf(
          "expected client state type %s, got %s",
          GoTypeNames.WASM_CLIENT_STATE, GoTypeNames.of(decoded));
    }
    return wasm;
  }

  private static void requireSameChecksum(Bytes expected, WasmClientState after) {
    if (!expected.equals(after.checksum())) {
      throw WasmErrorCode.WASM_INVALID_CONTRACT_MODIFICATION.wrapf(
          "expected checksum %s, got %s", expected.toHex(), after.checksum().toHex());
    }
  }
}
