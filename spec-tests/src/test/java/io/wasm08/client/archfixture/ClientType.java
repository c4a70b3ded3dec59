package io.wasm08.client.archfixture;

/** A stand-in IBC class for the VM rule's wrong fixture. */
public final class ClientType {
  private ClientType() {}
}
