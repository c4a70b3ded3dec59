package io.wasm08.wasm.vm.chicory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-assembled modules for cases {@code wat2wasm} cannot express or that would be huge as text
 * (the upstream tests hex-encode such modules the same way).
 */
final class TestModules {
  private TestModules() {}

  static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] u32(long v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return out.toByteArray();
  }

  static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  static byte[] name(String s) {
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    return concat(u32(raw.length), raw);
  }

  static byte[] section(int id, byte[] content) {
    return concat(bytes(id), u32(content.length), content);
  }

  static byte[] vec(int count, byte[] items) {
    return concat(u32(count), items);
  }

  static byte[] repeat(byte[] item, int times) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < times; i++) {
      out.writeBytes(item);
    }
    return out.toByteArray();
  }

  static byte[] custom(String name, byte[] payload) {
    return section(0, concat(name(name), payload));
  }

  /**
   * A minimal valid contract (memory 1, interface_version_8, allocate, deallocate) plus {@code
   * extra} functions of type {@code extraType} (params, as i32s) with {@code extraLocals} i64
   * locals each; {@code extraSections} are appended at the end.
   */
  static byte[] contract(int extra, int extraParams, int extraLocals, byte[]... extraSections) {
    byte[] types =
        vec(
            4,
            concat(
                bytes(0x60, 0, 0), // 0: () -> ()
                bytes(0x60, 1, 0x7F, 1, 0x7F), // 1: (i32) -> i32
                bytes(0x60, 1, 0x7F, 0), // 2: (i32) -> ()
                concat(bytes(0x60), u32(extraParams), repeat(bytes(0x7F), extraParams), bytes(0))));
    byte[] funcs = vec(3 + extra, concat(bytes(0, 1, 2), repeat(bytes(3), extra)));
    byte[] memory = vec(1, bytes(0x00, 1));
    byte[] exports =
        vec(
            3,
            concat(
                name("interface_version_8"),
                bytes(0, 0),
                name("allocate"),
                bytes(0, 1),
                name("deallocate"),
                bytes(0, 2)));
    byte[] empty = concat(u32(2), bytes(0, 0x0B));
    byte[] alloc = concat(u32(4), bytes(0, 0x41, 0, 0x0B));
    byte[] extraLocalsDecl =
        extraLocals == 0 ? bytes(0) : concat(bytes(1), u32(extraLocals), bytes(0x7E));
    byte[] extraBody = concat(extraLocalsDecl, bytes(0x0B));
    byte[] code =
        vec(
            3 + extra,
            concat(empty, alloc, empty, repeat(concat(u32(extraBody.length), extraBody), extra)));
    return concat(
        HEADER,
        section(1, types),
        section(3, funcs),
        section(5, memory),
        section(7, exports),
        section(10, code),
        concat(extraSections));
  }
}
