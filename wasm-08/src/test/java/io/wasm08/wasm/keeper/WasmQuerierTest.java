package io.wasm08.wasm.keeper;

import static io.wasm08.wasm.testing.ErrorAssertions.assertErrorIs;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractOkEmpty;
import static io.wasm08.wasm.testing.FakeWasmEngine.queryOk;
import static io.wasm08.wasm.testing.WasmTestValues.CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import ibc.core.client.v1.QueryOuterClass.QueryVerifyMembershipRequest;
import ibc.core.client.v1.QueryOuterClass.QueryVerifyMembershipResponse;
import ibc.lightclients.wasm.v1.QueryChecksumsRequest;
import ibc.lightclients.wasm.v1.QueryChecksumsResponse;
import io.wasm08.client.query.ClientQueryServer;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.errors.IbcException;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.proofs.commitment.MerkleProofs;
import io.wasm08.proofs.commitment.MerkleRoot;
import io.wasm08.store.CommitId;
import io.wasm08.store.rootmulti.ProvenQuery;
import io.wasm08.store.rootmulti.RootMultiStore;
import io.wasm08.wasm.api.GoJsonDecoder;
import io.wasm08.wasm.api.GoJsonDecoder.Field;
import io.wasm08.wasm.api.GoJsonValue;
import io.wasm08.wasm.api.GoJsonWriter;
import io.wasm08.wasm.api.QueryMsg;
import io.wasm08.wasm.api.SudoMsg;
import io.wasm08.wasm.querier.AcceptListStargateQuerier;
import io.wasm08.wasm.querier.CustomQuerier;
import io.wasm08.wasm.querier.QueryPlugins;
import io.wasm08.wasm.querier.QueryRequest;
import io.wasm08.wasm.querier.QueryRouter;
import io.wasm08.wasm.querier.SystemErrorException;
import io.wasm08.wasm.testing.FakeWasmEngine;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.CallContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ibc-go's {@code keeper/querier_test.go} (TestCustomQuery; TestStargateQuery with an accept-listed
 * path, the VerifyMembership round trip over a real IAVL proof whose writes are discarded, and a
 * rejected path) and {@code options_test.go} (TestNewKeeperWithOptions). The fake contract talks to
 * the host exactly as a contract does: query_chain JSON in, QuerierResult JSON out.
 */
class WasmQuerierTest {
  static final String CHECKSUMS_PATH = "/ibc.lightclients.wasm.v1.Query/Checksums";
  static final String VERIFY_MEMBERSHIP_PATH = "/ibc.core.client.v1.Query/VerifyMembership";
  static final Bytes TEST_KEY = Bytes.ofUtf8("test-key");
  static final Bytes VALUE = Bytes.ofUtf8("mock-value");

  /** A {@code baseapp.GRPCQueryRouter}: protobuf request in, protobuf response out. */
  static final class TestRouter implements QueryRouter {
    final Map<String, Route> routes = new HashMap<>();

    @Override
    public Optional<Route> route(String path) {
      return Optional.ofNullable(routes.get(path));
    }
  }

  FakeWasmEngine vm;
  WasmTestChain chain;
  TestRouter router;
  String clientId;
  Bytes checksum;

