package io.wasm08.node.app;

import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.crypto.AddressCodec;

/**
 * What the node hands every module once all types are registered: the chain id, the address codec,
 * the complete {@code Any} registry and the Msg router (governance dispatches proposal messages
 * through it).
 */
public record ModuleEnv(
    String chainId, AddressCodec addressCodec, AnyCodec anyCodec, MsgServiceRouter router) {}
