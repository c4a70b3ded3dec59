package io.wasm08.wasm.vm.archfixture;

/** Deliberately wrong: the VM reaching into IBC client code. */
public final class VmDependingOnIbc {
  private VmDependingOnIbc() {}

  public static Object up() {
    return io.wasm08.client.archfixture.ClientType.class;
  }
}
