package io.wasm08.proofs.commitment;

import com.google.protobuf.ByteString;
import io.wasm08.common.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keys of nested merkle trees, root to leaf, e.g. {@code ["ibc", "<ICS-24 path>"]}: ibc-go's
 * {@code commitment/v2.MerklePath} (v9+, raw byte keys). The pre-v9 string form ({@code
 * commitment/v1.MerklePath}, which legacy contracts and v8 chains use) converts with {@link
 * #fromV1} / {@link #toV1}; since ibc-go v8.0.0 a v1 key means its UTF-8 bytes, unescaped.
 */
public record MerklePath(List<Bytes> keyPath) {
  public MerklePath {
    keyPath = List.copyOf(keyPath);
  }

  /** ibc-go {@code NewMerklePath}. */
  public static MerklePath of(Bytes... keyPath) {
    return new MerklePath(Arrays.asList(keyPath));
  }

  /** A path of UTF-8 keys, e.g. {@code ofUtf8("ibc", "clients/07-tendermint-0/clientState")}. */
  public static MerklePath ofUtf8(String... keyPath) {
    return fromV1(Arrays.asList(keyPath));
  }

  /** From the v1 string form: each key is its string's UTF-8 bytes (ibc-go v8 {@code GetKey}). */
  public static MerklePath fromV1(List<String> keyPath) {
    return new MerklePath(keyPath.stream().map(Bytes::ofUtf8).toList());
  }

  /**
   * To the v1 string form. Proto3 strings must be UTF-8, so a key that is not valid UTF-8 has no v1
   * form and is an {@code ErrInvalidProof}.
   */
  public List<String> toV1() {
    List<String> out = new ArrayList<>(keyPath.size());
    for (int i = 0; i < keyPath.size(); i++) {
      try {
        out.add(
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(keyPath.get(i).asReadOnlyByteBuffer())
                .toString());
      } catch (CharacterCodingException e) {
        throw CommitmentErrorCode.INVALID_PROOF.wrap(
            "key at index " + i + " is not valid UTF-8 and has no v1 MerklePath form", e);
      }
    }
    return out;
  }

  public boolean isEmpty() {
    return keyPath.isEmpty();
  }

  public int size() {
    return keyPath.size();
  }

  /** ibc-go v2 {@code GetKey}: the key at {@code i}, an error when out of range. */
  public Bytes getKey(long i) {
    if (i < 0 || i >= keyPath.size()) {
      throw CommitmentErrorCode.INVALID_PROOF.wrap(
          "index out of range. " + i + " (index) >= " + keyPath.size() + " (len)");
    }
    return keyPath.get((int) i);
  }

  /**
   * ibc-go {@code ValidateAsPrefix}: non-empty, and every key but the last non-empty (the ICS-24
   * path is appended to the last one). Empty when valid, else ibc-go's error text, for the caller
   * to wrap with its own error code as ibc-go's callers do.
   */
  public Optional<String> validateAsPrefix() {
    if (isEmpty()) {
      return Optional.of("path cannot have length 0");
    }
    for (int i = 0; i < keyPath.size() - 1; i++) {
      if (keyPath.get(i).isEmpty()) {
        return Optional.of("key at index " + i + " cannot be empty");
      }
    }
    return Optional.empty();
  }

  /**
   * ibc-go {@code ValidateAsPath}: non-empty and every key non-empty; as {@link #validateAsPrefix}.
   */
  public Optional<String> validateAsPath() {
    if (isEmpty()) {
      return Optional.of("path cannot have length 0");
    }
    for (int i = 0; i < keyPath.size(); i++) {
      if (keyPath.get(i).isEmpty()) {
        return Optional.of("key at index " + i + " cannot be empty");
      }
    }
    return Optional.empty();
  }

  public ibc.core.commitment.v2.Commitment.MerklePath toProto() {
    var b = ibc.core.commitment.v2.Commitment.MerklePath.newBuilder();
    keyPath.forEach(k -> b.addKeyPath(ByteString.copyFrom(k.asReadOnlyByteBuffer())));
    return b.build();
  }

  public static MerklePath fromProto(ibc.core.commitment.v2.Commitment.MerklePath proto) {
    return new MerklePath(
        proto.getKeyPathList().stream().map(k -> Bytes.wrapOwned(k.toByteArray())).toList());
  }

  public ibc.core.commitment.v1.Commitment.MerklePath toProtoV1() {
    return ibc.core.commitment.v1.Commitment.MerklePath.newBuilder().addAllKeyPath(toV1()).build();
  }

  public static MerklePath fromProtoV1(ibc.core.commitment.v1.Commitment.MerklePath proto) {
    return fromV1(proto.getKeyPathList());
  }

  static String goString(Bytes key) {
    // Go's string(key) keeps raw bytes; Java can only show invalid UTF-8 as U+FFFD.
    return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(key.toByteArray())).toString();
  }
}
