package io.wasm08.core.tx;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import cosmos.msg.v1.Msg;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.core.errors.IbcException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signer extraction from the {@code cosmos.msg.v1.signer} option, as the SDK's {@code x/tx} signing
 * context does it: each named field is a string (or repeated string) holding a bech32 address, or a
 * message (or repeated message) whose own option names exactly one string field. Addresses are
 * decoded with the chain's {@link AddressCodec}; error texts are x/tx's.
 */
public final class MsgSigners {
  private final AddressCodec addressCodec;
  private final ConcurrentHashMap<String, List<String>> fieldsByType = new ConcurrentHashMap<>();

  public MsgSigners(AddressCodec addressCodec) {
    this.addressCodec = java.util.Objects.requireNonNull(addressCodec, "addressCodec");
  }

  /** The field names the option lists, or the x/tx error when it is absent. */
  public static List<String> signerFieldNames(Descriptor descriptor) {
    List<String> fields = descriptor.getOptions().getExtension(Msg.signer);
    if (fields.isEmpty()) {
      throw IbcException.plainf(
          "no cosmos.msg.v1.signer option found for message %s; use DefineCustomGetSigners to"
              + " specify a custom getter",
          descriptor.getFullName());
    }
    return fields;
  }

  /** {@code GetSigners(msg)}: the signer addresses of one message, in option and field order. */
  public List<Bytes> signers(Message msg) {
    List<String> strings = signerStrings(msg);
    List<Bytes> out = new ArrayList<>(strings.size());
    for (String s : strings) {
      out.add(addressCodec.stringToBytes(s));
    }
    return out;
  }

  /** The signer address strings of one message, before decoding. */
  public List<String> signerStrings(Message msg) {
    Descriptor descriptor = msg.getDescriptorForType();
    List<String> names =
        fieldsByType.computeIfAbsent(descriptor.getFullName(), k -> checked(descriptor));
    List<String> out = new ArrayList<>();
    for (String name : names) {
      FieldDescriptor field = descriptor.findFieldByName(name);
      if (field.getJavaType() == FieldDescriptor.JavaType.STRING) {
        addStrings(msg, field, out);
      } else {
        FieldDescriptor nested =
            field.getMessageType().findFieldByName(signerFieldNames(field.getMessageType()).get(0));
        if (field.isRepeated()) {
          for (int i = 0; i < msg.getRepeatedFieldCount(field); i++) {
            addStrings((Message) msg.getRepeatedField(field, i), nested, out);
          }
        } else {
          addStrings((Message) msg.getField(field), nested, out);
        }
      }
    }
    return out;
  }

  /**
   * The signers of a transaction's messages: every message's signers, de-duplicated by address, in
   * order of first occurrence. {@code signer_infos} and signatures pair with this list.
   */
  public List<Bytes> txSigners(List<? extends Message> msgs) {
    Set<Bytes> seen = new LinkedHashSet<>();
    for (Message msg : msgs) {
      seen.addAll(signers(msg));
    }
    return List.copyOf(seen);
  }

  private static void addStrings(Message msg, FieldDescriptor field, List<String> out) {
    if (field.isRepeated()) {
      for (int i = 0; i < msg.getRepeatedFieldCount(field); i++) {
        out.add((String) msg.getRepeatedField(field, i));
      }
    } else {
      out.add((String) msg.getField(field));
    }
  }

  /** Validates the option against the descriptor once per type, with x/tx's error texts. */
  private static List<String> checked(Descriptor descriptor) {
    List<String> names = signerFieldNames(descriptor);
    for (String name : names) {
      FieldDescriptor field = descriptor.findFieldByName(name);
      if (field == null) {
        throw IbcException.plainf(
            "field %s not found in message %s", name, descriptor.getFullName());
      }
      if (field.isMapField() || field.toProto().getProto3Optional()) {
        throw IbcException.plainf(
            "cosmos.msg.v1.signer field %s in message %s must not be a map or optional",
            name, descriptor.getFullName());
      }
      switch (field.getJavaType()) {
        case STRING -> {}
        case MESSAGE -> {
          Descriptor nested = field.getMessageType();
          List<String> nestedNames = signerFieldNames(nested);
          if (nestedNames.size() != 1) {
            throw IbcException.plainf(
                "nested cosmos.msg.v1.signer option in message %s must contain only one value",
                nested.getFullName());
          }
          FieldDescriptor nestedField = nested.findFieldByName(nestedNames.get(0));
          if (nestedField == null) {
            throw IbcException.plainf(
                "field %s not found in message %s", nestedNames.get(0), nested.getFullName());
          }
          if (nestedField.getJavaType() != FieldDescriptor.JavaType.STRING
              || nestedField.isMapField()
              || nestedField.toProto().getProto3Optional()) {
            throw IbcException.plainf(
                "nested signer field %s in message %s must be a simple string",
                nestedNames.get(0), nested.getFullName());
          }
        }
        default ->
            throw IbcException.plainf(
                "unexpected field type %s for field %s in message %s",
                field.getType().name().toLowerCase(java.util.Locale.ROOT),
                name,
                descriptor.getFullName());
      }
    }
    return List.copyOf(names);
  }
}
