package io.wasm08.relayer.light;

import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.tendermint.LightBlock;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves a fixed set of recorded light blocks, like tendermint-rs' {@code MockIo}: the provider of
 * the light-client vector files, and of any replay of recorded blocks.
 */
public final class RecordedLightBlockProvider implements LightBlockProvider {
  private final String id;
  private final TreeMap<Long, LightBlock> blocks = new TreeMap<>();

  public RecordedLightBlockProvider(String id, Collection<LightBlock> blocks) {
    this.id = id;
    for (LightBlock b : blocks) {
      this.blocks.put(b.height(), b.withProvider(id));
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public LightBlock lightBlock(long height) {
    LightBlock block = blocks.get(height);
    if (block == null) {
      throw RelayerErrorCode.RPC_ERROR_RESPONSE.wrap(id + " has no light block at " + height);
    }
    return block;
  }

  @Override
  public LightBlock latestLightBlock() {
    Map.Entry<Long, LightBlock> last = blocks.lastEntry();
    return lightBlock(last.getKey());
  }

  /** The recorded blocks by height. */
  public Map<Long, LightBlock> blocks() {
    return java.util.Collections.unmodifiableMap(blocks);
  }
}
