package io.wasm08.gov.types;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * gogoproto's {@code String()} of generated messages — {@code proto.CompactTextString} — which Go
 * error texts embed via {@code %v}: fields in declaration order as {@code name:value }, proto3 zero
 * scalars and unset messages skipped, nested messages in {@code < >}, enums by name, strings quoted
 * with octal escapes for bytes outside printable ASCII.
 */
public final class GoProtoText {
  private GoProtoText() {}

  public static String compact(Message m) {
    StringBuilder b = new StringBuilder();
    write(b, m);
    return b.toString();
  }

  private static void write(StringBuilder b, Message m) {
    for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
      if (f.isRepeated()) {
        for (Object v : (List<?>) m.getField(f)) {
          field(b, f, v);
        }
      } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          ? m.hasField(f)
          : !isZero(m.getField(f))) {
        field(b, f, m.getField(f));
      }
    }
  }

  private static void field(StringBuilder b, FieldDescriptor f, Object v) {
    b.append(f.getName()).append(':');
    switch (f.getJavaType()) {
      case MESSAGE -> {
        b.append('<');
        write(b, (Message) v);
        b.append('>');
      }
      case STRING -> quote(b, ((String) v).getBytes(StandardCharsets.UTF_8));
      case BYTE_STRING -> quote(b, ((ByteString) v).toByteArray());
      case ENUM -> {
        // Go prints values its enum does not know as numbers.
        EnumValueDescriptor e = (EnumValueDescriptor) v;
        boolean known = e.getType().findValueByNumber(e.getNumber()) != null;
        b.append(known ? e.getName() : Integer.toString(e.getNumber()));
      }
      case LONG -> {
        boolean unsigned =
            f.getType() == FieldDescriptor.Type.UINT64
                || f.getType() == FieldDescriptor.Type.FIXED64;
        b.append(unsigned ? Long.toUnsignedString((Long) v) : v.toString());
      }
      case INT -> {
        boolean unsigned =
            f.getType() == FieldDescriptor.Type.UINT32
                || f.getType() == FieldDescriptor.Type.FIXED32;
        b.append(unsigned ? Integer.toUnsignedString((Integer) v) : v.toString());
      }
      default -> b.append(v);
    }
    b.append(' ');
  }

  private static boolean isZero(Object v) {
    return switch (v) {
      case String s -> s.isEmpty();
      case ByteString bs -> bs.isEmpty();
      case Boolean bool -> !bool;
      case Number n -> n.doubleValue() == 0 && n.longValue() == 0;
      case EnumValueDescriptor e -> e.getNumber() == 0;
      default -> false;
    };
  }

  private static void quote(StringBuilder b, byte[] bytes) {
    b.append('"');
    for (byte raw : bytes) {
      int c = raw & 0xFF;
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            b.append((char) c);
          } else {
            b.append(String.format("\\%03o", c));
          }
        }
      }
    }
    b.append('"');
  }
}
