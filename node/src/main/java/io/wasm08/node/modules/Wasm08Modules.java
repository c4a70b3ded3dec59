package io.wasm08.node.modules;

import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.node.app.NodeModule;
import io.wasm08.node.auth.AuthKeeper;
import io.wasm08.node.chain.NodeFactory;
import java.util.List;

/**
 * The modules of the {@code wasm08} node, besides auth: ICS-02 with the gov module account as the
 * authority of its gated Msgs.
 */
public final class Wasm08Modules implements NodeFactory.Modules {
  /** The gov module account, {@code sha256("gov")[:20]}: the authority of gated Msgs. */
  public static String govAuthority(AddressCodec codec) {
    return AccAddress.module("gov").toBech32(codec.bech32Prefix());
  }

  /**
   * Applies {@code wasm08 init}'s options to a module's default genesis section (balances and
   * electorate go to the bank and gov sections once those modules are part of the node).
   */
  public static void customizeGenesis(
      NodeModule module,
      com.fasterxml.jackson.databind.node.ObjectNode appState,
      GenesisOptions options) {}

  @Override
  public List<NodeModule> create(AddressCodec codec, AuthKeeper auth) {
    return List.of(new IbcClientModule(govAuthority(codec)));
  }
}