  void setup(QueryRouter routerOverride, WasmTestChain.StoresFactory stores) {
    vm = new FakeWasmEngine();
    vm.instantiateFn = WasmTestChain.defaultInstantiate();
    vm.registerQueryCallback(
        QueryMsg.Status.class, (c, env, msg, ctx) -> queryOk(ctx, "{\"status\":\"Active\"}"));
    router = new TestRouter();
    chain =
        stores.create(vm, WasmConfig.defaults(), routerOverride != null ? routerOverride : router);
    router.routes.put(
        CHECKSUMS_PATH,
        (ctx, data) -> {
          try {
            QueryChecksumsRequest req = QueryChecksumsRequest.parseFrom(data.toByteArray());
            return Bytes.wrapOwned(chain.queryServer().checksums(ctx, req).toByteArray());
          } catch (InvalidProtocolBufferException e) {
            throw IbcException.plain(e.getMessage());
          }
        });
    ClientQueryServer clientQueries =
        new ClientQueryServer(chain.clientKeeper(), WasmTestChain.PREFIX);
    router.routes.put(
        VERIFY_MEMBERSHIP_PATH,
        (ctx, data) -> {
          try {
            QueryVerifyMembershipRequest req =
                QueryVerifyMembershipRequest.parseFrom(data.toByteArray());
            return Bytes.wrapOwned(clientQueries.verifyMembership(ctx, req).toByteArray());
          } catch (InvalidProtocolBufferException e) {
            throw IbcException.plain(e.getMessage());
          }
        });
    checksum = chain.storeCode(CODE);
    clientId = chain.createClient(checksum);
  }

  void setup() {
    setup(null, (engine, config, r) -> new WasmTestChain(engine, config, r));
  }

  /** What {@code query_chain} hands back: {@code {"ok":{"ok":b64}}} → the answer bytes. */
  static Bytes okAnswer(Bytes querierResult) {
    return GoJsonDecoder.unmarshal(
        querierResult,
        d ->
            v -> {
              Bytes[] ok = {null};
              d.struct(
                  v,
                  "types.QuerierResult",
                  List.of(
                      new Field(
                          "ok",
                          x ->
                              d.struct(
                                  x,
                                  "types.QueryResult",
                                  List.of(new Field("ok", y -> ok[0] = d.bytes(y, ok[0])))))));
              return ok[0];
            });
  }

  static Bytes queryChain(CallContext ctx, String requestJson) {
    return switch (ctx.querier().queryRaw(Bytes.ofUtf8(requestJson), Long.MAX_VALUE)) {
      case BackendResult.Ok<Bytes> ok -> ok.value();
      case BackendResult.Err<Bytes> err -> throw new AssertionError(err.error().message());
    };
  }

  static String stargate(String path, Bytes data) {
    return new GoJsonWriter()
        .beginObject()
        .name("stargate")
        .beginObject()
        .name("data")
        .bytes(data)
        .name("path")
        .string(path)
        .endObject()
        .endObject()
        .toJson();
  }

  Bytes wasmQuery(QueryMsg msg) {
    WasmClientState cs = chain.keeper().getClientState(chain.clientStore(clientId)).orElseThrow();
    return chain
        .keeper()
        .calls()
        .wasmQuery(chain.ctx(), clientId, chain.clientStore(clientId), cs, msg);
  }

  // ---- TestCustomQuery -----------------------------------------------------------------------

  @Test
  void customQueryReachesThePlugin() {
    setup();
    // mockCustomQuerier: {"echo":{"data":…}} → json.Marshal(data)
    chain
        .keeper()
        .withQueryPlugins(
            (ctx, request) -> {
              String data =
                  GoJsonDecoder.unmarshal(
                      request,
                      d ->
                          v -> {
                            String[] out = {null};
                            d.struct(
                                v,
                                "keeper_test.CustomQuery",
                                List.of(
                                    new Field(
                                        "echo",
                                        x ->
                                            d.struct(
                                                x,
                                                "keeper_test.QueryEcho",
                                                List.of(
                                                    new Field(
                                                        "data",
                                                        y -> out[0] = d.string(y, out[0])))))));
                            return out[0];
                          });
              return Bytes.ofUtf8(GoJsonWriter.quote(data));
            },
            null);
    vm.registerQueryCallback(
        QueryMsg.Status.class,
        (c, env, msg, ctx) -> {
          Bytes answer =
              okAnswer(queryChain(ctx, "{\"custom\":{\"echo\":{\"data\":\"hello world\"}}}"));
          assertThat(answer.toUtf8()).isEqualTo("\"hello world\"");
          return queryOk(ctx, "{\"status\":\"Active\"}");
        });
    assertThat(wasmQuery(new QueryMsg.Status()).toUtf8()).isEqualTo("{\"status\":\"Active\"}");
  }

