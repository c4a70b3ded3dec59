package io.wasm08.core.client;

/** Client type names from ibc-go's {@code exported} package. */
public final class ClientTypes {
  private ClientTypes() {}

  public static final String SOLOMACHINE = "06-solomachine";
  public static final String TENDERMINT = "07-tendermint";
  public static final String WASM = "08-wasm";
  public static final String LOCALHOST = "09-localhost";

  /** The sentinel client id of the localhost client: its type name. */
  public static final String LOCALHOST_CLIENT_ID = LOCALHOST;

  public static final String ATTESTATIONS = "attestations";
}
