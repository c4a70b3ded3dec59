package io.wasm08.core.host;

import io.wasm08.core.errors.HostErrorCode;
import io.wasm08.core.gostd.GoStrings;
import java.util.regex.Pattern;

/**
 * ICS-24 identifier validation as ibc-go's {@code 24-host/validate.go}: non-blank, no {@code '/'},
 * length in UTF-8 bytes within the bounds, and only {@code [a-zA-Z0-9._+\-#\[\]<>]}. Failures are
 * {@code host.ErrInvalidID} with ibc-go's texts.
 */
public final class Identifiers {
  private Identifiers() {}

  /** {@code DefaultMaxCharacterLength}. */
  public static final int DEFAULT_MAX_CHARACTER_LENGTH = 64;

  /** {@code DefaultMaxPortCharacterLength}. */
  public static final int DEFAULT_MAX_PORT_CHARACTER_LENGTH = 128;

  private static final Pattern VALID_ID = Pattern.compile("[a-zA-Z0-9._+\\-#\\[\\]<>]+");

  /** {@code IsValidID}. */
  public static boolean isValidId(String id) {
    return VALID_ID.matcher(id).matches();
  }

  /** {@code ClientIdentifierValidator}: 4–64 characters. */
  public static void validateClientIdentifier(String id) {
    validate(id, 4, DEFAULT_MAX_CHARACTER_LENGTH);
  }

  /** {@code ConnectionIdentifierValidator}: 10–64 characters. */
  public static void validateConnectionIdentifier(String id) {
    validate(id, 10, DEFAULT_MAX_CHARACTER_LENGTH);
  }

  /** {@code ChannelIdentifierValidator}: 8–64 characters. */
  public static void validateChannelIdentifier(String id) {
    validate(id, 8, DEFAULT_MAX_CHARACTER_LENGTH);
  }

  /** {@code PortIdentifierValidator}: 2–128 characters. */
  public static void validatePortIdentifier(String id) {
    validate(id, 2, DEFAULT_MAX_PORT_CHARACTER_LENGTH);
  }

  /** {@code defaultIdentifierValidator(id, min, max)}. */
  public static void validate(String id, int minLength, int maxLength) {
    if (GoStrings.isBlank(id)) {
      throw HostErrorCode.INVALID_ID.wrap("identifier cannot be blank");
    }
    if (id.contains("/")) {
      throw HostErrorCode.INVALID_ID.wrapf("identifier %s cannot contain separator '/'", id);
    }
    int length = GoStrings.len(id);
    if (length < minLength || length > maxLength) {
      throw HostErrorCode.INVALID_ID.wrapf(
          "identifier %s has invalid length: %d, must be between %d-%d characters",
          id, length, minLength, maxLength);
    }
    if (!isValidId(id)) {
      throw HostErrorCode.INVALID_ID.wrapf(
          "identifier %s must contain only alphanumeric or the following characters: '.', '_',"
              + " '+', '-', '#', '[', ']', '<', '>'",
          id);
    }
  }

  /**
   * {@code NewPathValidator(idValidator)}: a {@code '/'}-separated path whose every element passes
   * {@code idValidator} and is a 1–64 character identifier.
   */
  public static void validatePath(String path, java.util.function.Consumer<String> idValidator) {
    String[] elements = path.split("/", -1);
    if (elements.length == 1) {
      throw HostErrorCode.INVALID_PATH.wrapf("path %s doesn't contain any separator '/'", path);
    }
    for (String element : elements) {
      if (element.isEmpty()) {
        throw HostErrorCode.INVALID_PATH.wrapf("path %s cannot begin or end with '/'", path);
      }
      idValidator.accept(element);
      try {
        validate(element, 1, DEFAULT_MAX_CHARACTER_LENGTH);
      } catch (io.wasm08.core.errors.IbcException e) {
        throw e.wrapf("path %s contains an invalid identifier: '%s'", path, element);
      }
    }
  }
}