  @Test
  void customQueriesAreRejectedByDefault() {
    setup();
    vm.registerQueryCallback(
        QueryMsg.Status.class,
        (c, env, msg, ctx) -> {
          assertThat(queryChain(ctx, "{\"custom\":{}}").toUtf8())
              .isEqualTo(
                  "{\"error\":{\"unsupported_request\":{\"kind\":\"Custom queries are not allowed\"}}}");
          throw FakeWasmEngine.vmError(ctx); // the mock returns the query error as a VM error
        });
    assertErrorIs(() -> wasmQuery(new QueryMsg.Status()), WasmErrorCode.VM_ERROR);
  }

  // ---- TestStargateQuery ---------------------------------------------------------------------

  @Test
  void acceptListedStargateQueryReturnsProtobuf() {
    setup();
    chain
        .keeper()
        .withQueryPlugins(null, new AcceptListStargateQuerier(List.of(CHECKSUMS_PATH), router));
    vm.registerQueryCallback(
        QueryMsg.TimestampAtHeight.class,
        (c, env, msg, ctx) -> {
          Bytes answer =
              okAnswer(
                  queryChain(
                      ctx,
                      stargate(
                          CHECKSUMS_PATH,
                          Bytes.wrapOwned(
                              QueryChecksumsRequest.getDefaultInstance().toByteArray()))));
          try {
            QueryChecksumsResponse res = QueryChecksumsResponse.parseFrom(answer.toByteArray());
            assertThat(res.getChecksumsList()).containsExactly(checksum.toHex());
          } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
          }
          FakeWasmEngine.set(ctx, TEST_KEY, VALUE);
          return queryOk(ctx, "{\"timestamp\":0}");
        });
    assertThat(wasmQuery(new QueryMsg.TimestampAtHeight(Height.of(1, 100)))).isNotNull();
    // the fake writes through the raw client store (the real VM makes queries read-only)
    assertThat(chain.clientStore(clientId).has(TEST_KEY)).isTrue();
  }

  @Test
  void stargatePathsOffTheAcceptListAreUnsupported() {
    setup();
    vm.registerQueryCallback(
        QueryMsg.TimestampAtHeight.class,
        (c, env, msg, ctx) -> {
          assertThat(queryChain(ctx, stargate(CHECKSUMS_PATH, Bytes.EMPTY)).toUtf8())
              .isEqualTo(
                  "{\"error\":{\"unsupported_request\":{\"kind\":\"'"
                      + CHECKSUMS_PATH
                      + "' path is not allowed from the contract\"}}}");
          FakeWasmEngine.set(ctx, TEST_KEY, VALUE);
          throw FakeWasmEngine.vmError(ctx);
        });
    assertErrorIs(
        () -> wasmQuery(new QueryMsg.TimestampAtHeight(Height.of(1, 100))), WasmErrorCode.VM_ERROR);
  }

  /**
   * The VerifyMembership round trip: the contract asks the chain, through the default accept list,
   * to verify a real IAVL proof of {@code mock-key} against a committed app hash; the query
   * re-enters this client's sudo, whose write is discarded with the query's sub-context.
   */
  @Test
  void verifyMembershipRoundTrip() {
    RootMultiStore rms = RootMultiStore.inMemory(List.of("ibc", "08-wasm"));
    setup(
        null,
        (engine, config, r) ->
            new WasmTestChain(engine, config, r, rms.kvStore("ibc"), rms.kvStore("08-wasm")));
    Bytes proofKey = Bytes.ofUtf8("mock-key");
    chain.ibcStore().set(proofKey, VALUE);
    CommitId committed = rms.commit();
    ProvenQuery proven = rms.queryWithProof("ibc", proofKey, committed.version());
    Height proofHeight = Height.of(1, committed.version() + 1);
    MerklePath merklePath = MerklePath.ofUtf8("ibc", "mock-key");
    boolean[] discarded = {false};
    vm.registerQueryCallback(
        QueryMsg.TimestampAtHeight.class,
        (c, env, msg, ctx) -> {
          QueryVerifyMembershipRequest req =
              QueryVerifyMembershipRequest.newBuilder()
                  .setClientId(clientId)
                  .setProof(proven.proof().toByteString())
                  .setProofHeight(proofHeight.toProto())
                  .setMerklePath(merklePath.toProto())
                  .setValue(ByteString.copyFrom(VALUE.toByteArray()))
                  .build();
          Bytes answer =
              okAnswer(
                  queryChain(
                      ctx, stargate(VERIFY_MEMBERSHIP_PATH, Bytes.wrapOwned(req.toByteArray()))));
          try {
            assertThat(QueryVerifyMembershipResponse.parseFrom(answer.toByteArray()).getSuccess())
                .isTrue();
          } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
          }
          return queryOk(ctx, "{\"timestamp\":0}");
        });
    vm.registerSudoCallback(
        SudoMsg.VerifyMembership.class,
        (c, env, msg, ctx) -> {
          GoJsonValue.JObject payload =
              (GoJsonValue.JObject)
                  ((GoJsonValue.JObject) io.wasm08.wasm.api.GoJsonParser.parse(msg.toByteArray()))
                      .members()
                      .get(0)
                      .value();
          Bytes proof = Bytes.fromBase64(((GoJsonValue.JString) member(payload, "proof")).value());
          Bytes value = Bytes.fromBase64(((GoJsonValue.JString) member(payload, "value")).value());
          MerkleProofs.verifyMembership(
              MerkleProofs.parseMerkleProof(proof),
              MerkleProofs.SDK_SPECS,
              new MerkleRoot(committed.hash()),
              merklePath,
              value);
          discarded[0] = true;
          FakeWasmEngine.set(ctx, TEST_KEY, VALUE);
          return contractOkEmpty(ctx);
        });
    assertThat(wasmQuery(new QueryMsg.TimestampAtHeight(Height.of(1, 100)))).isNotNull();
    assertThat(discarded[0]).isTrue();
    assertThat(chain.clientStore(clientId).has(TEST_KEY))
        .as("writes inside the query are discarded")
        .isFalse();
  }

  static GoJsonValue member(GoJsonValue.JObject o, String key) {
    return o.members().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow().value();
  }

  // ---- TestNewKeeperWithOptions ---------------------------------------------------------------

  @Test
  void keeperWithOptions() {
    setup();
    QueryPlugins defaults = chain.keeper().queryPlugins();
    assertThatThrownBy(() -> defaults.custom().query(chain.ctx(), null))
        .isInstanceOfSatisfying(
            SystemErrorException.class,
            e -> assertThat(e).hasMessage("unsupported request: Custom queries are not allowed"));
    assertThatThrownBy(
            () -> defaults.stargate().query(chain.ctx(), new QueryRequest.Stargate("", null)))
        .hasMessage("unsupported request: '' path is not allowed from the contract");
    CustomQuerier customError =
        (ctx, req) -> {
          throw IbcException.plain("custom querier error for TestNewKeeperWithOptions");
        };
    QueryPlugins custom = defaults.merge(customError, null);
    assertThatThrownBy(() -> custom.custom().query(chain.ctx(), null))
        .hasMessageContaining("custom querier error for TestNewKeeperWithOptions");
    assertThat(custom.stargate()).isSameAs(defaults.stargate());
    QueryPlugins both =
        defaults.merge(
            customError,
            (ctx, req) -> {
              throw IbcException.plain("stargate querier error for TestNewKeeperWithOptions");
            });
    assertThatThrownBy(
            () -> both.stargate().query(chain.ctx(), new QueryRequest.Stargate("", null)))
        .hasMessageContaining("stargate querier error for TestNewKeeperWithOptions");
    assertThat(new AcceptListStargateQuerier(List.of("/x"), QueryRouter.EMPTY).acceptList())
        .containsExactly(VERIFY_MEMBERSHIP_PATH, "/x");
  }
}
