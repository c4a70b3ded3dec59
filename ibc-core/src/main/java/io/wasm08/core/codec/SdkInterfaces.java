package io.wasm08.core.codec;

import com.google.protobuf.Message;

/** Interfaces the Cosmos SDK registers for {@code Any} values carried by transactions. */
public final class SdkInterfaces {
  private SdkInterfaces() {}

  /** {@code sdk.Msg}: every transaction (and proposal) message, decoded as its protobuf type. */
  public static final AnyInterface<Message> MSG =
      AnyInterface.of("cosmos.base.v1beta1.Msg", Message.class, "types.Msg");

  /** {@code cryptotypes.PubKey}: account public keys in SignerInfo and accounts. */
  public static final AnyInterface<Message> PUB_KEY =
      AnyInterface.of("cosmos.crypto.PubKey", Message.class, "types.PubKey");
}
