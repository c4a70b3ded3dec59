package io.wasm08.client.msg;

import com.google.protobuf.InvalidProtocolBufferException;
import ibc.core.client.v1.Tx.MsgCreateClient;
import ibc.core.client.v1.Tx.MsgCreateClientResponse;
import ibc.core.client.v1.Tx.MsgDeleteClientCreator;
import ibc.core.client.v1.Tx.MsgDeleteClientCreatorResponse;
import ibc.core.client.v1.Tx.MsgIBCSoftwareUpgrade;
import ibc.core.client.v1.Tx.MsgIBCSoftwareUpgradeResponse;
import ibc.core.client.v1.Tx.MsgRecoverClient;
import ibc.core.client.v1.Tx.MsgRecoverClientResponse;
import ibc.core.client.v1.Tx.MsgUpdateClient;
import ibc.core.client.v1.Tx.MsgUpdateClientResponse;
import ibc.core.client.v1.Tx.MsgUpdateParams;
import ibc.core.client.v1.Tx.MsgUpdateParamsResponse;
import ibc.core.client.v1.Tx.MsgUpgradeClient;
import ibc.core.client.v1.Tx.MsgUpgradeClientResponse;
import ibc.core.client.v2.ConfigOuterClass.Config;
import io.wasm08.client.ClientKeeper;
import io.wasm08.client.ClientParams;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.ClientMessage;
import io.wasm08.core.client.ClientState;
import io.wasm08.core.context.Authority;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.IbcErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.msg.MsgRoute;
import java.util.List;

/**
 * The ibc.core.client.v1 Msg service as ibc-go v11's core {@code keeper/msg_server.go} implements
 * it. The methods run the handler logic only (ibc-go's tests call the handlers directly); {@link
 * #routes()} adds {@code ValidateBasic} in front, as the SDK's Msg router does. Each handler is
 * atomic: a failure writes nothing and emits nothing.
 */
public final class ClientMsgServer {
  /** {@code ibc.core.client.v2} per-client config key in the client store. */
  static final Bytes CONFIG_KEY = Bytes.ofUtf8("config");

  private final ClientKeeper keeper;
  private final ClientMsgs msgs;
  private final String authority;
  private final String bech32Prefix;

  /**
   * @param authority the keeper authority (normally the gov module account in bech32); the
   *     consensus-params authority of the context takes precedence when set
   * @param bech32Prefix the chain's account address prefix
   */
  public ClientMsgServer(
      ClientKeeper keeper, ClientMsgs msgs, String authority, String bech32Prefix) {
    this.keeper = java.util.Objects.requireNonNull(keeper, "keeper");
    this.msgs = java.util.Objects.requireNonNull(msgs, "msgs");
    if (authority == null || authority.isBlank()) {
      throw new IllegalArgumentException("authority must be non-empty");
    }
    this.authority = authority;
    this.bech32Prefix = java.util.Objects.requireNonNull(bech32Prefix, "bech32Prefix");
  }

  public String authority() {
    return authority;
  }

  /** The Msg routes for the node's router: {@code ValidateBasic}, then the handler. */
  public List<MsgRoute<?>> routes() {
    return List.of(
        MsgRoute.of(
            MsgCreateClient.getDefaultInstance(),
            (ctx, m) -> {
              msgs.validateBasic(m);
              return createClient(ctx, m);
            }),
        MsgRoute.of(
            MsgUpdateClient.getDefaultInstance(),
            (ctx, m) -> {
              msgs.validateBasic(m);
              return updateClient(ctx, m);
            }),
        MsgRoute.of(
            MsgUpgradeClient.getDefaultInstance(),
            (ctx, m) -> {
              msgs.validateBasic(m);
              return upgradeClient(ctx, m);
            }),
        MsgRoute.of(
            MsgRecoverClient.getDefaultInstance(),
            (ctx, m) -> {
              msgs.validateBasic(m);
              return recoverClient(ctx, m);
            }),
        MsgRoute.of(
            MsgIBCSoftwareUpgrade.getDefaultInstance(),
            (ctx, m) -> {
              msgs.validateBasic(m);
              return ibcSoftwareUpgrade(ctx, m);
            }),
        MsgRoute.of(
            MsgUpdateParams.getDefaultInstance(),
            (ctx, m) -> {
              msgs.validateBasic(m);
              return updateClientParams(ctx, m);
            }),
        MsgRoute.of(
            MsgDeleteClientCreator.getDefaultInstance(),
            (ctx, m) -> {
              msgs.validateBasic(m);
              return deleteClientCreator(ctx, m);
            }));
  }

  /**
   * {@code CreateClient}: routes by the unpacked client state's type, passes the Any values to the
   * keeper and records the signer as the client's creator.
   */
  public MsgCreateClientResponse createClient(BlockContext ctx, MsgCreateClient msg) {
    return ctx.atomically(
        c -> {
          ClientState clientState =
              msgs.unpackClientState(msg.hasClientState() ? msg.getClientState() : null);
          String clientId =
              keeper.createClient(
                  c,
                  clientState.clientType(),
                  Bytes.of(msg.getClientState().getValue().toByteArray()),
                  Bytes.of(msg.getConsensusState().getValue().toByteArray()));
          keeper.setClientCreator(
              c, clientId, AccAddress.fromBech32(msg.getSigner(), bech32Prefix));
          return MsgCreateClientResponse.newBuilder().setClientId(clientId).build();
        });
  }

