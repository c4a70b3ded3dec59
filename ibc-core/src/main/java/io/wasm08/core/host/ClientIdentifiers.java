package io.wasm08.core.host;

import io.wasm08.core.client.ClientTypes;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.HostErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.gostd.GoStrconv;
import io.wasm08.core.gostd.GoStrings;
import java.util.regex.Pattern;

/**
 * Client identifiers {@code {client-type}-{N}} as ibc-go's {@code 02-client/types/keys.go} and
 * {@code client.go} define them: formatting from the global sequence, parsing, and client-type
 * validation.
 */
public final class ClientIdentifiers {
  private ClientIdentifiers() {}

  // ^\w+([\w-]+\w)?-[0-9]{1,20}$ (ASCII \w, anchored at both ends of the text).
  private static final Pattern CLIENT_ID_FORMAT = Pattern.compile("\\w+([\\w-]+\\w)?-[0-9]{1,20}");

  /** A parsed client identifier: its type and sequence (unsigned). */
  public record ParsedClientId(String clientType, long sequence) {}

  /** {@code FormatClientIdentifier}: {@code "{clientType}-{sequence}"}. */
  public static String format(String clientType, long sequence) {
    return clientType + "-" + Long.toUnsignedString(sequence);
  }

  /** {@code IsClientIDFormat}. */
  public static boolean isClientIdFormat(String clientId) {
    return CLIENT_ID_FORMAT.matcher(clientId).matches();
  }

  /** {@code IsValidClientID}: parses without error. */
  public static boolean isValidClientId(String clientId) {
    try {
      parse(clientId);
      return true;
    } catch (IbcException e) {
      return false;
    }
  }

  /**
   * {@code ParseClientIdentifier}: the type and sequence of {@code clientId}. The localhost
   * sentinel id parses as ({@code "09-localhost"}, 0).
   */
  public static ParsedClientId parse(String clientId) {
    if (clientId.equals(ClientTypes.LOCALHOST_CLIENT_ID)) {
      return new ParsedClientId(clientId, 0);
    }
    if (!isClientIdFormat(clientId)) {
      throw HostErrorCode.INVALID_ID.wrapf(
          "invalid client identifier %s is not in format: `{client-type}-{N}`", clientId);
    }
    int lastDash = clientId.lastIndexOf('-');
    String clientType = clientId.substring(0, lastDash);
    if (GoStrings.isBlank(clientType)) {
      throw HostErrorCode.INVALID_ID.wrap(
          "client identifier must be in format: `{client-type}-{N}` and client type cannot be"
              + " blank");
    }
    long sequence;
    try {
      sequence = GoStrconv.parseUint(clientId.substring(lastDash + 1));
    } catch (IbcException e) {
      throw e.wrap("failed to parse client identifier sequence");
    }
    return new ParsedClientId(clientType, sequence);
  }

  /** {@code MustParseClientIdentifier}: the client type of an identifier known to be valid. */
  public static String clientType(String clientId) {
    return parse(clientId).clientType();
  }

  /**
   * {@code ValidateClientType}: non-blank, and both {@code {type}-0} and {@code {type}-(2^64-1)}
   * must be valid client identifiers.
   */
  public static void validateClientType(String clientType) {
    if (GoStrings.isBlank(clientType)) {
      throw ClientErrorCode.INVALID_CLIENT_TYPE.wrap("client type cannot be blank");
    }
    String smallest = format(clientType, 0);
    String largest = format(clientType, -1L);
    if (!isValidClientId(smallest)) {
      throw ClientErrorCode.INVALID_CLIENT_TYPE.wrap("");
    }
    try {
      Identifiers.validateClientIdentifier(smallest);
    } catch (IbcException e) {
      throw e.wrap("client type results in smallest client identifier being invalid");
    }
    try {
      Identifiers.validateClientIdentifier(largest);
    } catch (IbcException e) {
      throw e.wrap("client type results in largest client identifier being invalid");
    }
  }
}
