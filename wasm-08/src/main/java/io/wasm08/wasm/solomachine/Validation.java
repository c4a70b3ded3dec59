package io.wasm08.wasm.solomachine;

import io.wasm08.common.Bytes;
import io.wasm08.common.ErrorCode;
import java.util.Objects;

/** The field rules the contract enforces, checked before anything is signed or sent. */
final class Validation {
  static final int PUBLIC_KEY_LENGTH = 32;
  static final int SIGNATURE_LENGTH = 64;
  static final int MAX_DIVERSIFIER_LENGTH = 128;

  private Validation() {}

  static void length(Bytes value, int expected, String field, ErrorCode error) {
    Objects.requireNonNull(value, field);
    if (value.size() != expected) {
      throw error.wrap(field + " must be " + expected + " bytes, got " + value.size());
    }
  }

  static void nonZero(long value, String field, ErrorCode error) {
    if (value == 0) {
      throw error.wrap(field + " cannot be 0");
    }
  }

  /**
   * Printable ASCII (keeps the JSON canonical), at most 128 bytes, empty allowed but not only
   * spaces (06-solomachine's rule).
   */
  static void diversifier(String diversifier, String field, ErrorCode error) {
    Objects.requireNonNull(diversifier, field);
    if (!diversifier.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      throw error.wrap(field + " must be printable ASCII");
    }
    if (diversifier.length() > MAX_DIVERSIFIER_LENGTH) {
      throw error.wrap(field + " is longer than " + MAX_DIVERSIFIER_LENGTH + " bytes");
    }
    if (!diversifier.isEmpty() && diversifier.isBlank()) {
      throw error.wrap(field + " cannot contain only spaces");
    }
  }
}
