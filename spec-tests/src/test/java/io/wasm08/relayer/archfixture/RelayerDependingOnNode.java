package io.wasm08.relayer.archfixture;

/** Deliberately wrong: the relayer depending on the node. */
public final class RelayerDependingOnNode {
  private RelayerDependingOnNode() {}

  public static Object up() {
    return io.wasm08.node.cli.Wasm08Cli.class;
  }
}
