package io.wasm08.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.HostErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors ibc-go {@code 02-client/types/keys_test.go} and {@code client_test.go}. */
class ClientIdentifiersTest {
  private static final long MAX_UINT64 = -1L;

  static Stream<Arguments> parseClientIdentifier() {
    String emoji = "🚨" + "😎".repeat(300) + "-100";
    return Stream.of(
        arguments("valid 0", "tendermint-0", "tendermint", 0L, null),
        arguments("valid 1", "tendermint-1", "tendermint", 1L, null),
        arguments("valid solemachine", "solomachine-v1-1", "solomachine-v1", 1L, null),
        arguments(
            "valid large sequence",
            ClientIdentifiers.format("tendermint", MAX_UINT64),
            "tendermint",
            MAX_UINT64,
            null),
        arguments("valid short client type", "t-0", "t", 0L, null),
        arguments(
            "invalid uint64",
            "tendermint-18446744073709551616",
            null,
            0L,
            "failed to parse client identifier sequence"),
        arguments("invalid large sequence", "tendermint-2345682193567182931243", null, 0L, "host"),
        arguments("invalid newline in clientID", "tendermin\nt-1", null, 0L, "host"),
        arguments("invalid newline character before dash", "tendermint\n-1", null, 0L, "host"),
        arguments("missing dash", "tendermint0", null, 0L, "host"),
        arguments("blank id", "               ", null, 0L, "host"),
        arguments("empty id", "", null, 0L, "host"),
        arguments("negative sequence", "tendermint--1", null, 0L, "host"),
        arguments("invalid format", "tendermint-tm", null, 0L, "host"),
        arguments("empty clientype", " -100", null, 0L, "host"),
        arguments("with in the middle tabs", "a\t\t\t-100", null, 0L, "host"),
        arguments("leading tabs", "\t\t\ta-100", null, 0L, "host"),
        arguments("with whitespace", "                  a-100", null, 0L, "host"),
        arguments("leading hyphens", "-----a-100", null, 0L, "host"),
        arguments("with slash", "tendermint/-100", null, 0L, "host"),
        arguments("non-ASCII:: emoji", emoji, null, 0L, "host"),
        arguments("non-ASCII:: others", "世界-100", null, 0L, "host"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void parseClientIdentifier(
      String name, String clientId, String clientType, long sequence, String error) {
    if (error == null) {
      ClientIdentifiers.ParsedClientId parsed = ClientIdentifiers.parse(clientId);
      assertThat(parsed.clientType()).isEqualTo(clientType);
      assertThat(parsed.sequence()).isEqualTo(sequence);
      assertThat(ClientIdentifiers.isValidClientId(clientId)).isTrue();
    } else if (error.equals("host")) {
      assertThatThrownBy(() -> ClientIdentifiers.parse(clientId))
          .isInstanceOf(IbcException.class)
          .matches(e -> ((IbcException) e).is(HostErrorCode.INVALID_ID))
          .hasMessageEndingWith(": invalid identifier");
      assertThat(ClientIdentifiers.isValidClientId(clientId)).isFalse();
    } else {
      assertThatThrownBy(() -> ClientIdentifiers.parse(clientId)).hasMessageContaining(error);
      assertThat(ClientIdentifiers.isValidClientId(clientId)).isFalse();
    }
  }

  @Test
  void parseErrorTexts() {
    // The texts ibc-go's keeper tests assert (client_test.go TestUpdateClientTendermint,
    // TestUpgradeClient).
    assertThatThrownBy(() -> ClientIdentifiers.parse("IDisInvalid"))
        .hasMessage(
            "invalid client identifier IDisInvalid is not in format: `{client-type}-{N}`: invalid"
                + " identifier");
    // An unregistered strconv error wrapped: code undefined/1, Go's text.
    assertThatThrownBy(() -> ClientIdentifiers.parse("tendermint-18446744073709551616"))
        .hasMessage(
            "failed to parse client identifier sequence: strconv.ParseUint: parsing"
                + " \"18446744073709551616\": value out of range")
        .matches(e -> ((IbcException) e).is(SdkErrorCode.INTERNAL));
    assertThat(ClientIdentifiers.parse("09-localhost"))
        .isEqualTo(new ClientIdentifiers.ParsedClientId("09-localhost", 0));
  }

  static Stream<Arguments> validateClientType() {
    return Stream.of(
        arguments("valid", "tendermint", null),
        arguments("valid solomachine", "solomachine-v1", null),
        arguments(
            "too large",
            "tenderminttenderminttenderminttenderminttendermintt",
            "client type results in largest client identifier being invalid"),
        arguments(
            "too short", "t", "client type results in smallest client identifier being invalid"),
        arguments("blank id", "               ", "client type cannot be blank"),
        arguments("empty id", "", "client type cannot be blank"),
        arguments("ends with dash", "tendermint-", "invalid client type"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void validateClientType(String name, String clientType, String error) {
    if (error == null) {
      assertThatCode(() -> ClientIdentifiers.validateClientType(clientType))
          .doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> ClientIdentifiers.validateClientType(clientType))
          .hasMessageContaining(error);
    }
  }

  @Test
  void validateClientTypeExactTexts() {
    // errorsmod.Wrap(ErrInvalidClientType, "") renders with the empty detail kept.
    assertThatThrownBy(() -> ClientIdentifiers.validateClientType("tendermint-"))
        .hasMessage(": invalid client type")
        .matches(e -> ((IbcException) e).is(ClientErrorCode.INVALID_CLIENT_TYPE));
    assertThatThrownBy(() -> ClientIdentifiers.validateClientType("t"))
        .hasMessage(
            "client type results in smallest client identifier being invalid: identifier t-0 has"
                + " invalid length: 3, must be between 4-64 characters: invalid identifier");
  }

  @Test
  void format() {
    assertThat(ClientIdentifiers.format("08-wasm", 0)).isEqualTo("08-wasm-0");
    assertThat(ClientIdentifiers.format("07-tendermint", MAX_UINT64))
        .isEqualTo("07-tendermint-18446744073709551615");
  }
}
