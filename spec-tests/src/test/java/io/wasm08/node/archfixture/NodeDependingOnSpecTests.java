package io.wasm08.node.archfixture;

import io.wasm08.spectests.suites.SharedLayout;

/**
 * Deliberately wrong: the node must never call into spec-tests (it finds suites by ServiceLoader).
 */
public final class NodeDependingOnSpecTests {
  private NodeDependingOnSpecTests() {}

  public static Object suites() {
    return SharedLayout.suites(java.nio.file.Path.of("shared"));
  }
}
