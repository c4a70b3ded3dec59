package io.wasm08.relayer.chain;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.auth.v1beta1.Auth.BaseAccount;
import cosmos.auth.v1beta1.QueryOuterClass.Bech32PrefixRequest;
import cosmos.auth.v1beta1.QueryOuterClass.Bech32PrefixResponse;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountRequest;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountResponse;
import cosmos.base.abci.v1beta1.Abci.GasInfo;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import cosmos.tx.v1beta1.ServiceGrpc;
import cosmos.tx.v1beta1.ServiceOuterClass.BroadcastTxRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.BroadcastTxResponse;
import cosmos.tx.v1beta1.ServiceOuterClass.GetTxRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.GetTxResponse;
import cosmos.tx.v1beta1.ServiceOuterClass.SimulateRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.SimulateResponse;
import cosmos.tx.v1beta1.TxOuterClass.AuthInfo;
import cosmos.tx.v1beta1.TxOuterClass.TxBody;
import cosmos.tx.v1beta1.TxOuterClass.TxRaw;
import ibc.core.client.v1.Tx.MsgUpdateClient;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.wasm08.client.ClientKeeper;
import io.wasm08.client.ClientParams;
import io.wasm08.client.UpgradeKeeper;
import io.wasm08.client.query.ClientQueryServer;
import io.wasm08.client.query.ClientQueryService;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.context.StoreSets;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.crypto.Secp256k1PublicKey;
import io.wasm08.core.events.EventManager;
import io.wasm08.core.tx.DirectSigning;
import io.wasm08.core.tx.TxHash;
import io.wasm08.store.BasicGasMeter;
import io.wasm08.store.GasMeter;
import io.wasm08.store.InfiniteGasMeter;
import io.wasm08.store.KvStore;
import io.wasm08.store.MemKvStore;
import io.wasm08.wasm.WasmLightClientModule;
import io.wasm08.wasm.keeper.WasmConfig;
import io.wasm08.wasm.keeper.WasmKeeper;
import io.wasm08.wasm.keeper.WasmMsgServer;
import io.wasm08.wasm.keeper.WasmQueryServer;
import io.wasm08.wasm.keeper.WasmQueryService;
import io.wasm08.wasm.querier.QueryRouter;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.types.WasmTypes;
import io.wasm08.wasm.vm.WasmEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A destination chain for relay tests, over loopback gRPC: the real 02-client keeper with the real
 * 08-wasm module (any engine), its query services, an auth query with one funded account per
 * address asked for, and a tx Service that checks sequences and SIGN_MODE_DIRECT signatures, runs
 * {@code MsgUpdateClient} on a cache branch (committed on success) and puts each tx in a block of
 * its own. GetTx answers NOT_FOUND for the first {@link #inclusionPolls} polls, so the relayer's
 * wait is exercised.
 */
public final class TestDestinationChain implements AutoCloseable {
  public static final String CHAIN_ID = "dest-1";
  public static final String PREFIX = "cosmos";
  static final String AUTHORITY = AccAddress.module("gov").toBech32(PREFIX);

  private final KvStore ibcStore = new MemKvStore();
  private final KvStore wasmStore = new MemKvStore();
  private final ClientKeeper clientKeeper = new ClientKeeper(UpgradeKeeper.NONE);
  private final WasmKeeper wasmKeeper;
  private final InstantSource clock;
  private final Server server;
  private final Map<String, long[]> accounts = new ConcurrentHashMap<>(); // number, sequence
  private final Map<String, TxResponse> txs = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
  private final List<MsgUpdateClient> delivered = new ArrayList<>();
  private long height = 1;
  public volatile int inclusionPolls = 1;

  public TestDestinationChain(WasmEngine engine, InstantSource clock) {
    this.clock = clock;
    AnyCodec codec = WasmTypes.registerInterfaces(AnyCodec.builder()).build();
    wasmKeeper =
        new WasmKeeper(
            codec, clientKeeper, AUTHORITY, engine, QueryRouter.EMPTY, WasmConfig.defaults());
    clientKeeper.addRoute(
        WasmTypes.MODULE_NAME, new WasmLightClientModule(wasmKeeper, clientKeeper.storeProvider()));
    clientKeeper.setParams(ctx(new InfiniteGasMeter()), ClientParams.DEFAULT);
    clientKeeper.setNextClientSequence(ctx(new InfiniteGasMeter()), 0);
    try {
      server =
          NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .maxInboundMessageSize(64 * 1024 * 1024)
              .addService(
                  new ClientQueryService(
                      new ClientQueryServer(clientKeeper, PREFIX),
                      () -> ctx(new InfiniteGasMeter())))
              .addService(
                  new WasmQueryService(
                      new WasmQueryServer(wasmKeeper), () -> ctx(new InfiniteGasMeter())))
              .addService(new Auth())
              .addService(new TxService())
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String target() {
    return "127.0.0.1:" + server.getPort();
  }

  public GrpcDestination connect() {
    ManagedChannel channel = NettyChannelBuilder.forTarget(target()).usePlaintext().build();
    return new GrpcDestination(channel, CHAIN_ID, java.time.Duration.ofSeconds(30));
  }

  public synchronized BlockContext ctx(GasMeter gas) {
    return BlockContext.builder()
        .block(new BlockInfo(height, clock.instant(), CHAIN_ID))
        .stores(
            StoreSets.of(Map.of(ClientKeeper.STORE_KEY, ibcStore, WasmTypes.STORE_KEY, wasmStore)))
        .gasMeter(gas)
        .eventManager(new EventManager())
        .build();
  }

  /** Stores code through the gov authority; returns the checksum. */
  public synchronized Bytes storeCode(Bytes code) {
    return Bytes.wrapOwned(
        new WasmMsgServer(wasmKeeper, PREFIX)
            .storeCode(
                ctx(new InfiniteGasMeter()),
                MsgStoreCode.newBuilder()
                    .setSigner(AUTHORITY)
                    .setWasmByteCode(ByteString.copyFrom(code.asReadOnlyByteBuffer()))
                    .build())
            .getChecksum()
            .toByteArray());
  }

  /** Creates an 08-wasm client over the given inner (07-tendermint) states. */
  public synchronized String createClient(
      Bytes checksum,
      Any tmClientState,
      Any tmConsensusState,
      io.wasm08.core.client.Height latest) {
    WasmClientState cs =
        new WasmClientState(Bytes.wrapOwned(tmClientState.toByteArray()), checksum, latest);
    WasmConsensusState cons =
        new WasmConsensusState(Bytes.wrapOwned(tmConsensusState.toByteArray()));
    return clientKeeper.createClient(
        ctx(new InfiniteGasMeter()), WasmTypes.MODULE_NAME, cs.marshal(), cons.marshal());
  }

  public synchronized io.wasm08.core.client.Height clientHeight(String clientId) {
    return clientKeeper.getClientLatestHeight(ctx(new InfiniteGasMeter()), clientId);
  }

  public synchronized String clientStatus(String clientId) {
    return clientKeeper.getClientStatus(ctx(new InfiniteGasMeter()), clientId).toString();
  }

  public synchronized List<MsgUpdateClient> delivered() {
    return List.copyOf(delivered);
  }

  public ClientKeeper clientKeeper() {
    return clientKeeper;
  }

  /** Someone else signs with the account: its sequence moves on behind the relayer's back. */
  public void bumpSequence(String address) {
    accounts.computeIfAbsent(address, a -> new long[] {accounts.size() + 7, 0})[1]++;
  }

  public synchronized long height() {
    return height;
  }

  // ---- services ----

  private final class Auth extends cosmos.auth.v1beta1.QueryGrpc.QueryImplBase {
    @Override
    public void account(QueryAccountRequest req, StreamObserver<QueryAccountResponse> out) {
      long[] acc =
          accounts.computeIfAbsent(req.getAddress(), a -> new long[] {accounts.size() + 7, 0});
      out.onNext(
          QueryAccountResponse.newBuilder()
              .setAccount(
                  Any.pack(
                      BaseAccount.newBuilder()
                          .setAddress(req.getAddress())
                          .setAccountNumber(acc[0])
                          .setSequence(acc[1])
                          .build(),
                      "/"))
              .build());
      out.onCompleted();
    }

    @Override
    public void bech32Prefix(Bech32PrefixRequest req, StreamObserver<Bech32PrefixResponse> out) {
      out.onNext(Bech32PrefixResponse.newBuilder().setBech32Prefix(PREFIX).build());
      out.onCompleted();
    }
  }

  private record Decoded(
      TxRaw raw, TxBody body, AuthInfo auth, Secp256k1PublicKey key, String signer) {}

  private Decoded decode(ByteString bytes) throws InvalidProtocolBufferException {
    TxRaw raw = TxRaw.parseFrom(bytes);
    TxBody body = TxBody.parseFrom(raw.getBodyBytes());
    AuthInfo auth = AuthInfo.parseFrom(raw.getAuthInfoBytes());
    Secp256k1PublicKey key =
        Secp256k1PublicKey.fromProto(
            cosmos.crypto.secp256k1.Keys.PubKey.parseFrom(
                auth.getSignerInfos(0).getPublicKey().getValue()));
    return new Decoded(raw, body, auth, key, key.address().toBech32(PREFIX));
  }

  /** Runs the tx's messages; returns gas used, or throws on failure. */
  private synchronized long run(Decoded tx, GasMeter gas, boolean commit) {
    BlockContext ctx = ctx(gas);
    BlockContext.Branch branch = ctx.cacheContext();
    List<MsgUpdateClient> msgs = new ArrayList<>();
    for (Any any : tx.body().getMessagesList()) {
      MsgUpdateClient msg;
      try {
        msg = any.unpack(MsgUpdateClient.class);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalArgumentException(
            "only MsgUpdateClient is routed here: " + any.getTypeUrl());
      }
      if (!msg.getSigner().equals(tx.signer())) {
        throw new IllegalArgumentException("signer " + msg.getSigner() + " did not sign");
      }
      clientKeeper.updateClient(
          branch.context(),
          msg.getClientId(),
          WasmClientMessage.unmarshal(
              Bytes.wrapOwned(msg.getClientMessage().getValue().toByteArray())));
      msgs.add(msg);
    }
    if (commit) {
      branch.write(ctx);
      delivered.addAll(msgs);
    }
    return gas.gasConsumed();
  }

  private final class TxService extends ServiceGrpc.ServiceImplBase {
    @Override
    public void simulate(SimulateRequest req, StreamObserver<SimulateResponse> out) {
      try {
        Decoded tx = decode(req.getTxBytes());
        long[] acc = accounts.get(tx.signer());
        long seq = tx.auth().getSignerInfos(0).getSequence();
        if (acc == null || acc[1] != seq) {
          out.onError(
              Status.INVALID_ARGUMENT
                  .withDescription(
                      "account sequence mismatch, expected "
                          + (acc == null ? 0 : acc[1])
                          + ", got "
                          + seq
                          + ": incorrect account sequence")
                  .asRuntimeException());
          return;
        }
        long used = run(tx, new BasicGasMeter(Long.MAX_VALUE / 2), false) + 20_000;
        out.onNext(
            SimulateResponse.newBuilder()
                .setGasInfo(GasInfo.newBuilder().setGasUsed(used))
                .build());
        out.onCompleted();
      } catch (InvalidProtocolBufferException | IllegalArgumentException | Wasm08Exception e) {
        out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      }
    }

    @Override
    public void broadcastTx(BroadcastTxRequest req, StreamObserver<BroadcastTxResponse> out) {
      String hash = TxHash.of(Bytes.wrapOwned(req.getTxBytes().toByteArray()));
      TxResponse.Builder r = TxResponse.newBuilder().setTxhash(hash);
      try {
        Decoded tx = decode(req.getTxBytes());
        long[] acc = accounts.get(tx.signer());
        long seq = tx.auth().getSignerInfos(0).getSequence();
        if (acc == null || acc[1] != seq) {
          r.setCode(32)
              .setCodespace("sdk")
              .setRawLog(
                  "account sequence mismatch, expected "
                      + (acc == null ? 0 : acc[1])
                      + ", got "
                      + seq
                      + ": incorrect account sequence");
        } else if (!DirectSigning.verify(tx.raw(), 0, tx.key(), CHAIN_ID, acc[0])) {
          r.setCode(4).setCodespace("sdk").setRawLog("signature verification failed");
        } else {
          acc[1]++;
          deliver(hash, tx);
        }
      } catch (InvalidProtocolBufferException e) {
        r.setCode(2).setCodespace("sdk").setRawLog(e.getMessage());
      }
      out.onNext(BroadcastTxResponse.newBuilder().setTxResponse(r).build());
      out.onCompleted();
    }

    @Override
    public void getTx(GetTxRequest req, StreamObserver<GetTxResponse> out) {
      String hash = req.getHash().toUpperCase(java.util.Locale.ROOT);
      TxResponse r = txs.get(hash);
      if (r == null
          || polls.computeIfAbsent(hash, h -> new AtomicInteger()).incrementAndGet()
              <= inclusionPolls) {
        out.onError(Status.NOT_FOUND.withDescription("tx not found: " + hash).asRuntimeException());
        return;
      }
      out.onNext(GetTxResponse.newBuilder().setTxResponse(r).build());
      out.onCompleted();
    }
  }

  private synchronized void deliver(String hash, Decoded tx) {
    height++;
    Instant time = clock.instant();
    long gasLimit = tx.auth().getFee().getGasLimit();
    BasicGasMeter gas = new BasicGasMeter(gasLimit);
    TxResponse.Builder r =
        TxResponse.newBuilder()
            .setTxhash(hash)
            .setHeight(height)
            .setGasWanted(gasLimit)
            .setTimestamp(DateTimeFormatter.ISO_INSTANT.format(time));
    try {
      run(tx, gas, true);
      r.setGasUsed(gas.gasConsumed());
    } catch (Wasm08Exception e) {
      r.setCode(e.code() == 0 ? 1 : e.code())
          .setCodespace(e.codespace())
          .setRawLog(e.getMessage())
          .setGasUsed(Math.min(gas.gasConsumed(), gasLimit));
    } catch (IllegalArgumentException e) {
      r.setCode(1).setCodespace("sdk").setRawLog(e.getMessage());
    }
    txs.put(hash, r.build());
  }

  public Map<String, TxResponse> committed() {
    return new HashMap<>(txs);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
