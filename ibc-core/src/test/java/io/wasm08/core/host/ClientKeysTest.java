package io.wasm08.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import org.junit.jupiter.api.Test;

/** Key layouts from ibc-go 24-host/client_keys.go, 02-client keys.go and 07-tendermint store.go. */
class ClientKeysTest {

  @Test
  void clientKeys() {
    assertThat(ClientKeys.fullClientStateKey("08-wasm-0").toUtf8())
        .isEqualTo("clients/08-wasm-0/clientState");
    assertThat(ClientKeys.fullConsensusStateKey("08-wasm-0", Height.of(1, 5)).toUtf8())
        .isEqualTo("clients/08-wasm-0/consensusStates/1-5");
    assertThat(ClientKeys.clientStorePrefix("07-tendermint-2").toUtf8())
        .isEqualTo("clients/07-tendermint-2/");
    assertThat(ClientKeys.prefixedClientStoreKey(Bytes.ofUtf8("08-wasm")).toUtf8())
        .isEqualTo("clients/08-wasm");
    assertThat(ClientKeys.creatorKey().toUtf8()).isEqualTo("creator");
    assertThat(ClientKeys.nextClientSequenceKey().toUtf8()).isEqualTo("nextClientSequence");
    assertThat(ClientKeys.paramsKey().toUtf8()).isEqualTo("clientParams");
    assertThat(ClientKeys.processedTimeKey(Height.of(0, 1)).toUtf8())
        .isEqualTo("consensusStates/0-1/processedTime");
    assertThat(ClientKeys.processedHeightKey(Height.of(2, 300)).toUtf8())
        .isEqualTo("consensusStates/2-300/processedHeight");
  }

  @Test
  void iterationKeySortsByHeight() {
    // "iterateConsensusStates" ‖ BE64(revision) ‖ BE64(height).
    assertThat(ClientKeys.iterationKey(Height.of(1, 258)))
        .isEqualTo(
            Bytes.ofUtf8("iterateConsensusStates")
                .concat(Bytes.fromHex("0000000000000001" + "0000000000000102")));
    assertThat(ClientKeys.iterationKey(Height.of(1, 9)))
        .isLessThan(ClientKeys.iterationKey(Height.of(1, 10)));
    assertThat(ClientKeys.consensusStateKey(Height.of(1, 9)))
        .isGreaterThan(ClientKeys.consensusStateKey(Height.of(1, 10)));
  }

  @Test
  void parseClientStatePath() {
    assertThat(ClientKeys.parseClientStatePath("clients/08-wasm-0/clientState"))
        .isEqualTo("08-wasm-0");
    assertThatThrownBy(() -> ClientKeys.parseClientStatePath("clients/08-wasm-0"))
        .hasMessage("cannot parse client state path clients/08-wasm-0: invalid path");
    assertThatThrownBy(() -> ClientKeys.parseClientStatePath("clientz/08-wasm-0/clientState"))
        .hasMessage(
            "path does not begin with client store prefix: expected clients, got clientz:"
                + " invalid path");
    assertThatThrownBy(() -> ClientKeys.parseClientStatePath("clients/08-wasm-0/consensus"))
        .hasMessage(
            "path does not end with client state key: expected clientState, got consensus:"
                + " invalid path");
    assertThatThrownBy(() -> ClientKeys.parseClientStatePath("clients/ /clientState"))
        .hasMessage("clientID is empty: invalid path");
  }
}
