package io.wasm08.client.msg;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import cosmos.upgrade.v1beta1.Upgrade.Plan;
import ibc.core.client.v1.Tx.MsgCreateClient;
import ibc.core.client.v1.Tx.MsgDeleteClientCreator;
import ibc.core.client.v1.Tx.MsgIBCSoftwareUpgrade;
import ibc.core.client.v1.Tx.MsgRecoverClient;
import ibc.core.client.v1.Tx.MsgUpdateClient;
import ibc.core.client.v1.Tx.MsgUpdateParams;
import ibc.core.client.v1.Tx.MsgUpgradeClient;
import io.wasm08.client.ClientParams;
import io.wasm08.core.client.ClientInterfaces;
import io.wasm08.core.client.ClientMessage;
import io.wasm08.core.client.ClientState;
import io.wasm08.core.client.ClientTypes;
import io.wasm08.core.client.ConsensusState;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.codec.AnyInterface;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.HostErrorCode;
import io.wasm08.core.errors.IbcErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.host.ClientIdentifiers;
import io.wasm08.core.host.Identifiers;

/**
 * The 02-client Msgs' {@code ValidateBasic} ({@code 02-client/types/msgs.go}) and the Any unpacking
 * helpers of {@code types/codec.go}, with ibc-go's error codes and texts. The SDK router runs
 * {@code ValidateBasic} before the handler.
 */
public final class ClientMsgs {
  /** {@code MaxClientStateSize}. */
  public static final int MAX_CLIENT_STATE_SIZE = 32768;

  /** {@code MaxConsensusStateSize}. */
  public static final int MAX_CONSENSUS_STATE_SIZE = 32768;

  /** The Go zero {@code time.Time} (0001-01-01T00:00:00Z) in Unix seconds. */
  private static final long GO_ZERO_TIME_SECONDS = -62135596800L;

  private final AnyCodec codec;
  private final String bech32Prefix;

  public ClientMsgs(AnyCodec codec, String bech32Prefix) {
    this.codec = java.util.Objects.requireNonNull(codec, "codec");
    this.bech32Prefix = java.util.Objects.requireNonNull(bech32Prefix, "bech32Prefix");
  }

  /** {@code ValidateBasic} of any 02-client Msg. */
  public void validateBasic(Message msg) {
    switch (msg) {
      case MsgCreateClient m -> validateBasic(m);
      case MsgUpdateClient m -> validateBasic(m);
      case MsgUpgradeClient m -> validateBasic(m);
      case MsgRecoverClient m -> validateBasic(m);
      case MsgIBCSoftwareUpgrade m -> validateBasic(m);
      case MsgUpdateParams m -> validateBasic(m);
      case MsgDeleteClientCreator m -> validateBasic(m);
      default ->
          throw new IllegalArgumentException(
              "not a 02-client Msg: " + msg.getDescriptorForType().getFullName());
    }
  }

  public void validateBasic(MsgCreateClient msg) {
    validateSigner(msg.getSigner());
    if (msg.getClientState().getValue().size() > MAX_CLIENT_STATE_SIZE) {
      throw IbcErrorCode.TOO_LARGE.wrapf(
          "client state size %d exceeds max size %d",
          msg.getClientState().getValue().size(), MAX_CLIENT_STATE_SIZE);
    }
    ClientState clientState = unpackClientState(msg.hasClientState() ? msg.getClientState() : null);
    clientState.validate();
    if (msg.getConsensusState().getValue().size() > MAX_CONSENSUS_STATE_SIZE) {
      throw IbcErrorCode.TOO_LARGE.wrapf(
          "consensus state size %d exceeds max size %d",
          msg.getConsensusState().getValue().size(), MAX_CONSENSUS_STATE_SIZE);
    }
    ConsensusState consensusState =
        unpackConsensusState(msg.hasConsensusState() ? msg.getConsensusState() : null);
    if (!clientState.clientType().equals(consensusState.clientType())) {
      throw ClientErrorCode.INVALID_CLIENT_TYPE.wrap(
          "client type for client state and consensus state do not match");
    }
    try {
      ClientIdentifiers.validateClientType(clientState.clientType());
    } catch (IbcException e) {
      throw e.wrap("client type does not meet naming constraints");
    }
    consensusState.validateBasic();
  }

  public void validateBasic(MsgUpdateClient msg) {
    validateSigner(msg.getSigner());
    ClientMessage clientMessage =
        unpackClientMessage(msg.hasClientMessage() ? msg.getClientMessage() : null);
    clientMessage.validateBasic();
    Identifiers.validateClientIdentifier(msg.getClientId());
  }

  public void validateBasic(MsgUpgradeClient msg) {
    ClientState clientState = unpackClientState(msg.hasClientState() ? msg.getClientState() : null);
    ConsensusState consensusState =
        unpackConsensusState(msg.hasConsensusState() ? msg.getConsensusState() : null);
    if (!clientState.clientType().equals(consensusState.clientType())) {
      throw ClientErrorCode.INVALID_UPGRADE_CLIENT.wrapf(
          "consensus state's client-type does not match client. expected: %s, got: %s",
          clientState.clientType(), consensusState.clientType());
    }
    if (msg.getProofUpgradeClient().isEmpty()) {
      throw ClientErrorCode.INVALID_UPGRADE_CLIENT.wrap("proof of upgrade client cannot be empty");
    }
    if (msg.getProofUpgradeConsensusState().isEmpty()) {
      throw ClientErrorCode.INVALID_UPGRADE_CLIENT.wrap(
          "proof of upgrade consensus state cannot be empty");
    }
    validateSigner(msg.getSigner());
    Identifiers.validateClientIdentifier(msg.getClientId());
  }

