package io.wasm08.node.tx;

import com.google.protobuf.Any;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.wasm08.core.errors.IbcException;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SDK's {@code unknownproto.RejectUnknownFields} (ADR-020/027): walks encoded bytes against a
 * descriptor, recursing into nested messages and into {@code Any} values (resolved by type URL),
 * and rejects any field the descriptor does not declare — except, when allowed, "non-critical"
 * fields whose number has bit 11 set. Without this, fields appended to a signed body would change
 * its bytes without anyone's key seeing them as meaningful.
 */
final class UnknownFields {
  private static final int BIT11_NON_CRITICAL = 1 << 10;
  private static final String ANY = Any.getDescriptor().getFullName();

  private final Function<String, Optional<Descriptor>> resolver;

  /** {@code resolver} maps a type URL to its message descriptor. */
  UnknownFields(Function<String, Optional<Descriptor>> resolver) {
    this.resolver = resolver;
  }

  /** Returns whether non-critical unknown fields were seen; throws on a rejected field. */
  boolean reject(byte[] bz, Descriptor desc, boolean allowUnknownNonCriticals) {
    try {
      return walk(CodedInputStream.newInstance(bz), desc, allowUnknownNonCriticals, 0);
    } catch (IOException e) {
      throw IbcException.plain(e.getMessage());
    }
  }

  private boolean walk(CodedInputStream in, Descriptor desc, boolean allowNonCritical, int depth)
      throws IOException {
    if (depth > 100) {
      throw IbcException.plain("max protobuf recursion depth exceeded");
    }
    boolean nonCritical = false;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      int number = WireFormat.getTagFieldNumber(tag);
      int wireType = WireFormat.getTagWireType(tag);
      FieldDescriptor field = desc.findFieldByNumber(number);
      if (field == null) {
        boolean critical = (number & BIT11_NON_CRITICAL) == 0;
        if (!critical) {
          nonCritical = true;
        }
        if (critical || !allowNonCritical) {
          throw IbcException.plainf(
              "errUnknownField \"%s\": {TagNum: %d, WireType:\"%s\"}",
              desc.getFullName(), number, wireTypeName(wireType));
        }
        if (!in.skipField(tag)) {
          break;
        }
        continue;
      }
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE
          || wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        if (!in.skipField(tag)) {
          break;
        }
        continue;
      }
      byte[] nested = in.readByteArray();
      Descriptor nestedDesc = field.getMessageType();
      if (nestedDesc.getFullName().equals(ANY)) {
        nonCritical |=
            walk(CodedInputStream.newInstance(nested), nestedDesc, allowNonCritical, depth + 1);
        Any any;
        try {
          any = Any.parseFrom(nested);
        } catch (InvalidProtocolBufferException e) {
          throw IbcException.plain(e.getMessage());
        }
        Descriptor resolved =
            resolver
                .apply(any.getTypeUrl())
                .orElseThrow(
                    () -> IbcException.plainf("unable to resolve type URL %s", any.getTypeUrl()));
        nonCritical |=
            walk(
                CodedInputStream.newInstance(any.getValue().toByteArray()),
                resolved,
                allowNonCritical,
                depth + 1);
      } else {
        nonCritical |=
            walk(CodedInputStream.newInstance(nested), nestedDesc, allowNonCritical, depth + 1);
      }
    }
    return nonCritical;
  }

  static String wireTypeName(int wireType) {
    return switch (wireType) {
      case 0 -> "varint";
      case 1 -> "fixed64";
      case 2 -> "bytes";
      case 3 -> "start_group";
      case 4 -> "end_group";
      case 5 -> "fixed32";
      default -> "unknown type: " + wireType;
    };
  }
}
