package io.wasm08.wasm.keeper;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import ibc.lightclients.wasm.v1.Contract;
import ibc.lightclients.wasm.v1.GenesisState;
import io.wasm08.client.ClientKeeper;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.ClientInterfaces;
import io.wasm08.core.client.ClientState;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.events.Event;
import io.wasm08.core.gostd.GoStrings;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.wasm.api.ContractDialect;
import io.wasm08.wasm.api.ContractDialects;
import io.wasm08.wasm.querier.AcceptListStargateQuerier;
import io.wasm08.wasm.querier.CustomQuerier;
import io.wasm08.wasm.querier.QueryPlugins;
import io.wasm08.wasm.querier.QueryRouter;
import io.wasm08.wasm.querier.StargateQuerier;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.types.WasmGasRegister;
import io.wasm08.wasm.types.WasmGzip;
import io.wasm08.wasm.types.WasmTypes;
import io.wasm08.wasm.types.WasmValidation;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.StoreCodeResult;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.WasmEngine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The 08-wasm keeper ({@code modules/light-clients/08-wasm/keeper}): the allow-list of stored code
 * checksums (a KeySet {@code 0x00 ‖ checksum} in the {@code "08-wasm"} store), storing code into
 * the VM (gzip, limits, checksum, static checks and compile, pin), removing checksums, migrating a
 * client's contract, pinning every stored code at start-up, genesis, and — through {@link
 * ContractCalls} — the calls into contracts. The VM keeps the code itself (not in the state tree).
 */
public final class WasmKeeper {
  /** {@code ChecksumsKey = collections.NewPrefix(0)}. */
  public static final Bytes CHECKSUMS_PREFIX = Bytes.of((byte) 0);

  private final AnyCodec codec;
  private final ClientKeeper clientKeeper;
  private final String authority;
  private final WasmEngine vm;
  private final WasmConfig config;
  private final ContractDialects dialects;
  private final ContractCalls calls;
  private QueryPlugins queryPlugins;

  /**
   * {@code NewKeeperWithVM}: the same nil checks and messages as ibc-go (there they are panics).
   * {@code codec} must know every client type the chain runs (to recognise foreign client states a
   * contract might write).
   */
  public WasmKeeper(
      AnyCodec codec,
      ClientKeeper clientKeeper,
      String authority,
      WasmEngine vm,
      QueryRouter queryRouter,
      WasmConfig config) {
    if (clientKeeper == null) {
      throw new IllegalArgumentException("client keeper must not be nil");
    }
    if (queryRouter == null) {
      throw new IllegalArgumentException("query router must not be nil");
    }
    if (vm == null) {
      throw new IllegalArgumentException("wasm VM must not be nil");
    }
    if (authority == null || GoStrings.isBlank(authority)) {
      throw new IllegalArgumentException("authority must be non-empty");
    }
    this.codec = Objects.requireNonNull(codec, "codec");
    this.clientKeeper = clientKeeper;
    this.authority = authority;
    this.vm = vm;
    this.config = Objects.requireNonNull(config, "config");
    this.dialects = new ContractDialects(config.dialectOverrides());
    this.queryPlugins =
        new QueryPlugins(
            CustomQuerier.REJECT,
            new AcceptListStargateQuerier(config.acceptedStargateQueries(), queryRouter));
    this.calls = new ContractCalls(this);
  }

  /** {@code WithQueryPlugins}: replaces the plugins given (null keeps the current one). */
  public WasmKeeper withQueryPlugins(CustomQuerier custom, StargateQuerier stargate) {
    this.queryPlugins = queryPlugins.merge(custom, stargate);
    return this;
  }

  public QueryPlugins queryPlugins() {
    return queryPlugins;
  }

  public String authority() {
    return authority;
  }

  public WasmEngine vm() {
    return vm;
  }

  public AnyCodec codec() {
    return codec;
  }

  public ClientKeeper clientKeeper() {
    return clientKeeper;
  }

  public WasmConfig config() {
    return config;
  }

