package io.wasm08.node.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import io.grpc.BindableService;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.msg.MsgRoute;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A module as the node embeds it, with an explicit lifecycle: the node mounts its stores, registers
 * its {@code Any} types, routes its Msgs, serves its Query services, runs its genesis, calls its
 * block hooks and starts it after loading the latest state. Dependencies (keepers, authority, VM)
 * are given to the module's constructor by whoever assembles the node. Calls get an {@code
 * ibc-core} {@link BlockContext}: the block (time from the producer, never the clock), the stores,
 * gas meter and events.
 */
public interface NodeModule {
  /** The module name, also its genesis section ({@code app_state.<name>}). */
  String name();

  /** The multistore stores it owns. */
  default List<String> storeKeys() {
    return List.of();
  }

  /** Registers the Msgs, account and state types its transactions and queries carry. */
  default void registerTypes(AnyCodec.Builder codec) {}

  /** Called once the {@code Any} registry is complete, before routes and services are asked. */
  default void init(ModuleEnv env) {}

  /** Its Msg handlers; never served over gRPC, only dispatched from txs and proposals. */
  default List<MsgRoute<?>> msgRoutes() {
    return List.of();
  }

  /** {@code ValidateBasic} of its Msgs (run before the ante handler and at proposal submit). */
  default void validateBasic(Message msg) {}

  /** Its Query services, each call reading a fresh context over the latest committed state. */
  default List<BindableService> queryServices(Supplier<BlockContext> queryContext) {
    return List.of();
  }

  /** Message types protobuf JSON must know (e.g. client and consensus states inside Anys). */
  default List<Descriptor> jsonTypes() {
    return List.of();
  }

  /**
   * Its default genesis sections by {@code app_state} key (usually one, named after the module;
   * governance owns {@code bank}, {@code gov} and {@code electorate}).
   */
  default Map<String, JsonNode> defaultGenesis() {
    return Map.of();
  }

  /**
   * Loads its genesis from {@code appState} (the whole {@code app_state} object; a missing section
   * means the module's default).
   */
  default void initGenesis(BlockContext ctx, ObjectNode appState) {}

  /** {@code BeginBlock}: before the block's transactions. */
  default void beginBlock(BlockContext ctx) {}

  /** {@code EndBlock}: after the block's transactions. */
  default void endBlock(BlockContext ctx) {}

  /**
   * Called once the latest state is loaded (or genesis ran), before the node serves: e.g. 08-wasm's
   * {@code InitializePinnedCodes}.
   */
  default void start(BlockContext ctx) {}

  default void close() {}
}
