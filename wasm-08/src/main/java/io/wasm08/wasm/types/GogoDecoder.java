package io.wasm08.wasm.types;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;

/**
 * The decoding loop gogoproto generates for ibc-go's messages ({@code Unmarshal} in {@code
 * *.pb.go}), so a malformed client or consensus state fails with Go's texts (e.g. {@code "proto:
 * wrong wireType = 0 for field Data"}); those are plain errors ({@code undefined}/1). Unknown
 * fields are skipped; a repeated scalar field keeps its last value; a repeated message field is
 * merged into the one already read.
 */
public final class GogoDecoder {
  /** What a message does with each field it knows; unknown fields are skipped. */
  public interface FieldSink {
    /** Handles field {@code number}; returns false when the message does not know it. */
    boolean field(GogoDecoder in, int number, int wireType);
  }

  static final String INVALID_LENGTH = "proto: negative length found during unmarshaling";
  static final String INT_OVERFLOW = "proto: integer overflow";
  static final String UNEXPECTED_EOF = "unexpected EOF";
  static final String END_OF_GROUP = "proto: unexpected end of group";

  private final byte[] data;
  private final int limit;
  private int index;

  private GogoDecoder(byte[] data, int from, int limit) {
    this.data = data;
    this.index = from;
    this.limit = limit;
  }

  /** Runs the generated loop over {@code bytes} for the message named {@code messageName}. */
  public static void decode(Bytes bytes, String messageName, FieldSink sink) {
    byte[] data = bytes.toByteArray();
    new GogoDecoder(data, 0, data.length).run(messageName, sink);
  }

  private void run(String messageName, FieldSink sink) {
    while (index < limit) {
      int preIndex = index;
      long wire = varint();
      long fieldNum = (int) (wire >>> 3);
      int wireType = (int) (wire & 0x7);
      if (wireType == 4) {
        throw IbcException.plainf("proto: %s: wiretype end group for non-group", messageName);
      }
      if (fieldNum <= 0) {
        throw IbcException.plainf(
            "proto: %s: illegal tag %d (wire type %s)",
            messageName, fieldNum, Long.toUnsignedString(wire));
      }
      if (!sink.field(this, (int) fieldNum, wireType)) {
        index = preIndex;
        long skippy = skip();
        if (skippy < 0 || index + skippy < 0) {
          throw IbcException.plain(INVALID_LENGTH);
        }
        if (index + skippy > limit) {
          throw IbcException.plain(UNEXPECTED_EOF);
        }
        index += (int) skippy;
      }
    }
    if (index > limit) {
      throw IbcException.plain(UNEXPECTED_EOF);
    }
  }

  /** {@code proto: wrong wireType = %d for field %s} unless the field has {@code expected}. */
  public static void expectWireType(int wireType, int expected, String goFieldName) {
    if (wireType != expected) {
      throw IbcException.plainf("proto: wrong wireType = %d for field %s", wireType, goFieldName);
    }
  }

  /** A length-delimited field's bytes (after its tag). */
  public Bytes lengthDelimited() {
    int end = lengthDelimitedEnd();
    Bytes value = Bytes.of(data, index, end - index);
    index = end;
    return value;
  }

  /** Decodes an embedded message field into {@code sink} (merging, as gogo does). */
  public void embedded(String messageName, FieldSink sink) {
    int end = lengthDelimitedEnd();
    new GogoDecoder(data, index, end).run(messageName, sink);
    index = end;
  }

  private int lengthDelimitedEnd() {
    long length = goIntVarint();
    if (length < 0) {
      throw IbcException.plain(INVALID_LENGTH);
    }
    long post = index + length;
    if (post < 0) {
      throw IbcException.plain(INVALID_LENGTH);
    }
    if (post > limit) {
      throw IbcException.plain(UNEXPECTED_EOF);
    }
    return (int) post;
  }

  /** An unsigned varint as Go's {@code uint64} accumulation. */
  public long varint() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift >= 64) {
        throw IbcException.plain(INT_OVERFLOW);
      }
      if (index >= limit) {
        throw IbcException.plain(UNEXPECTED_EOF);
      }
      byte b = data[index++];
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0xFF) < 0x80) {
        return value;
      }
    }
  }

  /** A length varint accumulated in Go's signed 64-bit {@code int} (it may turn negative). */
  private long goIntVarint() {
    return varint();
  }

  /** {@code skipXxx}: the byte length of the field starting at the current index. */
  private long skip() {
    int i = index;
    int depth = 0;
    while (i < limit) {
      long wire = 0;
      for (int shift = 0; ; shift += 7) {
        if (shift >= 64) {
          throw IbcException.plain(INT_OVERFLOW);
        }
        if (i >= limit) {
          throw IbcException.plain(UNEXPECTED_EOF);
        }
        byte b = data[i++];
        wire |= (long) (b & 0x7F) << shift;
        if ((b & 0xFF) < 0x80) {
          break;
        }
      }
      int wireType = (int) (wire & 0x7);
      long next = i;
      switch (wireType) {
        case 0 -> {
          for (int shift = 0; ; shift += 7) {
            if (shift >= 64) {
              throw IbcException.plain(INT_OVERFLOW);
            }
            if (next >= limit) {
              throw IbcException.plain(UNEXPECTED_EOF);
            }
            next++;
            if ((data[(int) next - 1] & 0xFF) < 0x80) {
              break;
            }
          }
        }
        case 1 -> next += 8;
        case 2 -> {
          long length = 0;
          for (int shift = 0; ; shift += 7) {
            if (shift >= 64) {
              throw IbcException.plain(INT_OVERFLOW);
            }
            if (next >= limit) {
              throw IbcException.plain(UNEXPECTED_EOF);
            }
            byte b = data[(int) next++];
            length |= (long) (b & 0x7F) << shift;
            if ((b & 0xFF) < 0x80) {
              break;
            }
          }
          if (length < 0) {
            throw IbcException.plain(INVALID_LENGTH);
          }
          next += length;
        }
        case 3 -> depth++;
        case 4 -> {
          if (depth == 0) {
            throw IbcException.plain(END_OF_GROUP);
          }
          depth--;
        }
        case 5 -> next += 4;
        default -> throw IbcException.plainf("proto: illegal wireType %d", wireType);
      }
      if (next < 0) {
        throw IbcException.plain(INVALID_LENGTH);
      }
      if (depth == 0) {
        return next - index;
      }
      if (next > Integer.MAX_VALUE) {
        throw IbcException.plain(UNEXPECTED_EOF);
      }
      i = (int) next;
    }
    throw IbcException.plain(UNEXPECTED_EOF);
  }
}