  /**
   * {@code UpdateClient}: unpacks the client message, checks the IBC v2 relayer allow-list of the
   * client (its {@code config} key; empty = anyone) and updates.
   */
  public MsgUpdateClientResponse updateClient(BlockContext ctx, MsgUpdateClient msg) {
    return ctx.atomically(
        c -> {
          ClientMessage clientMessage =
              msgs.unpackClientMessage(msg.hasClientMessage() ? msg.getClientMessage() : null);
          Config config = clientConfig(c, msg.getClientId());
          if (!isAllowedRelayer(config, AccAddress.fromBech32(msg.getSigner(), bech32Prefix))) {
            throw IbcErrorCode.UNAUTHORIZED.wrapf(
                "relayer %s is not authorized to update client %s",
                msg.getSigner(), msg.getClientId());
          }
          keeper.updateClient(c, msg.getClientId(), clientMessage);
          return MsgUpdateClientResponse.getDefaultInstance();
        });
  }

  /** {@code UpgradeClient}: passes the Any values and proofs to the keeper. */
  public MsgUpgradeClientResponse upgradeClient(BlockContext ctx, MsgUpgradeClient msg) {
    return ctx.atomically(
        c -> {
          keeper.upgradeClient(
              c,
              msg.getClientId(),
              Bytes.of(msg.getClientState().getValue().toByteArray()),
              Bytes.of(msg.getConsensusState().getValue().toByteArray()),
              Bytes.of(msg.getProofUpgradeClient().toByteArray()),
              Bytes.of(msg.getProofUpgradeConsensusState().toByteArray()));
          return MsgUpgradeClientResponse.getDefaultInstance();
        });
  }

  /** {@code RecoverClient}: authority only; keeper errors wrapped "client recovery failed". */
  public MsgRecoverClientResponse recoverClient(BlockContext ctx, MsgRecoverClient msg) {
    return ctx.atomically(
        c -> {
          Authority.validate(c, authority, msg.getSigner());
          try {
            keeper.recoverClient(c, msg.getSubjectClientId(), msg.getSubstituteClientId());
          } catch (Wasm08Exception e) {
            throw IbcException.wrap(e, "client recovery failed");
          }
          return MsgRecoverClientResponse.getDefaultInstance();
        });
  }

  /** {@code IBCSoftwareUpgrade}: authority only; schedules the plan with the upgraded client. */
  public MsgIBCSoftwareUpgradeResponse ibcSoftwareUpgrade(
      BlockContext ctx, MsgIBCSoftwareUpgrade msg) {
    return ctx.atomically(
        c -> {
          Authority.validate(c, authority, msg.getSigner());
          ClientState upgraded;
          try {
            upgraded =
                msgs.unpackClientState(
                    msg.hasUpgradedClientState() ? msg.getUpgradedClientState() : null);
          } catch (IbcException e) {
            throw ClientErrorCode.INVALID_CLIENT_TYPE.wrapf(
                "cannot unpack client state: %s", e.getMessage());
          }
          try {
            keeper.scheduleIbcSoftwareUpgrade(
                c, msg.getPlan(), msg.getUpgradedClientState(), upgraded);
          } catch (Wasm08Exception e) {
            throw IbcException.wrap(e, "failed to schedule upgrade");
          }
          return MsgIBCSoftwareUpgradeResponse.getDefaultInstance();
        });
  }

  /** {@code UpdateClientParams}: authority only; replaces the params. */
  public MsgUpdateParamsResponse updateClientParams(BlockContext ctx, MsgUpdateParams msg) {
    return ctx.atomically(
        c -> {
          Authority.validate(c, authority, msg.getSigner());
          keeper.setParams(c, ClientParams.fromProto(msg.getParams()));
          return MsgUpdateParamsResponse.getDefaultInstance();
        });
  }

  /** {@code DeleteClientCreator}: by the authority or the recorded creator. */
  public MsgDeleteClientCreatorResponse deleteClientCreator(
      BlockContext ctx, MsgDeleteClientCreator msg) {
    return ctx.atomically(
        c -> {
          AccAddress creator =
              keeper
                  .getClientCreator(c, msg.getClientId())
                  .orElseThrow(
                      () ->
                          IbcErrorCode.NOT_FOUND.wrapf(
                              "creator for client %s not found", msg.getClientId()));
          try {
            Authority.validate(c, authority, msg.getSigner());
          } catch (IbcException e) {
            if (!creator.equals(AccAddress.fromBech32(msg.getSigner(), bech32Prefix))) {
              throw IbcErrorCode.UNAUTHORIZED.wrapf(
                  "authority or client creator %s is authorized to delete creator for %s, got %s",
                  creator.toBech32(bech32Prefix), msg.getClientId(), msg.getSigner());
            }
          }
          keeper.deleteClientCreator(c, msg.getClientId());
          return MsgDeleteClientCreatorResponse.getDefaultInstance();
        });
  }

  /** The client's IBC v2 config ({@code GetConfig}); none stored means permissionless. */
  private Config clientConfig(BlockContext ctx, String clientId) {
    Bytes bz = keeper.clientStore(ctx, clientId).get(CONFIG_KEY);
    if (bz == null || bz.isEmpty()) {
      return Config.getDefaultInstance();
    }
    try {
      return Config.parseFrom(bz.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored client config does not decode", e);
    }
  }

  /** {@code Config.IsAllowedRelayer}: empty list, or an entry with the relayer's address. */
  private boolean isAllowedRelayer(Config config, AccAddress relayer) {
    if (config.getAllowedRelayersCount() == 0) {
      return true;
    }
    for (String allowed : config.getAllowedRelayersList()) {
      if (relayer.equals(AccAddress.fromBech32(allowed, bech32Prefix))) {
        return true;
      }
    }
    return false;
  }
}
