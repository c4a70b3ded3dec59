package io.wasm08.core.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.proofs.commitment.MerklePrefix;
import org.junit.jupiter.api.Test;

class CommitmentPathsTest {
  @Test
  void ics24KeysUnderThePrefix() {
    // 08-wasm-host.md §4.4: key_path ["aWJj" = "ibc", "Y29ubmVjdGlvbnMvY29ubmVjdGlvbi0w" =
    // "connections/connection-0"] is what ibc-go passes for an ICS-24 key under "ibc".
    MerklePath connection =
        CommitmentPaths.of(CommitmentPaths.SDK_PREFIX, Bytes.ofUtf8("connections/connection-0"));
    assertThat(connection.keyPath())
        .containsExactly(
            Bytes.fromBase64("aWJj"), Bytes.fromBase64("Y29ubmVjdGlvbnMvY29ubmVjdGlvbi0w"));
    assertThat(CommitmentPaths.clientState(CommitmentPaths.SDK_PREFIX, "07-tendermint-0"))
        .isEqualTo(MerklePath.ofUtf8("ibc", "clients/07-tendermint-0/clientState"));
    assertThat(
            CommitmentPaths.consensusState(
                CommitmentPaths.SDK_PREFIX, "07-tendermint-0", Height.of(1, 5)))
        .isEqualTo(MerklePath.ofUtf8("ibc", "clients/07-tendermint-0/consensusStates/1-5"));
    assertThatThrownBy(
            () -> CommitmentPaths.clientState(new MerklePrefix(Bytes.EMPTY), "07-tendermint-0"))
        .hasMessage("prefix can't be empty: invalid prefix");
  }
}
