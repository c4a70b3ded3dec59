package io.wasm08.core.host;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.errors.HostErrorCode;
import io.wasm08.core.gostd.GoStrings;
import java.nio.ByteBuffer;

/**
 * ICS-24 client paths and store keys ({@code 24-host/client_keys.go}, {@code
 * 02-client/types/keys.go} and the 07-tendermint metadata keys clients share). Keys without the
 * {@code clients/{id}/} prefix are relative to a client's prefix store.
 */
public final class ClientKeys {
  private ClientKeys() {}

  /** {@code KeyClientStorePrefix}. */
  public static final String KEY_CLIENT_STORE_PREFIX = "clients";

  /** {@code KeyClientState}. */
  public static final String KEY_CLIENT_STATE = "clientState";

  /** {@code KeyConsensusStatePrefix}. */
  public static final String KEY_CONSENSUS_STATE_PREFIX = "consensusStates";

  /** {@code KeyNextClientSequence}: the global sequence of generated client ids. */
  public static final String KEY_NEXT_CLIENT_SEQUENCE = "nextClientSequence";

  /** {@code ParamsKey}: the 02-client params. */
  public static final String KEY_PARAMS = "clientParams";

  /** {@code KeyCreator}: the creator address in the client store (ibc-go ≥ v10.2). */
  public static final String KEY_CREATOR = "creator";

  /** 07-tendermint {@code KeyIterateConsensusStatePrefix}. */
  public static final String KEY_ITERATE_CONSENSUS_STATE_PREFIX = "iterateConsensusStates";

  /** 07-tendermint suffixes of the per-height metadata keys. */
  public static final String KEY_PROCESSED_TIME = "/processedTime";

  public static final String KEY_PROCESSED_HEIGHT = "/processedHeight";
  public static final String KEY_ITERATION = "/iterationKey";

  /** {@code "clients/{clientId}/"}: the prefix of a client's store. */
  public static Bytes clientStorePrefix(String clientId) {
    return Bytes.ofUtf8(KEY_CLIENT_STORE_PREFIX + "/" + clientId + "/");
  }

  /** {@code FullClientKey}: {@code "clients/{clientId}/{path}"}. */
  public static Bytes fullClientKey(String clientId, Bytes path) {
    return clientStorePrefix(clientId).concat(path);
  }

  /** {@code PrefixedClientStoreKey}: {@code "clients/{prefix}"}. */
  public static Bytes prefixedClientStoreKey(Bytes prefix) {
    return Bytes.ofUtf8(KEY_CLIENT_STORE_PREFIX + "/").concat(prefix);
  }

  /** {@code ClientStateKey}: {@code "clientState"}. */
  public static Bytes clientStateKey() {
    return Bytes.ofUtf8(KEY_CLIENT_STATE);
  }

  /** {@code FullClientStateKey}: {@code "clients/{clientId}/clientState"}. */
  public static Bytes fullClientStateKey(String clientId) {
    return fullClientKey(clientId, clientStateKey());
  }

  /** {@code ConsensusStateKey}: {@code "consensusStates/{rev}-{height}"}. */
  public static Bytes consensusStateKey(Height height) {
    return Bytes.ofUtf8(consensusStatePath(height));
  }

  /** {@code FullConsensusStateKey}: {@code "clients/{clientId}/consensusStates/{rev}-{height}"}. */
  public static Bytes fullConsensusStateKey(String clientId, Height height) {
    return fullClientKey(clientId, consensusStateKey(height));
  }

  /** {@code CreatorKey}: {@code "creator"}. */
  public static Bytes creatorKey() {
    return Bytes.ofUtf8(KEY_CREATOR);
  }

  /** {@code "nextClientSequence"} in the IBC store. */
  public static Bytes nextClientSequenceKey() {
    return Bytes.ofUtf8(KEY_NEXT_CLIENT_SEQUENCE);
  }

  /** {@code "clientParams"} in the IBC store. */
  public static Bytes paramsKey() {
    return Bytes.ofUtf8(KEY_PARAMS);
  }

  /** 07-tendermint {@code ProcessedTimeKey}: {@code "consensusStates/{h}/processedTime"}. */
  public static Bytes processedTimeKey(Height height) {
    return Bytes.ofUtf8(consensusStatePath(height) + KEY_PROCESSED_TIME);
  }

  /** 07-tendermint {@code ProcessedHeightKey}: {@code "consensusStates/{h}/processedHeight"}. */
  public static Bytes processedHeightKey(Height height) {
    return Bytes.ofUtf8(consensusStatePath(height) + KEY_PROCESSED_HEIGHT);
  }

  /**
   * 07-tendermint {@code IterationKey}: {@code "iterateConsensusStates"} followed by the revision
   * number and height as 8-byte big-endian integers, so keys sort in height order.
   */
  public static Bytes iterationKey(Height height) {
    byte[] prefix = GoStrings.utf8(KEY_ITERATE_CONSENSUS_STATE_PREFIX);
    ByteBuffer key = ByteBuffer.allocate(prefix.length + 16);
    key.put(prefix).putLong(height.revisionNumber()).putLong(height.revisionHeight());
    return Bytes.wrapOwned(key.array());
  }

  private static String consensusStatePath(Height height) {
    return KEY_CONSENSUS_STATE_PREFIX + "/" + height;
  }

  /**
   * {@code parseClientStatePath}: the client id of {@code "clients/{id}/clientState"}; other paths
   * are {@code host.ErrInvalidPath} with ibc-go's texts.
   */
  public static String parseClientStatePath(String path) {
    String[] split = path.split("/", -1);
    if (split.length != 3) {
      throw HostErrorCode.INVALID_PATH.wrapf("cannot parse client state path %s", path);
    }
    if (!split[0].equals(KEY_CLIENT_STORE_PREFIX)) {
      throw HostErrorCode.INVALID_PATH.wrapf(
          "path does not begin with client store prefix: expected %s, got %s",
          KEY_CLIENT_STORE_PREFIX, split[0]);
    }
    if (!split[2].equals(KEY_CLIENT_STATE)) {
      throw HostErrorCode.INVALID_PATH.wrapf(
          "path does not end with client state key: expected %s, got %s",
          KEY_CLIENT_STATE, split[2]);
    }
    if (GoStrings.isBlank(split[1])) {
      throw HostErrorCode.INVALID_PATH.wrap("clientID is empty");
    }
    return split[1];
  }
}
