package io.wasm08.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.store.BasicGasMeter;
import io.wasm08.store.InfiniteGasMeter;
import io.wasm08.store.MemKvStore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockContextTest {
  private final MemKvStore ibc = new MemKvStore();
  private final MemKvStore wasm = new MemKvStore();

  private BlockContext ctx(io.wasm08.store.GasMeter meter, String consensusAuthority) {
    return BlockContext.builder()
        .block(new BlockInfo(7, Instant.ofEpochSecond(100), "chain-1"))
        .stores(StoreSets.of(Map.of("ibc", ibc, "08-wasm", wasm)))
        .gasMeter(meter)
        .consensusAuthority(consensusAuthority)
        .build();
  }

  @Test
  void atomicallyWritesStoresAndEventsOnlyOnSuccess() {
    BlockContext ctx = ctx(new InfiniteGasMeter(), null);
    ctx.atomically(
        c -> {
          c.kvStore("ibc").set(Bytes.ofUtf8("a"), Bytes.ofUtf8("1"));
          c.kvStore("08-wasm").set(Bytes.ofUtf8("b"), Bytes.ofUtf8("2"));
          c.eventManager().emit(Event.of("ok"));
          // Not visible outside the branch until it is written.
          assertThat(ibc.get(Bytes.ofUtf8("a"))).isNull();
          return null;
        });
    assertThat(ibc.get(Bytes.ofUtf8("a"))).isEqualTo(Bytes.ofUtf8("1"));
    assertThat(wasm.get(Bytes.ofUtf8("b"))).isEqualTo(Bytes.ofUtf8("2"));
    assertThat(ctx.eventManager().events()).containsExactly(Event.of("ok"));

    assertThatThrownBy(
            () ->
                ctx.atomically(
                    c -> {
                      c.kvStore("ibc").set(Bytes.ofUtf8("a"), Bytes.ofUtf8("changed"));
                      c.kvStore("ibc").delete(Bytes.ofUtf8("a"));
                      c.eventManager().emit(Event.of("dropped"));
                      throw SdkErrorCode.INVALID_REQUEST.wrap("fail");
                    }))
        .isInstanceOf(IbcException.class);
    assertThat(ibc.get(Bytes.ofUtf8("a"))).isEqualTo(Bytes.ofUtf8("1"));
    assertThat(ctx.eventManager().events()).containsExactly(Event.of("ok"));
  }

  @Test
  void nestedBranchesWriteIntoTheirParent() {
    BlockContext ctx = ctx(new InfiniteGasMeter(), null);
    BlockContext.Branch outer = ctx.cacheContext();
    BlockContext.Branch inner = outer.context().cacheContext();
    inner.context().kvStore("ibc").set(Bytes.ofUtf8("k"), Bytes.ofUtf8("v"));
    inner.write(outer.context());
    assertThat(outer.context().kvStore("ibc").get(Bytes.ofUtf8("k"))).isEqualTo(Bytes.ofUtf8("v"));
    assertThat(ibc.get(Bytes.ofUtf8("k"))).isNull();
    outer.write(ctx);
    assertThat(ibc.get(Bytes.ofUtf8("k"))).isEqualTo(Bytes.ofUtf8("v"));
  }

  @Test
  void storesAreGasMeteredWithTheSdkKvConfig() {
    ibc.set(Bytes.ofUtf8("key"), Bytes.ofUtf8("value"));
    BasicGasMeter meter = new BasicGasMeter(1_000_000);
    BlockContext ctx = ctx(meter, null);
    ctx.kvStore("ibc").get(Bytes.ofUtf8("key"));
    // KVGasConfig: ReadCostFlat 1000 + ReadCostPerByte 3 × (3 key + 5 value bytes).
    assertThat(meter.gasConsumed()).isEqualTo(1000 + 3 * 8);
    ctx.kvStore("ibc").set(Bytes.ofUtf8("k2"), Bytes.ofUtf8("v"));
    // WriteCostFlat 2000 + WriteCostPerByte 30 × (2 + 1).
    assertThat(meter.gasConsumed()).isEqualTo(1024 + 2000 + 30 * 3);
    // Branches share the meter.
    ctx.cacheContext().context().kvStore("ibc").has(Bytes.ofUtf8("k2"));
    assertThat(meter.gasConsumed()).isEqualTo(1024 + 2090 + 1000);
    assertThatThrownBy(() -> ctx.kvStore("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void authorityPrefersTheConsensusParamsAuthority() {
    String keeper = "cosmos10d07y265gmmuvt4z0w9aw880jnsr700j6zn9kn";
    String override = "cosmos1override";
    Authority.validate(ctx(new InfiniteGasMeter(), null), keeper, keeper);
    assertThatThrownBy(
            () -> Authority.validate(ctx(new InfiniteGasMeter(), null), keeper, override))
        .hasMessage(
            "invalid authority: expected " + keeper + ", got " + override + ": unauthorized")
        .matches(e -> ((IbcException) e).is(SdkErrorCode.UNAUTHORIZED));
    BlockContext withOverride = ctx(new InfiniteGasMeter(), override);
    Authority.validate(withOverride, keeper, override);
    assertThatThrownBy(() -> Authority.validate(withOverride, keeper, keeper))
        .hasMessage(
            "invalid authority: expected " + override + ", got " + keeper + ": unauthorized");
    // An empty consensus authority means none (ibc-go: "cp.Authority.Authority != \"\"").
    Authority.validate(ctx(new InfiniteGasMeter(), ""), keeper, keeper);
  }
}