  public void validateBasic(MsgRecoverClient msg) {
    validateSigner(msg.getSigner());
    Identifiers.validateClientIdentifier(msg.getSubjectClientId());
    Identifiers.validateClientIdentifier(msg.getSubstituteClientId());
    if (msg.getSubjectClientId().equals(msg.getSubstituteClientId())) {
      throw ClientErrorCode.INVALID_SUBSTITUTE.wrap(
          "subject and substitute clients must be different");
    }
  }

  public void validateBasic(MsgIBCSoftwareUpgrade msg) {
    validateSigner(msg.getSigner());
    ClientState clientState =
        unpackClientState(msg.hasUpgradedClientState() ? msg.getUpgradedClientState() : null);
    if (!clientState.clientType().equals(ClientTypes.TENDERMINT)) {
      throw ClientErrorCode.INVALID_UPGRADE_CLIENT.wrap(
          "upgraded client state must be a Tendermint client");
    }
    validatePlan(msg.getPlan());
  }

  public void validateBasic(MsgUpdateParams msg) {
    validateSigner(msg.getSigner());
    ClientParams.fromProto(msg.getParams()).validate();
  }

  public void validateBasic(MsgDeleteClientCreator msg) {
    validateSigner(msg.getSigner());
    Identifiers.validateClientIdentifier(msg.getClientId());
    if (!ClientIdentifiers.isValidClientId(msg.getClientId())) {
      throw HostErrorCode.INVALID_ID.wrapf(
          "client ID %s must be in valid format: {string}-{number}", msg.getClientId());
    }
  }

  /** x/upgrade {@code Plan.ValidateBasic}. */
  public static void validatePlan(Plan plan) {
    boolean timeIsZero =
        !plan.hasTime()
            || (plan.getTime().getSeconds() == GO_ZERO_TIME_SECONDS
                && plan.getTime().getNanos() == 0);
    if (!timeIsZero) {
      throw SdkErrorCode.INVALID_REQUEST.wrap(
          "time-based upgrades have been deprecated in the SDK");
    }
    if (plan.hasUpgradedClientState()) {
      throw SdkErrorCode.INVALID_REQUEST.wrap(
          "upgrade logic for IBC has been moved to the IBC module");
    }
    if (plan.getName().isEmpty()) {
      throw SdkErrorCode.INVALID_REQUEST.wrap("name cannot be empty");
    }
    if (plan.getHeight() <= 0) {
      throw SdkErrorCode.INVALID_REQUEST.wrap("height must be greater than 0");
    }
  }

  /**
   * The signer must be a bech32 account address with the chain's prefix: {@code
   * ibcerrors.ErrInvalidAddress} "string could not be parsed as address: %v".
   */
  public AccAddress validateSigner(String signer) {
    try {
      return AccAddress.fromBech32(signer, bech32Prefix);
    } catch (IbcException e) {
      throw IbcErrorCode.INVALID_ADDRESS.wrapf(
          "string could not be parsed as address: %s", e.getMessage());
    }
  }

  /** {@code UnpackClientState}. */
  public ClientState unpackClientState(Any any) {
    return unpack(any, ClientInterfaces.CLIENT_STATE, "ClientState");
  }

  /** {@code UnpackConsensusState}. */
  public ConsensusState unpackConsensusState(Any any) {
    return unpack(any, ClientInterfaces.CONSENSUS_STATE, "ConsensusState");
  }

  /** {@code UnpackClientMessage} (its error names the interface "Header", as ibc-go's does). */
  public ClientMessage unpackClientMessage(Any any) {
    return unpack(any, ClientInterfaces.CLIENT_MESSAGE, "Header");
  }

  /**
   * A nil Any is {@code ErrUnpackAny} "protobuf Any message cannot be nil"; an Any that does not
   * decode to the interface (empty or unregistered type URL, bad bytes) is {@code ErrUnpackAny}
   * "cannot unpack Any into <name> *types.Any", as ibc-go reports an Any without a cached value.
   */
  private <T> T unpack(Any any, AnyInterface<T> iface, String name) {
    if (any == null) {
      throw IbcErrorCode.UNPACK_ANY.wrap("protobuf Any message cannot be nil");
    }
    try {
      return codec.unpack(any, iface).orElseThrow(() -> cannotUnpack(name, null));
    } catch (IbcException e) {
      if (e.is(IbcErrorCode.UNPACK_ANY)) {
        throw e;
      }
      throw cannotUnpack(name, e);
    }
  }

  private static IbcException cannotUnpack(String name, Throwable cause) {
    return IbcErrorCode.UNPACK_ANY.wrap("cannot unpack Any into " + name + " *types.Any", cause);
  }
}
