package io.wasm08.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import cosmos.msg.v1.Msg;
import cosmos.tx.v1beta1.TxOuterClass.TxBody;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.core.errors.IbcException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signer extraction from the {@code cosmos.msg.v1.signer} option, on messages whose descriptors are
 * built here (including the bank MsgSend of the golden vectors, so the extracted signer is checked
 * against the vector's account).
 */
class MsgSignersTest {
  private static final AddressCodec COSMOS = new AddressCodec("cosmos");
  private static final MsgSigners SIGNERS = new MsgSigners(COSMOS);
  private static final String GOV = AccAddress.module("gov").toBech32("cosmos");
  private static final String OTHER =
      AccAddress.of(Bytes.fromHex("0102030405060708090a0b0c0d0e0f1011121314")).toBech32("cosmos");

  private static FileDescriptor file;

  @BeforeAll
  static void buildDescriptors() throws Exception {
    FileDescriptorProto proto =
        FileDescriptorProto.newBuilder()
            .setName("test/signers.proto")
            .setPackage("test.signers")
            .setSyntax("proto3")
            // cosmos.bank.v1beta1.MsgSend's layout: from_address, to_address, (amount omitted)
            .addMessageType(
                message("MsgSend", "from_address")
                    .addField(field("from_address", 1, Type.TYPE_STRING, false))
                    .addField(field("to_address", 2, Type.TYPE_STRING, false)))
            .addMessageType(
                message("MultiSigners", "authority", "members")
                    .addField(field("authority", 1, Type.TYPE_STRING, false))
                    .addField(field("members", 2, Type.TYPE_STRING, true)))
            .addMessageType(
                message("Inner", "author").addField(field("author", 1, Type.TYPE_STRING, false)))
            .addMessageType(
                message("Outer", "inner", "inners")
                    .addField(message("inner", 1, ".test.signers.Inner", false))
                    .addField(message("inners", 2, ".test.signers.Inner", true)))
            .addMessageType(
                DescriptorProto.newBuilder()
                    .setName("NoOption")
                    .addField(field("signer", 1, Type.TYPE_STRING, false)))
            .addMessageType(message("MissingField", "nobody"))
            .addMessageType(
                message("IntSigner", "count").addField(field("count", 1, Type.TYPE_UINT64, false)))
            .addMessageType(
                message("TwoNested", "a", "b")
                    .addField(field("a", 1, Type.TYPE_STRING, false))
                    .addField(field("b", 2, Type.TYPE_STRING, false)))
            .addMessageType(
                message("BadNested", "two")
                    .addField(message("two", 1, ".test.signers.TwoNested", false)))
            .build();
    file = FileDescriptor.buildFrom(proto, new FileDescriptor[] {});
  }

  private static DescriptorProto.Builder message(String name, String... signers) {
    MessageOptions.Builder options = MessageOptions.newBuilder();
    for (String s : signers) {
      options.addExtension(Msg.signer, s);
    }
    return DescriptorProto.newBuilder().setName(name).setOptions(options);
  }

  private static FieldDescriptorProto field(String name, int number, Type type, boolean repeated) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(repeated ? Label.LABEL_REPEATED : Label.LABEL_OPTIONAL)
        .build();
  }

  private static FieldDescriptorProto message(
      String name, int number, String typeName, boolean repeated) {
    return field(name, number, Type.TYPE_MESSAGE, repeated).toBuilder()
        .setTypeName(typeName)
        .build();
  }

  private static Descriptor type(String name) {
    return file.findMessageTypeByName(name);
  }

  private static DynamicMessage.Builder build(String type) {
    return DynamicMessage.newBuilder(type(type));
  }

  private static DynamicMessage.Builder set(DynamicMessage.Builder b, String field, Object value) {
    return b.setField(b.getDescriptorForType().findFieldByName(field), value);
  }

  private static DynamicMessage.Builder add(DynamicMessage.Builder b, String field, Object value) {
    return b.addRepeatedField(b.getDescriptorForType().findFieldByName(field), value);
  }

  @Test
  void vectorMsgSendSignerIsTheMnemonicAccount() throws Exception {
    JsonNode vectors = CosmosTxVectorsTest.vectors();
    JsonNode v = vectors.get("sign_direct").get(0);
    TxBody body = TxBody.parseFrom(Bytes.fromHex(v.get("body_bytes").asText()).toByteArray());
    assertThat(body.getMessages(0).getTypeUrl()).isEqualTo("/cosmos.bank.v1beta1.MsgSend");
    DynamicMessage send = DynamicMessage.parseFrom(type("MsgSend"), body.getMessages(0).getValue());
    assertThat(SIGNERS.signerStrings(send))
        .containsExactly(vectors.get("mnemonic_account").get("address_cosmos").asText());
    assertThat(COSMOS.bytesToString(SIGNERS.signers(send).get(0)))
        .isEqualTo(vectors.get("mnemonic_account").get("address_cosmos").asText());
  }

  @Test
  void stringAndRepeatedStringFieldsInOptionOrder() {
    DynamicMessage msg =
        add(add(set(build("MultiSigners"), "authority", GOV), "members", OTHER), "members", GOV)
            .build();
    assertThat(SIGNERS.signerStrings(msg)).containsExactly(GOV, OTHER, GOV);
    assertThat(SIGNERS.txSigners(List.of(msg)))
        .containsExactly(AccAddress.module("gov").bytes(), COSMOS.stringToBytes(OTHER));
  }

  @Test
  void nestedMessageSigners() {
    DynamicMessage inner1 = set(build("Inner"), "author", OTHER).build();
    DynamicMessage inner2 = set(build("Inner"), "author", GOV).build();
    DynamicMessage outer = add(set(build("Outer"), "inner", inner1), "inners", inner2).build();
    assertThat(SIGNERS.signerStrings(outer)).containsExactly(OTHER, GOV);
  }

  @Test
  void txSignersDeduplicateInFirstOccurrenceOrder() {
    DynamicMessage a = set(build("MsgSend"), "from_address", OTHER).build();
    DynamicMessage b = set(build("MsgSend"), "from_address", GOV).build();
    DynamicMessage c = set(build("MsgSend"), "from_address", OTHER).build();
    assertThat(SIGNERS.txSigners(List.of(a, b, c)))
        .containsExactly(COSMOS.stringToBytes(OTHER), COSMOS.stringToBytes(GOV));
  }

  @Test
  void xTxErrorTexts() {
    assertThatThrownBy(() -> SIGNERS.signers(build("NoOption").build()))
        .hasMessage(
            "no cosmos.msg.v1.signer option found for message test.signers.NoOption; use"
                + " DefineCustomGetSigners to specify a custom getter");
    assertThatThrownBy(() -> SIGNERS.signers(build("MissingField").build()))
        .hasMessage("field nobody not found in message test.signers.MissingField");
    assertThatThrownBy(() -> SIGNERS.signers(build("IntSigner").build()))
        .hasMessage(
            "unexpected field type uint64 for field count in message test.signers.IntSigner");
    assertThatThrownBy(() -> SIGNERS.signers(build("BadNested").build()))
        .hasMessage(
            "nested cosmos.msg.v1.signer option in message test.signers.TwoNested must contain"
                + " only one value");
    // The address codec's errors surface as is.
    assertThatThrownBy(() -> SIGNERS.signers(build("MsgSend").build()))
        .isInstanceOf(IbcException.class)
        .hasMessage("empty address string is not allowed");
    assertThatThrownBy(() -> SIGNERS.signers(set(build("MsgSend"), "from_address", "xxx").build()))
        .hasMessage("decoding bech32 failed: invalid bech32 string length 3");
  }

  @Test
  void signerFieldNamesOfGeneratedTypes() {
    assertThat(MsgSigners.signerFieldNames(type("Outer"))).containsExactly("inner", "inners");
  }
}
