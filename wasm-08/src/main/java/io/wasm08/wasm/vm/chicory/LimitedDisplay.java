package io.wasm08.wasm.vm.chicory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * cosmwasm-vm's {@code limited.rs}: a collection of strings rendered as {@code {"a", "b"}} (sets)
 * or {@code ["a", "b"]} (vectors), shortened to at most {@code maxLength} characters by replacing a
 * tail with {@code ", ... N more"} (or {@code "... N elements"} when nothing fits).
 */
final class LimitedDisplay {
  private LimitedDisplay() {}

  /** A sorted set (BTreeSet / HashSet) rendering; the caller passes the elements sorted. */
  static String set(Collection<String> sorted, int maxLength) {
    return limited(sorted, maxLength, "{", "}");
  }

  static String vec(Collection<String> elements, int maxLength) {
    return limited(elements, maxLength, "[", "]");
  }

  private static String limited(
      Collection<String> elements, int maxLength, String opening, String closing) {
    int count = elements.size();
    StringBuilder out = new StringBuilder(opening);
    List<Integer> lengths = new ArrayList<>();
    boolean first = true;
    // Lengths are in UTF-8 bytes, as Rust's String::len.
    int outLen = utf8Length(opening);
    for (String element : elements) {
      lengths.add(outLen);
      String piece = (first ? "\"" : ", \"") + element + "\"";
      first = false;
      out.append(piece);
      outLen += utf8Length(piece);
      if (outLen > maxLength) {
        break;
      }
    }
    if (outLen + utf8Length(closing) <= maxLength) {
      return out.append(closing).toString();
    }
    String rendered = out.toString();
    while (true) {
      if (lengths.isEmpty()) {
        throw new IllegalArgumentException("Cannot remove hide enough elements to fit in limit");
      }
      int previousLength = lengths.remove(lengths.size() - 1);
      int skipped = count - lengths.size();
      int remaining = count - skipped;
      String skippedText =
          remaining == 0 ? "... " + skipped + " elements" : ", ... " + skipped + " more";
      if (previousLength + skippedText.length() + closing.length() <= maxLength) {
        return truncateUtf8(rendered, previousLength) + skippedText + closing;
      }
    }
  }

  private static int utf8Length(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  private static String truncateUtf8(String s, int byteLength) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new String(b, 0, byteLength, java.nio.charset.StandardCharsets.UTF_8);
  }
}
