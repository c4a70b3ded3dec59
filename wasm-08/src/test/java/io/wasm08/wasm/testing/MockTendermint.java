package io.wasm08.wasm.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientState;
import io.wasm08.core.client.Height;
import io.wasm08.wasm.types.GogoDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The stand-in for ibc-go's mock Tendermint states in the 08-wasm tables ({@code
 * testing/values.go}): the inner data of a wasm client is {@code
 * Any(/ibc.lightclients.tendermint.v1.ClientState)} with {@code chain_id} (field 1) and {@code
 * latest_height} (field 7) — all the mock contract reads. Also a client state of another type for
 * the "changed client state type" checks.
 */
public final class MockTendermint {
  private MockTendermint() {}

  public static final String CLIENT_STATE_TYPE_URL = "/ibc.lightclients.tendermint.v1.ClientState";
  public static final String CONSENSUS_STATE_TYPE_URL =
      "/ibc.lightclients.tendermint.v1.ConsensusState";

  /** A decoded mock Tendermint client state (a non-wasm client state). */
  public record TendermintClientState(String chainId, Height latestHeight) implements ClientState {
    @Override
    public String clientType() {
      return "07-tendermint";
    }

    @Override
    public void validate() {}
  }

  /** {@code CreateMockTendermintClientState(height)}: the proto value bytes. */
  public static Bytes clientStateValue(Height latest) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CodedOutputStream cos = CodedOutputStream.newInstance(out);
      cos.writeString(1, "chain-id");
      cos.writeMessage(7, latest.toProto());
      cos.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Bytes.wrapOwned(out.toByteArray());
  }

  /** {@code MustMarshalClientState(tm cs)}: the Any bytes. */
  public static Bytes clientStateAny(Height latest) {
    return any(CLIENT_STATE_TYPE_URL, clientStateValue(latest));
  }

  /** {@code MockTendermintClientConsensusState}: root "hash", next validators hash. */
  public static Bytes consensusStateAny() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CodedOutputStream cos = CodedOutputStream.newInstance(out);
      cos.writeBytes(3, ByteString.copyFromUtf8("nextValsHash"));
      cos.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return any(CONSENSUS_STATE_TYPE_URL, Bytes.wrapOwned(out.toByteArray()));
  }

  public static Bytes any(String typeUrl, Bytes value) {
    return Bytes.wrapOwned(
        com.google.protobuf.Any.newBuilder()
            .setTypeUrl(typeUrl)
            .setValue(ByteString.copyFrom(value.toByteArray()))
            .build()
            .toByteArray());
  }

  /** Decodes the value bytes of a mock Tendermint client state. */
  public static TendermintClientState decodeClientState(Bytes value) {
    String[] chainId = {""};
    long[] height = {0, 0};
    GogoDecoder.decode(
        value,
        "ClientState",
        (in, number, wireType) -> {
          if (number == 1) {
            chainId[0] = in.lengthDelimited().toUtf8();
            return true;
          }
          if (number == 7) {
            in.embedded(
                "Height",
                (h, n, w) -> {
                  if (n == 1) {
                    height[0] = h.varint();
                    return true;
                  }
                  if (n == 2) {
                    height[1] = h.varint();
                    return true;
                  }
                  return false;
                });
            return true;
          }
          return false;
        });
    return new TendermintClientState(chainId[0], new Height(height[0], height[1]));
  }

  /** The latest height inside {@code Any(tm ClientState)} bytes. */
  public static Height latestHeightOfAny(Bytes anyBytes) {
    Bytes[] value = {Bytes.EMPTY};
    GogoDecoder.decode(
        anyBytes,
        "Any",
        (in, number, wireType) -> {
          if (number == 2) {
            value[0] = in.lengthDelimited();
            return true;
          }
          return false;
        });
    return decodeClientState(value[0]).latestHeight();
  }
}
