package io.wasm08.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ibc.lightclients.wasm.v1.QueryChecksumsRequest;
import ibc.lightclients.wasm.v1.QueryGrpc;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.Hashes;
import io.wasm08.node.chain.Node;
import io.wasm08.node.client.NodeClient;
import io.wasm08.node.config.GenesisDoc;
import io.wasm08.node.demo.SoloMachineFlow;
import io.wasm08.node.testing.TestChain;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The {@code 08-wasm} genesis section: contracts listed there are stored (unchecked, as ibc-go's
 * InitGenesis) and served by the Query service from the first block, with no proposal.
 */
class WasmGenesisTest {
  @Test
  void contractsInGenesisAreStoredAndQueryable() {
    Bytes wasm = SoloMachineFlow.contract();
    GenesisDoc base = TestChain.wasm08Genesis(1, "PT1S");
    ObjectNode section = new ObjectMapper().createObjectNode();
    section
        .putArray("contracts")
        .addObject()
        .put("code_bytes", Base64.getEncoder().encodeToString(wasm.toByteArray()));
    GenesisDoc genesis = base.withSection("08-wasm", section);

    Node node = TestChain.startWasm08(genesis, TestChain.clock(), false);
    try (NodeClient c = NodeClient.connect("127.0.0.1:" + node.grpcPort())) {
      node.produceBlock();
      assertThat(
              QueryGrpc.newBlockingStub(c.channel())
                  .checksums(QueryChecksumsRequest.getDefaultInstance())
                  .getChecksumsList())
          .containsExactly(Hashes.sha256(wasm).toHex());
    } finally {
      node.close();
    }
  }
}
