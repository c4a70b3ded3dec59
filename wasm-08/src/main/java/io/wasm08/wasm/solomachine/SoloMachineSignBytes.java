package io.wasm08.wasm.solomachine;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import cosmos.crypto.ed25519.Keys.PubKey;
import ibc.lightclients.solomachine.v3.Solomachine.HeaderData;
import ibc.lightclients.solomachine.v3.Solomachine.SignBytes;
import io.wasm08.common.Bytes;

/**
 * The bytes a solo machine signs: protobuf {@code ibc.lightclients.solomachine.v3.SignBytes}, the
 * same bytes ibc-go's 06-solomachine verifies for an ed25519 key.
 *
 * <pre>
 * SignBytes  { uint64 sequence = 1; uint64 timestamp = 2; string diversifier = 3; bytes path = 4; bytes data = 5; }
 * header:      path = "solomachine:header", data = HeaderData{new_pub_key = Any(PubKey{key}), new_diversifier}
 * membership:  path = merkle_path.key_path[1], data = value;  non-membership: no data
 * </pre>
 */
public final class SoloMachineSignBytes {
  /** ibc-go 06-solomachine {@code SentinelHeaderPath}. */
  public static final String SENTINEL_HEADER_PATH = "solomachine:header";

  /** The type URL of {@code cosmos.crypto.ed25519.PubKey} in the header's {@code Any}. */
  public static final String ED25519_PUBKEY_TYPE_URL = "/cosmos.crypto.ed25519.PubKey";

  private SoloMachineSignBytes() {}

  /**
   * What the current key signs to move a client at {@code sequence} with {@code diversifier} to
   * {@code newPublicKey} / {@code newDiversifier}.
   */
  public static Bytes header(
      long sequence,
      long timestamp,
      String diversifier,
      Bytes newPublicKey,
      String newDiversifier) {
    PubKey key = PubKey.newBuilder().setKey(byteString(newPublicKey)).build();
    HeaderData data =
        HeaderData.newBuilder()
            .setNewPubKey(
                Any.newBuilder()
                    .setTypeUrl(ED25519_PUBKEY_TYPE_URL)
                    .setValue(key.toByteString())
                    .build())
            .setNewDiversifier(newDiversifier)
            .build();
    return signBytes(
        sequence,
        timestamp,
        diversifier,
        ByteString.copyFromUtf8(SENTINEL_HEADER_PATH),
        data.toByteString());
  }

  /** What the key signs to prove {@code value} at {@code path} (the ICS-24 path, key_path[1]). */
  public static Bytes membership(
      long sequence, long timestamp, String diversifier, Bytes path, Bytes value) {
    if (value.isEmpty()) {
      // the bytes would be those of a non-membership proof; the contract refuses it too
      throw SoloMachineErrorCode.INVALID_PROOF.wrap("value cannot be empty");
    }
    return signBytes(sequence, timestamp, diversifier, byteString(path), byteString(value));
  }

  /** What the key signs to prove nothing is stored at {@code path}. */
  public static Bytes nonMembership(long sequence, long timestamp, String diversifier, Bytes path) {
    return signBytes(sequence, timestamp, diversifier, byteString(path), ByteString.EMPTY);
  }

  private static Bytes signBytes(
      long sequence, long timestamp, String diversifier, ByteString path, ByteString data) {
    return Bytes.wrapOwned(
        SignBytes.newBuilder()
            .setSequence(sequence)
            .setTimestamp(timestamp)
            .setDiversifier(diversifier)
            .setPath(path)
            .setData(data)
            .build()
            .toByteArray());
  }

  private static ByteString byteString(Bytes bytes) {
    return ByteString.copyFrom(bytes.asReadOnlyByteBuffer());
  }
}
