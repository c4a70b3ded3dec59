package io.wasm08.wasm.vm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.BackendError;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.GasInfo;
import io.wasm08.wasm.vm.KvRecord;
import io.wasm08.wasm.vm.Order;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** cosmwasm-vm's mock backend, checked against upstream's documented values and tests. */
class MockBackendTest {
  static Stream<Arguments> addrMake() {
    // ../shared/fixtures/cosmwasm/README.md (from cosmwasm-vm's tests) and MockApi's doc tests
    return Stream.of(
        Arguments.of(
            "cosmwasm",
            "creator",
            "cosmwasm1h34lmpywh4upnjdg90cjf4j70aee6z8qqfspugamjp42e4q28kqs8s7vcp"),
        Arguments.of(
            "cosmwasm",
            "verifies",
            "cosmwasm1pu6qnztwn8w95j903786aqstj3smhxysenasp3rkhdfw06e9vrjs2rlx8w"),
        Arguments.of(
            "cosmwasm",
            "benefits",
            "cosmwasm1yrr937kq5yd6xcs3eejp4pz3kes3zls7c4f7yq27g2yx65ylkuxsh0ldf7"),
        Arguments.of(
            "cosmwasm",
            "someone else",
            "cosmwasm13evkv42fprxqfpqdp966kn2cwpjrk9jflp08yelkkue20g977wpsnku5at"),
        Arguments.of(
            "cosmwasm",
            "cosmos2contract",
            "cosmwasm1jpev2csrppg792t22rn8z8uew8h3sjcpglcd0qv9g8gj8ky922tscp8avs"),
        Arguments.of(
            "juno", "creator", "juno1h34lmpywh4upnjdg90cjf4j70aee6z8qqfspugamjp42e4q28kqsksmtyp"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource
  void addrMake(String prefix, String input, String expected) {
    assertThat(new MockApi().withPrefix(prefix).addrMake(input)).isEqualTo(expected);
  }

  @Test
  void mockEnvIsUpstreamsJson() {
    // mock_env() bytes as listed in ../shared/fixtures/cosmwasm/README.md
    assertThat(MockEnv.mockEnv().toUtf8())
        .isEqualTo(
            "{\"block\":{\"height\":12345,\"time\":\"1571797419879305533\",\"chain_id\":\"cosmos-testnet-14002\"},"
                + "\"transaction\":{\"index\":3,\"hash\":\"5UadrOwXzviiYP03Z17Yfn+2orWtlRk8UTCABsfklLM=\"},"
                + "\"contract\":{\"address\":\"cosmwasm1jpev2csrppg792t22rn8z8uew8h3sjcpglcd0qv9g8gj8ky922tscp8avs\"}}");
    assertThat(MockEnv.mockInfo("creator", List.of(Coin.of(1000, "earth"))).toUtf8())
        .isEqualTo(
            "{\"sender\":\"creator\",\"funds\":[{\"denom\":\"earth\",\"amount\":\"1000\"}]}");
  }

  static Stream<Arguments> bip173() {
    // BIP-173 test vectors: valid Bech32 strings, and invalid ones
    return Stream.of(
        Arguments.of("A12UEL5L", true),
        Arguments.of("a12uel5l", true),
        Arguments.of(
            "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
            true),
        Arguments.of("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", true),
        Arguments.of("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", true),
        Arguments.of("?1ezyfcl", true),
        Arguments.of("pzry9x0s0muk", false),
        Arguments.of("1pzry9x0s0muk", false),
        Arguments.of("x1b4n0q5v", false),
        Arguments.of("li1dgmt3", false),
        Arguments.of("A1G7SGD8", false),
        Arguments.of("10a06t8", false),
        Arguments.of("1qzzfhee", false),
        Arguments.of("a12UEL5L", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void bip173(String input, boolean valid) {
    if (valid) {
      Bech32.Decoded decoded = Bech32.decode(input);
      assertThat(Bech32.encode(decoded.hrp(), decoded.data().toByteArray()))
          .isEqualTo(input.toLowerCase(java.util.Locale.ROOT));
    } else {
      assertThatThrownBy(() -> Bech32.decode(input)).isInstanceOf(Bech32.DecodingException.class);
    }
  }

  @Test
  void mockApiRoundTripsAndCharges() {
    MockApi api = new MockApi();
    String addr = api.addrMake("creator");
    var canonical = (BackendResult.Ok<Bytes>) api.addrCanonicalize(addr);
    assertThat(canonical.value().size()).isEqualTo(32);
    assertThat(canonical.gas()).isEqualTo(GasInfo.withCost(700_000));
    var human = (BackendResult.Ok<String>) api.addrHumanize(canonical.value());
    assertThat(human.value()).isEqualTo(addr);
    assertThat(human.gas()).isEqualTo(GasInfo.withCost(560_000));
    assertThat(api.addrValidate(addr))
        .isEqualTo(BackendResult.ok(null, GasInfo.withCost(1_260_000)));
    assertThat(api.addrHumanize(Bytes.of(new byte[256])))
        .isEqualTo(
            BackendResult.err(
                new BackendError.UserErr("Invalid canonical address length"),
                GasInfo.withCost(560_000)));
  }

  @Test
  void mockStorageGasAndIteration() {
    MockStorage storage = new MockStorage();
    assertThat(storage.set(Bytes.ofUtf8("foo"), Bytes.ofUtf8("bar")).gas())
        .isEqualTo(GasInfo.withExternallyUsed(6));
    assertThat(storage.get(Bytes.ofUtf8("foo")))
        .isEqualTo(
            BackendResult.ok(Optional.of(Bytes.ofUtf8("bar")), GasInfo.withExternallyUsed(3)));
    storage.set(Bytes.ofUtf8("ant"), Bytes.ofUtf8("hill"));
    storage.set(Bytes.ofUtf8("ze"), Bytes.ofUtf8("bra"));
    assertThat(storage.remove(Bytes.ofUtf8("ze")).gas()).isEqualTo(GasInfo.withExternallyUsed(2));
    var scan = (BackendResult.Ok<Integer>) storage.scan(null, null, Order.DESCENDING);
    assertThat(scan.value()).isEqualTo(1);
    assertThat(scan.gas()).isEqualTo(GasInfo.withExternallyUsed(11));
    assertThat(storage.next(1))
        .isEqualTo(
            BackendResult.ok(
                Optional.of(new KvRecord(Bytes.ofUtf8("foo"), Bytes.ofUtf8("bar"))),
                GasInfo.withCost(6)));
    storage.next(1);
    assertThat(storage.next(1))
        .isEqualTo(BackendResult.ok(Optional.empty(), GasInfo.withExternallyUsed(37)));
    assertThat(storage.next(9))
        .isEqualTo(BackendResult.err(new BackendError.IteratorDoesNotExist(9), GasInfo.FREE));
    assertThat(storage.scan(null, null, Order.ASCENDING))
        .extracting(BackendResult::gas)
        .isNotNull();
  }

  @Test
  void mockQuerierChargesPerResponseByteAndRunsOutOfGas() {
    MockQuerier querier =
        new MockQuerier(Map.of("foobar", List.of(Coin.of(123, "ELF"), Coin.of(777, "FLY"))));
    Bytes request =
        Bytes.ofUtf8("{\"bank\":{\"balance\":{\"address\":\"foobar\",\"denom\":\"ELF\"}}}");
    var ok = (BackendResult.Ok<Bytes>) querier.queryRaw(request, 1_000_000);
    // {"amount":{"denom":"ELF","amount":"123"}}
    assertThat(ok.value().toUtf8())
        .isEqualTo(
            "{\"ok\":{\"ok\":\"eyJhbW91bnQiOnsiZGVub20iOiJFTEYiLCJhbW91bnQiOiIxMjMifX0=\"}}");
    assertThat(ok.gas()).isEqualTo(GasInfo.withExternallyUsed(100_000 + 100L * ok.value().size()));
    // query_raw_fails_when_out_of_gas: gas limit 20
    assertThat(querier.queryRaw(Bytes.ofUtf8("broken request"), 20))
        .isInstanceOfSatisfying(
            BackendResult.Err.class,
            e -> assertThat(e.error()).isEqualTo(new BackendError.OutOfGas()));
    var supply =
        (BackendResult.Ok<Bytes>)
            querier.queryRaw(
                Bytes.ofUtf8("{\"bank\":{\"supply\":{\"denom\":\"FLY\"}}}"), 1_000_000);
    // {"amount":{"denom":"FLY","amount":"777"}}
    assertThat(supply.value().toUtf8())
        .isEqualTo(
            "{\"ok\":{\"ok\":\"eyJhbW91bnQiOnsiZGVub20iOiJGTFkiLCJhbW91bnQiOiI3NzcifX0=\"}}");
    var unsupported =
        (BackendResult.Ok<Bytes>) querier.queryRaw(Bytes.ofUtf8("{\"custom\":{}}"), 1_000_000);
    assertThat(unsupported.value().toUtf8())
        .isEqualTo("{\"error\":{\"unsupported_request\":{\"kind\":\"custom\"}}}");
  }
}
