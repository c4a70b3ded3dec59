package io.wasm08.relayer.rpc;

import io.wasm08.relayer.light.LightBlockProvider;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.SignedHeader;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.util.Objects;

/**
 * Light blocks from a CometBFT node: {@code /commit?height=h}, all pages of {@code
 * /validators?height=h} and {@code h+1}. Like CometBFT's HTTP light provider, it rejects a block
 * whose validator sets do not hash to the header's hashes ({@code RPC_INCONSISTENT_RESPONSE});
 * signatures are left to the verifier. The validator set gets the header's proposer, as an
 * 07-tendermint header needs.
 */
public final class RpcLightBlockProvider implements LightBlockProvider {
  private final CometRpcClient client;
  private final String id;

  public RpcLightBlockProvider(CometRpcClient client, String id) {
    this.client = Objects.requireNonNull(client, "client");
    this.id = Objects.requireNonNull(id, "id");
  }

  @Override
  public String id() {
    return id;
  }

  public CometRpcClient client() {
    return client;
  }

  @Override
  public LightBlock lightBlock(long height) {
    SignedHeader sh = client.commit(height).signedHeader();
    ValidatorSet validators = client.validators(height);
    if (!validators.hash().equals(sh.header().validatorsHash())) {
      throw CometRpcClient.inconsistent(
          "validators",
          "the validator set at height "
              + height
              + " hashes to "
              + hex(validators.hash().toHex())
              + ", the header says "
              + hex(sh.header().validatorsHash().toHex()));
    }
    if (validators.validator(sh.header().proposerAddress()).isEmpty()) {
      throw CometRpcClient.inconsistent(
          "validators",
          "the header's proposer "
              + hex(sh.header().proposerAddress().toHex())
              + " is not in the validator set at height "
              + height);
    }
    ValidatorSet next = client.validators(height + 1);
    if (!next.hash().equals(sh.header().nextValidatorsHash())) {
      throw CometRpcClient.inconsistent(
          "validators",
          "the validator set at height "
              + (height + 1)
              + " hashes to "
              + hex(next.hash().toHex())
              + ", the header's next_validators_hash is "
              + hex(sh.header().nextValidatorsHash().toHex()));
    }
    return new LightBlock(sh, validators.withProposer(sh.header().proposerAddress()), next, id);
  }

  @Override
  public LightBlock latestLightBlock() {
    return lightBlock(client.status().latestHeight());
  }

  private static String hex(String h) {
    return h.toUpperCase(java.util.Locale.ROOT);
  }
}