  public ContractCalls calls() {
    return calls;
  }

  /** The contract-API dialect of stored code (override, else detected from its binary). */
  public ContractDialect dialect(Bytes checksum) {
    return dialects.dialect(
        checksum,
        c -> {
          try {
            return vm.getCode(new Checksum(c));
          } catch (VmException | IllegalArgumentException e) {
            return Bytes.EMPTY; // unknown code: the call itself will fail with the VM's error
          }
        });
  }

  // ---- checksums (the allow-list) ---------------------------------------------------------

  private KvStore moduleStore(BlockContext ctx) {
    return ctx.kvStore(WasmTypes.STORE_KEY);
  }

  private static Bytes checksumKey(Bytes checksum) {
    return CHECKSUMS_PREFIX.concat(checksum);
  }

  /** {@code HasChecksum}. */
  public boolean hasChecksum(BlockContext ctx, Bytes checksum) {
    if (checksum == null) {
      checksum = Bytes.EMPTY;
    }
    return moduleStore(ctx).has(checksumKey(checksum));
  }

  /** {@code GetAllChecksums}: in key order. */
  public List<Bytes> getAllChecksums(BlockContext ctx) {
    List<Bytes> out = new ArrayList<>();
    try (KvIterator it = moduleStore(ctx).iterator(CHECKSUMS_PREFIX, Bytes.of((byte) 1))) {
      for (; it.valid(); it.next()) {
        out.add(it.key().slice(1, it.key().size()));
      }
    }
    return out;
  }

  /** {@code GetChecksums().Set}: the value is empty ({@code collections.NoValue}). */
  public void addChecksum(BlockContext ctx, Bytes checksum) {
    moduleStore(ctx).set(checksumKey(checksum), Bytes.EMPTY);
  }

  void removeChecksumKey(BlockContext ctx, Bytes checksum) {
    moduleStore(ctx).delete(checksumKey(checksum));
  }

  // ---- storing code -----------------------------------------------------------------------

  /** How code reaches the VM: metered {@code StoreCode} or {@code StoreCodeUnchecked}. */
  @FunctionalInterface
  interface StoreFn {
    StoreCodeResult store(byte[] code, long gasLimit);
  }

  /**
   * {@code storeWasmCode}: gunzip (charging 0.15 gas per compressed byte), validate size, compute
   * the checksum (magic number check), reject a stored checksum, store into the VM (its gas
   * consumed before its error is looked at), pin, add to the KeySet.
   */
  Bytes storeWasmCode(BlockContext ctx, Bytes code, StoreFn storeFn) {
    if (WasmGzip.isGzip(code)) {
      ctx.gasMeter()
          .consumeGas(WasmGasRegister.uncompressCosts(code.size()), "Uncompress gzip bytecode");
      try {
        code = WasmGzip.uncompress(code, WasmValidation.MAX_WASM_SIZE);
      } catch (IbcException e) {
        throw e.wrap("failed to store contract");
      }
    }
    try {
      WasmValidation.validateWasmCode(code);
    } catch (IbcException e) {
      throw e.wrap("wasm bytecode validation failed");
    }
    Bytes checksum = createChecksum(code);
    if (hasChecksum(ctx, checksum)) {
      throw WasmErrorCode.WASM_CODE_EXISTS.error();
    }
    long gasLeft = WasmGasRegister.runtimeGasForContract(ctx.gasMeter());
    StoreCodeResult stored;
    try {
      stored = storeFn.store(code.toByteArray(), gasLeft);
    } catch (VmCallException e) {
      WasmGasRegister.consumeRuntimeGas(ctx.gasMeter(), e.gasReport().usedInternally());
      throw vmStoreError(e);
    } catch (VmException e) {
      throw vmStoreError(e);
    }
    WasmGasRegister.consumeRuntimeGas(ctx.gasMeter(), stored.gasUsed());
    Bytes vmChecksum = stored.checksum().bytes();
    if (!vmChecksum.equals(checksum)) {
      throw WasmErrorCode.INVALID_CHECKSUM.wrapf(
          "expected %s, got %s", checksum.toHex(), vmChecksum.toHex());
    }
    try {
      vm.pin(stored.checksum());
    } catch (VmException e) {
      throw IbcException.plain(ContractCalls.wasmvmText(e))
          .wrapf("failed to pin contract with checksum (%s) to vm cache", vmChecksum.toHex());
    }
    addChecksum(ctx, checksum);
    dialects.remember(checksum, code);
    return checksum;
  }

