package io.wasm08.wasm.api;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.api.GoJsonValue.JArray;
import io.wasm08.wasm.api.GoJsonValue.JBool;
import io.wasm08.wasm.api.GoJsonValue.JNull;
import io.wasm08.wasm.api.GoJsonValue.JNumber;
import io.wasm08.wasm.api.GoJsonValue.JObject;
import io.wasm08.wasm.api.GoJsonValue.JString;
import io.wasm08.wasm.api.GoJsonValue.Member;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds a parsed {@link GoJsonValue} to Java values with Go's {@code json.Unmarshal} rules for
 * structs: keys match field tags exactly, else case-insensitively; unknown keys are ignored; {@code
 * null} leaves a scalar as it was and sets slices and pointers to nil; a type mismatch is recorded
 * as {@code UnmarshalTypeError} (the first one is reported after decoding finishes) and the field
 * keeps its value; {@code []byte} is base64 (Go's strict decoder).
 */
public final class GoJsonDecoder {
  private final List<String> fieldStack = new ArrayList<>();
  private String structName = "";
  private GoJsonException firstError;

  private GoJsonDecoder() {}

  /**
   * Go's {@code json.Unmarshal(data, &v)}: scan (syntax errors first), then bind with {@code
   * binder}; throws the first error with Go's text.
   */
  public static <T> T unmarshal(byte[] data, Function<GoJsonDecoder, Binder<T>> binder) {
    GoJsonValue value = GoJsonParser.parse(data);
    GoJsonDecoder decoder = new GoJsonDecoder();
    T result = binder.apply(decoder).bind(value);
    if (decoder.firstError != null) {
      throw decoder.firstError;
    }
    return result;
  }

  public static <T> T unmarshal(Bytes data, Function<GoJsonDecoder, Binder<T>> binder) {
    return unmarshal(data.toByteArray(), binder);
  }

  /** Binds one JSON value; for {@code null} input a binder returns its zero or current value. */
  @FunctionalInterface
  public interface Binder<T> {
    T bind(GoJsonValue value);
  }

  /** One field of a struct: its JSON name and what to do with its value. */
  public record Field(String name, java.util.function.Consumer<GoJsonValue> sink) {}

  /**
   * Decodes a struct: {@code goType} is the type as Go prints it (e.g. {@code
   * "types.StatusResult"}), {@code fields} in struct order. Returns false when the value was not an
   * object (null or mismatch: the struct keeps its zero value).
   */
  public boolean struct(GoJsonValue value, String goType, List<Field> fields) {
    if (value instanceof JNull) {
      return false;
    }
    if (!(value instanceof JObject object)) {
      typeError(value.kind(), goType);
      return false;
    }
    Map<String, Field> byName = new LinkedHashMap<>();
    for (Field f : fields) {
      byName.put(f.name(), f);
    }
    String simpleName = goType.substring(goType.lastIndexOf('.') + 1);
    for (Member member : object.members()) {
      Field field = byName.get(member.key());
      if (field == null) {
        String folded = fold(member.key());
        for (Field f : fields) {
          if (fold(f.name()).equals(folded)) {
            field = f;
            break;
          }
        }
      }
      if (field == null) {
        continue;
      }
      String savedStruct = structName;
      int depth = fieldStack.size();
      fieldStack.add(field.name());
      structName = simpleName;
      field.sink().accept(member.value());
      while (fieldStack.size() > depth) {
        fieldStack.remove(fieldStack.size() - 1);
      }
      structName = savedStruct;
    }
    return true;
  }

  /** A {@code uint64}: a non-negative integer literal that fits; otherwise a type error. */
  public long uint64(GoJsonValue value, long current) {
    if (value instanceof JNull) {
      return current;
    }
    if (value instanceof JNumber number) {
      String literal = number.literal();
      if (literal.matches("[0-9]+")) {
        BigInteger parsed = new BigInteger(literal);
        if (parsed.bitLength() <= 64) {
          return parsed.longValue();
        }
      }
      typeError("number " + literal, "uint64");
      return current;
    }
    typeError(value.kind(), "uint64");
    return current;
  }

  public String string(GoJsonValue value, String current) {
    if (value instanceof JNull) {
      return current;
    }
    if (value instanceof JString s) {
      return s.value();
    }
    typeError(value.kind(), "string");
    return current;
  }

  public boolean bool(GoJsonValue value, boolean current) {
    if (value instanceof JNull) {
      return current;
    }
    if (value instanceof JBool b) {
      return b.value();
    }
    typeError(value.kind(), "bool");
    return current;
  }

  /**
   * A {@code []byte}: base64 string (Go's strict padded decoder), {@code null} → nil, or an array
   * of numbers (Go decodes it element-wise as {@code uint8}).
   */
  public Bytes bytes(GoJsonValue value, Bytes current) {
    switch (value) {
      case JNull n -> {
        return null;
      }
      case JString s -> {
        try {
          return GoBase64.decode(s.value().getBytes(StandardCharsets.UTF_8));
        } catch (GoBase64.CorruptInputException e) {
          saveError(new GoJsonException(e.getMessage()));
          return current;
        }
      }
      case JArray array -> {
        byte[] out = new byte[array.elements().size()];
        for (int i = 0; i < out.length; i++) {
          GoJsonValue element = array.elements().get(i);
          if (element instanceof JNumber number && number.literal().matches("[0-9]+")) {
            BigInteger parsed = new BigInteger(number.literal());
            if (parsed.bitLength() <= 8) {
              out[i] = parsed.byteValue();
              continue;
            }
            typeError("number " + number.literal(), "uint8");
          } else if (element instanceof JNumber number) {
            typeError("number " + number.literal(), "uint8");
          } else if (!(element instanceof JNull)) {
            typeError(element.kind(), "uint8");
          }
        }
        return Bytes.wrapOwned(out);
      }
      default -> {
        typeError(value.kind(), "[]uint8");
        return current;
      }
    }
  }

  /**
   * A slice: {@code null} → nil ({@code null}), an array → its elements decoded by {@code element},
   * anything else → a type error (the slice keeps {@code current}).
   */
  public <T> List<T> slice(
      GoJsonValue value, String goType, List<T> current, Function<GoJsonValue, T> element) {
    if (value instanceof JNull) {
      return null;
    }
    if (!(value instanceof JArray array)) {
      typeError(value.kind(), goType);
      return current;
    }
    List<T> out = new ArrayList<>(array.elements().size());
    for (GoJsonValue e : array.elements()) {
      out.add(element.apply(e));
    }
    return out;
  }

  /** Records Go's {@code UnmarshalTypeError} in the current field context. */
  public void typeError(String jsonValue, String goType) {
    if (structName.isEmpty() && fieldStack.isEmpty()) {
      saveError(
          new GoJsonException(
              "json: cannot unmarshal " + jsonValue + " into Go value of type " + goType));
    } else {
      saveError(
          new GoJsonException(
              "json: cannot unmarshal "
                  + jsonValue
                  + " into Go struct field "
                  + structName
                  + "."
                  + String.join(".", fieldStack)
                  + " of type "
                  + goType));
    }
  }

  private void saveError(GoJsonException e) {
    if (firstError == null) {
      firstError = e;
    }
  }

  /** Go's case-insensitive key match ({@code foldName}): simple Unicode case folding. */
  private static String fold(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x80) {
                sb.append(Character.toUpperCase((char) cp));
              } else if (cp == 0x212A) {
                sb.append('K'); // Kelvin sign folds to K
              } else if (cp == 0x17F) {
                sb.append('S'); // long s folds to S
              } else {
                sb.appendCodePoint(Character.toUpperCase(Character.toLowerCase(cp)));
              }
            });
    return sb.toString();
  }
}
