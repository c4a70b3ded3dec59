package io.wasm08.proofs;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/** Renders values the way Go's fmt verbs do, so error texts match cosmos/ics23 and ibc-go. */
final class GoFormat {
  private GoFormat() {}

  private static final HexFormat UPPER = HexFormat.of().withUpperCase();

  /** {@code %X} of a byte slice. */
  static String upperHex(byte[] bytes) {
    return UPPER.formatHex(bytes);
  }

  static String upperHex(ByteString bytes) {
    return upperHex(bytes.toByteArray());
  }

  /** {@code %v} of a byte slice: decimal bytes in brackets, e.g. {@code [1 32]}. */
  static String bytesV(ByteString bytes) {
    StringJoiner out = new StringJoiner(" ", "[", "]");
    for (int i = 0; i < bytes.size(); i++) {
      out.add(Integer.toString(bytes.byteAt(i) & 0xff));
    }
    return out.toString();
  }

  /** {@code %v} of an int slice, e.g. {@code [0 1]}. */
  static String intsV(List<Integer> values) {
    StringJoiner out = new StringJoiner(" ", "[", "]");
    for (Integer v : values) {
      out.add(v.toString());
    }
    return out.toString();
  }
}
