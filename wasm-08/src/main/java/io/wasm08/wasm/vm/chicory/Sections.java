package io.wasm08.wasm.vm.chicory;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * cosmwasm-vm's section encoding ({@code sections.rs}): {@code s1 ‖ len1 ‖ s2 ‖ len2 ‖ …} with each
 * length a big-endian {@code u32} suffix, so decoding walks from the end.
 */
final class Sections {
  private Sections() {}

  static byte[] encode(List<byte[]> sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] section : sections) {
      out.writeBytes(section);
      int n = section.length;
      out.write(n >>> 24);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
    }
    return out.toByteArray();
  }

  static List<byte[]> decode(byte[] data) {
    List<byte[]> result = new ArrayList<>();
    long remaining = data.length;
    while (remaining >= 4) {
      int i = (int) remaining;
      long tailLength =
          ((data[i - 4] & 0xFFL) << 24)
              | ((data[i - 3] & 0xFFL) << 16)
              | ((data[i - 2] & 0xFFL) << 8)
              | (data[i - 1] & 0xFFL);
      long tailLengthIndex = remaining - 4;
      long sectionStart = tailLengthIndex - tailLength;
      if (sectionStart < 0) {
        throw VmErrors.invalidSection("section length overflow");
      }
      byte[] section = new byte[(int) tailLength];
      System.arraycopy(data, (int) sectionStart, section, 0, section.length);
      result.add(section);
      remaining = sectionStart;
    }
    if (remaining > 0) {
      throw VmErrors.invalidSection("extra data outside of any section");
    }
    Collections.reverse(result);
    return result;
  }
}