  private static IbcException vmStoreError(VmException e) {
    return IbcException.plain(ContractCalls.wasmvmText(e)).wrap("failed to store contract");
  }

  /** wasmvm {@code CreateChecksum}: nil/empty, shorter than 4 bytes, magic number; else sha256. */
  public static Bytes createChecksum(Bytes code) {
    IbcException err = null;
    if (code.isEmpty()) {
      err = IbcException.plain("wasm bytes nil or empty");
    } else if (code.size() < 4) {
      err = IbcException.plain("wasm bytes shorter than 4 bytes");
    } else if (!code.startsWith(Bytes.of((byte) 0, (byte) 0x61, (byte) 0x73, (byte) 0x6D))) {
      err = IbcException.plain("wasm bytes do not start with Wasm magic number");
    }
    if (err != null) {
      throw err.wrap("wasm bytecode checksum failed");
    }
    try {
      return Bytes.wrapOwned(MessageDigest.getInstance("SHA-256").digest(code.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** The metered store ({@code vm.StoreCode}). */
  StoreFn meteredStore() {
    return vm::storeCode;
  }

  /** Genesis / state sync: {@code StoreCodeUnchecked}, no gas. */
  StoreFn uncheckedStore() {
    return (code, gasLimit) -> new StoreCodeResult(vm.storeCodeUnchecked(code), 0);
  }

  // ---- migrate ------------------------------------------------------------------------------

  /**
   * {@code migrateContractCode}: the client must exist, the new checksum be stored and differ; the
   * new code's {@code migrate} runs with the raw message; the (possibly rewritten) client state is
   * re-read, gets the new checksum and is stored; {@code migrate_contract} is emitted.
   */
  void migrateContractCode(BlockContext ctx, String clientId, Bytes newChecksum, Bytes migrateMsg) {
    KvStore clientStore = clientKeeper.clientStore(ctx, clientId);
    WasmClientState clientState =
        getClientState(clientStore)
            .orElseThrow(() -> ClientErrorCode.CLIENT_NOT_FOUND.wrap(clientId));
    Bytes oldChecksum = clientState.checksum();
    if (!hasChecksum(ctx, newChecksum)) {
      throw WasmErrorCode.WASM_CHECKSUM_NOT_FOUND.error();
    }
    if (oldChecksum.equals(newChecksum)) {
      throw WasmErrorCode.WASM_CODE_EXISTS.wrapf(
          "new checksum (%s) is the same as current checksum (%s)",
          newChecksum.toHex(), oldChecksum.toHex());
    }
    calls.wasmMigrate(
        ctx, clientStore, clientState.withChecksum(newChecksum), clientId, migrateMsg);
    WasmClientState updated;
    try {
      updated = getWasmClientState(ctx, clientId);
    } catch (IbcException e) {
      throw e.wrap("failed to retrieve the updated wasm client state");
    }
    clientKeeper.setClientState(
        ctx, clientId, AnyCodec.pack(updated.withChecksum(newChecksum).toProto()));
    ctx.eventManager()
        .emit(
            Event.of(
                WasmTypes.EVENT_TYPE_MIGRATE_CONTRACT,
                WasmTypes.ATTRIBUTE_KEY_CLIENT_ID,
                clientId,
                WasmTypes.ATTRIBUTE_KEY_WASM_CHECKSUM,
                oldChecksum.toHex(),
                WasmTypes.ATTRIBUTE_KEY_NEW_CHECKSUM,
                newChecksum.toHex()));
    ctx.eventManager().emit(Event.message(WasmTypes.ATTRIBUTE_VALUE_CATEGORY));
  }

  /**
   * {@code GetWasmClientState}: via the client keeper; missing → {@code ErrClientTypeNotFound};
   * another client type → {@code ErrInvalidClient} (ibc-go prints its typed nil, so both types read
   * {@code *types.ClientState}).
   */
  public WasmClientState getWasmClientState(BlockContext ctx, String clientId) {
    Optional<Any> any = clientKeeper.getClientState(ctx, clientId);
    if (any.isEmpty()) {
      throw ClientErrorCode.CLIENT_TYPE_NOT_FOUND.wrapf("clientID %s", clientId);
    }
    Object decoded = unpackClientState(any.get());
    if (!(decoded instanceof WasmClientState wasm)) {
      throw ClientErrorCode.INVALID_CLIENT.wrapf(
          "expected type %s, got %s", GoTypeNames.WASM_CLIENT_STATE, GoTypeNames.WASM_CLIENT_STATE);
    }
    return wasm;
  }

  private Object unpackClientState(Any any) {
    try {
      return codec.unpack(any, ClientInterfaces.CLIENT_STATE).orElse(null);
    } catch (IbcException e) {
      throw Panics.panic(e);
    }
  }

  /**
   * {@code types.GetClientState}: the wasm client state in a client store, empty when there is
   * none; a stored value that is not a wasm client state is a panic ({@code MustUnmarshal}).
   */
  public Optional<WasmClientState> getClientState(KvStore clientStore) {
    Bytes bz = clientStore.get(ClientKeys.clientStateKey());
    if (bz == null || bz.isEmpty()) {
      return Optional.empty();
    }
    Object decoded;
    try {
      decoded = StoredClientStates.unmarshalInterface(codec, bz);
    } catch (IbcException e) {
      throw Panics.panic(e);
    }
    if (!(decoded instanceof WasmClientState wasm)) {
      throw Panics.panic(
          "cannot convert " + GoTypeNames.of(decoded) + " into " + GoTypeNames.WASM_CLIENT_STATE,
          null);
    }
    return Optional.of(wasm);
  }

  // ---- start-up and genesis -----------------------------------------------------------------

  /** {@code InitializePinnedCodes}: pins every stored checksum (the VM does not persist pins). */
  public void initializePinnedCodes(BlockContext ctx) {
    for (Bytes checksum : getAllChecksums(ctx)) {
      vm.pin(new Checksum(checksum));
    }
  }

  /** {@code InitGenesis}: every contract stored unchecked (no static checks, no gas) and pinned. */
  public void initGenesis(BlockContext ctx, GenesisState genesis) {
    for (Contract contract : genesis.getContractsList()) {
      storeWasmCode(ctx, Bytes.wrapOwned(contract.getCodeBytes().toByteArray()), uncheckedStore());
    }
  }

  /** {@code ExportGenesis}: the code of every stored checksum, uncompressed, in key order. */
  public GenesisState exportGenesis(BlockContext ctx) {
    GenesisState.Builder genesis = GenesisState.newBuilder();
    for (Bytes checksum : getAllChecksums(ctx)) {
      Bytes code = vm.getCode(new Checksum(checksum));
      genesis.addContracts(
          Contract.newBuilder().setCodeBytes(ByteString.copyFrom(code.toByteArray())));
    }
    return genesis.build();
  }

  /** Errors from lower modules, lifted to the IBC error type handlers wrap. */
  static IbcException lift(Wasm08Exception e) {
    return IbcException.of(e);
  }

  /** A decoded client state (any client type) for the post-execution checks. */
  Object decodeStoredClientState(Bytes bz) {
    return StoredClientStates.unmarshalInterface(codec, bz);
  }

  /** Whether a decoded value is an IBC client state at all. */
  static boolean isClientState(Object value) {
    return value instanceof ClientState;
  }
}
