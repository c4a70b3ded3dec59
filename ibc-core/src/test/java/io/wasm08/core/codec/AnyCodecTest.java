package io.wasm08.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import cosmos.crypto.secp256k1.Keys;
import ibc.core.client.v1.Client;
import io.wasm08.core.client.ClientInterfaces;
import io.wasm08.core.client.ClientState;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import org.junit.jupiter.api.Test;

/** The SDK InterfaceRegistry semantics (codec/types/interface_registry.go UnpackAny). */
class AnyCodecTest {
  /** A client state decoded from a Height message, standing in for a light client's type. */
  record TestClientState(long revision) implements ClientState {
    @Override
    public String clientType() {
      return "07-tendermint";
    }

    @Override
    public void validate() {}
  }

  private static final String TEST_URL = "/ibc.core.client.v1.Height";

  private static AnyCodec codec() {
    return AnyCodec.builder()
        .register(
            ClientInterfaces.CLIENT_STATE,
            TEST_URL,
            value -> new TestClientState(Client.Height.parseFrom(value).getRevisionNumber()))
        .describe(Client.Height.getDescriptor())
        .registerMessage(SdkInterfaces.PUB_KEY, Keys.PubKey.getDefaultInstance())
        .registerInterface(ClientInterfaces.CONSENSUS_STATE)
        .build();
  }

  @Test
  void packUsesCosmosTypeUrls() {
    Any any = AnyCodec.pack(Client.Height.newBuilder().setRevisionNumber(7).build());
    assertThat(any.getTypeUrl()).isEqualTo("/ibc.core.client.v1.Height");
    assertThat(AnyCodec.typeUrl(Keys.PubKey.getDescriptor()))
        .isEqualTo("/cosmos.crypto.secp256k1.PubKey");
  }

  @Test
  void unpacksRegisteredTypes() {
    AnyCodec codec = codec();
    Any any = AnyCodec.pack(Client.Height.newBuilder().setRevisionNumber(7).build());
    assertThat(codec.unpack(any, ClientInterfaces.CLIENT_STATE)).contains(new TestClientState(7));
    Keys.PubKey key = Keys.PubKey.newBuilder().setKey(ByteString.copyFromUtf8("k")).build();
    Message decoded = codec.unpack(AnyCodec.pack(key), SdkInterfaces.PUB_KEY).orElseThrow();
    assertThat(decoded).isEqualTo(key);
    assertThat(codec.descriptor(TEST_URL)).contains(Client.Height.getDescriptor());
    assertThat(codec.isRegistered(TEST_URL, ClientInterfaces.CLIENT_STATE)).isTrue();
    assertThat(codec.isRegistered(TEST_URL, SdkInterfaces.PUB_KEY)).isFalse();
    assertThat(codec.typeUrls(ClientInterfaces.CLIENT_STATE)).containsExactly(TEST_URL);
  }

  @Test
  void emptyTypeUrlUnpacksToNothing() {
    assertThat(codec().unpack(Any.getDefaultInstance(), ClientInterfaces.CLIENT_STATE)).isEmpty();
  }

  @Test
  void registryErrorsHaveSdkTexts() {
    AnyCodec codec = codec();
    // Registered, but not against this interface.
    Any key = AnyCodec.pack(Keys.PubKey.getDefaultInstance());
    assertThatThrownBy(() -> codec.unpack(key, ClientInterfaces.CLIENT_STATE))
        .isInstanceOf(IbcException.class)
        .hasMessage(
            "no concrete type registered for type URL /cosmos.crypto.secp256k1.PubKey against"
                + " interface exported.ClientState")
        .matches(e -> ((IbcException) e).is(SdkErrorCode.INTERNAL));
    assertThatThrownBy(
            () ->
                codec.unpack(
                    Any.newBuilder().setTypeUrl("/x.Y").build(), ClientInterfaces.CLIENT_MESSAGE))
        .hasMessage("no registered implementations of type exported.ClientMessage");
    assertThatThrownBy(
            () ->
                codec.unpack(
                    Any.newBuilder().setTypeUrl("/x.Y").build(), ClientInterfaces.CONSENSUS_STATE))
        .hasMessage(
            "no concrete type registered for type URL /x.Y against interface"
                + " exported.ConsensusState");
  }

  @Test
  void undecodableValueIsAPlainError() {
    Any broken =
        Any.newBuilder()
            .setTypeUrl(TEST_URL)
            .setValue(ByteString.copyFrom(new byte[] {0x08})) // varint field 1 without a value
            .build();
    assertThatThrownBy(() -> codec().unpack(broken, ClientInterfaces.CLIENT_STATE))
        .isInstanceOf(IbcException.class)
        .matches(e -> ((IbcException) e).isPlain());
  }

  @Test
  void registrationMistakesFailFast() {
    AnyCodec.Builder builder =
        AnyCodec.builder().registerMessage(SdkInterfaces.PUB_KEY, Keys.PubKey.getDefaultInstance());
    assertThatThrownBy(
            () -> builder.registerMessage(SdkInterfaces.PUB_KEY, Keys.PubKey.getDefaultInstance()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.register(ClientInterfaces.CLIENT_STATE, "no-slash", v -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
