package io.wasm08.wasm.api;

import io.wasm08.common.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which {@link ContractDialect} to speak with a stored code: a configured override for its
 * checksum, else what its binary reveals (light-clients-and-rpc.md §1): the strings serde leaves in
 * the data section — {@code merkle_path} ⇒ G5; {@code code_hash} with {@code
 * check_substitute_and_update_state} ⇒ G1; {@code checksum} with {@code migrate_client_store} ⇒ G3
 * (G4 has the same strings; select it by override); anything else ⇒ G5. G1-early (membership as a
 * query) is only selectable by override. Detection results are cached per checksum.
 */
public final class ContractDialects {
  private final Map<Bytes, ContractDialect> overrides;
  private final Map<Bytes, ContractDialect> detected = new ConcurrentHashMap<>();

  /** {@code overrides}: checksum → dialect, taking precedence over detection. */
  public ContractDialects(Map<Bytes, ContractDialect> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  public static ContractDialects detecting() {
    return new ContractDialects(Map.of());
  }

  /**
   * The dialect for {@code checksum}; {@code code} loads the uncompressed code when it has to be
   * inspected (once per checksum).
   */
  public ContractDialect dialect(Bytes checksum, Function<Bytes, Bytes> code) {
    Objects.requireNonNull(checksum, "checksum");
    ContractDialect override = overrides.get(checksum);
    if (override != null) {
      return override;
    }
    return detected.computeIfAbsent(checksum, c -> detect(code.apply(c)));
  }

  /** Records the dialect of code just stored (so no later load is needed). */
  public void remember(Bytes checksum, Bytes code) {
    if (!overrides.containsKey(checksum)) {
      detected.computeIfAbsent(checksum, c -> detect(code));
    }
  }

  public Optional<ContractDialect> override(Bytes checksum) {
    return Optional.ofNullable(overrides.get(checksum));
  }

  /** The dialect a binary's data section reveals. */
  public static ContractDialect detect(Bytes wasm) {
    byte[] data = dataSections(wasm.toByteArray());
    if (contains(data, "merkle_path")) {
      return ContractDialect.G5;
    }
    if (contains(data, "code_hash") && contains(data, "check_substitute_and_update_state")) {
      return ContractDialect.G1;
    }
    if (contains(data, "checksum") && contains(data, "migrate_client_store")) {
      return ContractDialect.G3;
    }
    return ContractDialect.G5;
  }

  /** The concatenated payloads of the module's data sections (id 11); empty on malformed input. */
  static byte[] dataSections(byte[] wasm) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int i = 8;
    while (i < wasm.length) {
      int id = wasm[i++] & 0xFF;
      long size = 0;
      int shift = 0;
      while (true) {
        if (i >= wasm.length || shift > 28) {
          return out.toByteArray();
        }
        int b = wasm[i++] & 0xFF;
        size |= (long) (b & 0x7F) << shift;
        shift += 7;
        if (b < 0x80) {
          break;
        }
      }
      if (size > wasm.length - i) {
        return out.toByteArray();
      }
      if (id == 11) {
        out.write(wasm, i, (int) size);
      }
      i += (int) size;
    }
    return out.toByteArray();
  }

  private static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
