package io.wasm08.client;

import ibc.core.client.v1.Client;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.gostd.GoStrings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The 02-client params: the client types that may be created and used. {@code ["*"]} (the default)
 * allows every routed type; {@code "*"} must then be the only entry.
 */
public record ClientParams(List<String> allowedClients) {
  /** {@code AllowAllClients}. */
  public static final String ALLOW_ALL_CLIENTS = "*";

  /** {@code MaxAllowedClientsLength}. */
  public static final int MAX_ALLOWED_CLIENTS_LENGTH = 200;

  /** {@code DefaultParams()}: {@code ["*"]}. */
  public static final ClientParams DEFAULT = new ClientParams(List.of(ALLOW_ALL_CLIENTS));

  public ClientParams {
    allowedClients = List.copyOf(allowedClients);
  }

  public static ClientParams of(String... allowedClients) {
    return new ClientParams(List.of(allowedClients));
  }

  public static ClientParams fromProto(Client.Params proto) {
    return new ClientParams(proto.getAllowedClientsList());
  }

  public Client.Params toProto() {
    return Client.Params.newBuilder().addAllAllowedClients(allowedClients).build();
  }

  /**
   * {@code Params.Validate}: at most 200 entries, {@code "*"} alone if present, no blank or
   * duplicate entries. The errors are plain Go errors with ibc-go's texts.
   */
  public void validate() {
    if (allowedClients.size() > MAX_ALLOWED_CLIENTS_LENGTH) {
      throw IbcException.plainf(
          "allowed clients length must not exceed %d items", MAX_ALLOWED_CLIENTS_LENGTH);
    }
    if (allowedClients.contains(ALLOW_ALL_CLIENTS) && allowedClients.size() > 1) {
      throw IbcException.plainf(
          "allow list must have only one element because the allow all clients wildcard (%s) is"
              + " present",
          ALLOW_ALL_CLIENTS);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < allowedClients.size(); i++) {
      String clientType = allowedClients.get(i);
      if (GoStrings.isBlank(clientType)) {
        throw IbcException.plainf("client type %d cannot be blank", i);
      }
      if (!seen.add(clientType)) {
        throw IbcException.plainf("duplicate client type: %s", clientType);
      }
    }
  }

  /** {@code IsAllowedClient}: never for a blank type; always under the lone wildcard. */
  public boolean isAllowedClient(String clientType) {
    if (GoStrings.isBlank(clientType)) {
      return false;
    }
    if (allowedClients.size() == 1 && allowedClients.get(0).equals(ALLOW_ALL_CLIENTS)) {
      return true;
    }
    return allowedClients.contains(clientType);
  }
}
