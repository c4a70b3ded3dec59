package io.wasm08.node.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

final class Rest {
  private Rest() {}

  static String decode(String component) {
    return URLDecoder.decode(component, StandardCharsets.UTF_8);
  }
}
