package io.wasm08.core.host;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.core.errors.HostErrorCode;
import io.wasm08.core.errors.IbcException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mirrors ibc-go {@code 24-host/validate_test.go}; the expected messages follow {@code
 * defaultIdentifierValidator}'s texts for each failing check.
 */
class IdentifiersTest {
  private static final String LONG_ID =
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Duis eros neque, ultricies vel"
          + " ligula ac, convallis porttitor elit. Maecenas tincidunt turpis elit, vel faucibus nisl"
          + " pellentesque sodales";

  static Stream<Arguments> defaultIdentifierValidator() {
    return Stream.of(
        arguments("valid lowercase", "lowercaseid", null),
        arguments("valid id special chars", "._+-#[]<>._+-#[]<>", null),
        arguments("valid id lower and special chars", "lower._+-#[]<>", null),
        arguments("numeric id", "1234567890", null),
        arguments("uppercase id", "NOTLOWERCASE", null),
        arguments("blank id", "               ", "identifier cannot be blank: invalid identifier"),
        arguments(
            "id length out of range",
            "1",
            "identifier 1 has invalid length: 1, must be between 4-64 characters: invalid"
                + " identifier"),
        arguments(
            "id is too long",
            "this identifier is too long to be used as a valid identifier",
            // 60 bytes: within 4-64, so the character check fails for client ids
            "identifier this identifier is too long to be used as a valid identifier must"
                + " contain only alphanumeric or the following characters: '.', '_', '+', '-',"
                + " '#', '[', ']', '<', '>': invalid identifier"),
        arguments(
            "path-like id",
            "lower/case/id",
            "identifier lower/case/id cannot contain separator '/': invalid identifier"),
        arguments(
            "invalid id",
            "(clientid)",
            "identifier (clientid) must contain only alphanumeric or the following characters:"
                + " '.', '_', '+', '-', '#', '[', ']', '<', '>': invalid identifier"),
        arguments("empty string", "", "identifier cannot be blank: invalid identifier"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void defaultIdentifierValidator(String name, String id, String clientMessage) {
    Consumer<String>[] validators = validators();
    if (clientMessage == null) {
      for (Consumer<String> v : validators) {
        assertThatCode(() -> v.accept(id)).doesNotThrowAnyException();
      }
      return;
    }
    assertThatThrownBy(() -> Identifiers.validateClientIdentifier(id)).hasMessage(clientMessage);
    for (Consumer<String> v : validators) {
      assertThatThrownBy(() -> v.accept(id))
          .isInstanceOf(IbcException.class)
          .matches(e -> ((IbcException) e).is(HostErrorCode.INVALID_ID));
    }
  }

  @SuppressWarnings("unchecked")
  private static Consumer<String>[] validators() {
    return new Consumer[] {
      (Consumer<String>) Identifiers::validateClientIdentifier,
      (Consumer<String>) Identifiers::validateConnectionIdentifier,
      (Consumer<String>) Identifiers::validateChannelIdentifier,
      (Consumer<String>) Identifiers::validatePortIdentifier
    };
  }

  static Stream<Arguments> portIdentifierValidator() {
    return Stream.of(
        arguments("valid lowercase", "transfer", true),
        arguments("valid id special chars", "._+-#[]<>._+-#[]<>", true),
        arguments("numeric id", "1234567890", true),
        arguments("uppercase id", "NOTLOWERCASE", true),
        arguments("blank id", "               ", false),
        arguments("id length out of range", "1", false),
        arguments("id is too long", LONG_ID, false),
        arguments("path-like id", "lower/case/id", false),
        arguments("invalid id", "(clientid)", false),
        arguments("empty string", "", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void portIdentifierValidator(String name, String id, boolean valid) {
    if (valid) {
      assertThatCode(() -> Identifiers.validatePortIdentifier(id)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> Identifiers.validatePortIdentifier(id))
          .isInstanceOf(IbcException.class);
    }
  }

  @org.junit.jupiter.api.Test
  void lengthIsCountedInUtf8Bytes() {
    // "ééé" is 3 characters but 6 bytes: long enough for a client id, then rejected by charset.
    assertThatThrownBy(() -> Identifiers.validateClientIdentifier("ééé"))
        .hasMessageContaining("must contain only alphanumeric");
    assertThatThrownBy(() -> Identifiers.validateClientIdentifier("éé"))
        .hasMessageContaining("must contain only alphanumeric");
    assertThatThrownBy(() -> Identifiers.validateClientIdentifier("é"))
        .hasMessageContaining("has invalid length: 2");
    // NBSP is whitespace to Go's TrimSpace.
    assertThatThrownBy(() -> Identifiers.validateClientIdentifier("\u00A0\u00A0\u00A0\u00A0"))
        .hasMessage("identifier cannot be blank: invalid identifier");
  }

  static Stream<Arguments> pathValidator() {
    return Stream.of(
        arguments("valid lowercase", "p/lowercaseid", null),
        arguments("numeric path", "p/239123", null),
        arguments("valid id special chars", "p/._+-#[]<>._+-#[]<>", null),
        arguments("valid id lower and special chars", "lower/._+-#[]<>", null),
        arguments("id length out of range", "p/l", null),
        arguments("uppercase id", "p/NOTLOWERCASE", null),
        arguments(
            "invalid path",
            "lowercaseid",
            "path lowercaseid doesn't contain any separator '/': invalid path"),
        arguments(
            "blank id",
            "p/               ",
            "path p/                contains an invalid identifier: '               ': identifier"
                + " cannot be blank: invalid identifier"),
        arguments(
            "id length out of range",
            "p/12345678901234567890123456789012345678901234567890123456789012345",
            "path p/12345678901234567890123456789012345678901234567890123456789012345 contains an"
                + " invalid identifier: '12345678901234567890123456789012345678901234567890123456789012345':"
                + " identifier 12345678901234567890123456789012345678901234567890123456789012345 has"
                + " invalid length: 65, must be between 1-64 characters: invalid identifier"),
        arguments(
            "invalid id",
            "p/(clientid)",
            "path p/(clientid) contains an invalid identifier: '(clientid)': identifier"
                + " (clientid) must contain only alphanumeric or the following characters: '.',"
                + " '_', '+', '-', '#', '[', ']', '<', '>': invalid identifier"),
        arguments("empty string", "", "path  doesn't contain any separator '/': invalid path"),
        arguments(
            "separators only", "////", "path //// cannot begin or end with '/': invalid path"),
        arguments("just separator", "/", "path / cannot begin or end with '/': invalid path"),
        arguments(
            "begins with separator", "/id", "path /id cannot begin or end with '/': invalid path"),
        arguments("blank before separator", "    /id", "*"),
        arguments(
            "ends with separator", "id/", "path id/ cannot begin or end with '/': invalid path"),
        arguments("blank after separator", "id/       ", "*"),
        arguments("blanks with separator", "  /  ", "*"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void pathValidator(String name, String path, String message) {
    if (message == null) {
      assertThatCode(() -> Identifiers.validatePath(path, id -> {})).doesNotThrowAnyException();
    } else if (message.equals("*")) {
      assertThatThrownBy(() -> Identifiers.validatePath(path, id -> {}))
          .isInstanceOf(IbcException.class);
    } else {
      assertThatThrownBy(() -> Identifiers.validatePath(path, id -> {})).hasMessage(message);
    }
  }

  static Stream<Arguments> customPathValidator() {
    return Stream.of(
        arguments("valid custom path", "id_client/id_one", true),
        arguments("invalid path", "client", false),
        arguments("invalid custom path", "id_one/client", false),
        arguments(
            "invalid identifier",
            "id_client/id_1234567890123456789012345678901234567890123457890123456789012345",
            false),
        arguments("separators only", "////", false),
        arguments("just separator", "/", false),
        arguments("ends with separator", "id_client/id_one/", false),
        arguments("begins with separator", "/id_client/id_one", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void customPathValidator(String name, String path, boolean valid) {
    Consumer<String> mustStartWithId =
        id -> {
          if (!id.startsWith("id_")) {
            throw IbcException.plainf("identifier %s must start with 'id_", id);
          }
        };
    if (valid) {
      assertThatCode(() -> Identifiers.validatePath(path, mustStartWithId))
          .doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> Identifiers.validatePath(path, mustStartWithId))
          .isInstanceOf(IbcException.class);
    }
  }
}
