package io.wasm08.wasm.api;

import io.wasm08.common.Bytes;

/**
 * wasmvm's {@code Env} and {@code MessageInfo} as 08-wasm fills them ({@code getEnv}): block
 * height, time (ns, a JSON string) and chain id from the block, no transaction ({@code null}), the
 * client id as contract address; the instantiate info has an empty sender and no funds.
 */
public final class ContractEnv {
  private ContractEnv() {}

  /** {@code {"sender":"","funds":[]}}: {@code Array[Coin]} marshals nil as {@code []}. */
  public static final Bytes INSTANTIATE_INFO = Bytes.ofUtf8("{\"sender\":\"\",\"funds\":[]}");

  /**
   * {@code json.Marshal(Env)}; Go panics on a negative height or time, so callers must pass
   * non-negative values (the block context guarantees it).
   */
  public static Bytes env(long blockHeight, long blockTimeNanos, String chainId, String address) {
    if (blockHeight < 0) {
      throw new IllegalArgumentException("block height must never be negative");
    }
    if (blockTimeNanos < 0) {
      throw new IllegalArgumentException("block (unix) time must never be negative ");
    }
    return new GoJsonWriter()
        .beginObject()
        .name("block")
        .beginObject()
        .name("height")
        .uint64(blockHeight)
        .name("time")
        .string(Long.toUnsignedString(blockTimeNanos))
        .name("chain_id")
        .string(chainId)
        .endObject()
        .name("transaction")
        .nullValue()
        .name("contract")
        .beginObject()
        .name("address")
        .string(address)
        .endObject()
        .endObject()
        .toBytes();
  }
}
