package io.wasm08.client;

import io.wasm08.core.client.Height;
import io.wasm08.core.events.Event;
import io.wasm08.core.events.EventSink;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The events 02-client emits (ibc-go v11 {@code keeper/events.go}); each is followed by {@code
 * message{module=ibc_client}}.
 */
public final class ClientEvents {
  private ClientEvents() {}

  public static final String TYPE_CREATE_CLIENT = "create_client";
  public static final String TYPE_UPDATE_CLIENT = "update_client";
  public static final String TYPE_UPGRADE_CLIENT = "upgrade_client";
  public static final String TYPE_SUBMIT_MISBEHAVIOUR = "client_misbehaviour";
  public static final String TYPE_RECOVER_CLIENT = "recover_client";
  public static final String TYPE_SCHEDULE_IBC_SOFTWARE_UPGRADE = "schedule_ibc_software_upgrade";
  public static final String TYPE_UPGRADE_CHAIN = "upgrade_chain";

  public static final String ATTRIBUTE_CLIENT_ID = "client_id";
  public static final String ATTRIBUTE_SUBJECT_CLIENT_ID = "subject_client_id";
  public static final String ATTRIBUTE_CLIENT_TYPE = "client_type";
  public static final String ATTRIBUTE_CONSENSUS_HEIGHT = "consensus_height";
  public static final String ATTRIBUTE_CONSENSUS_HEIGHTS = "consensus_heights";
  public static final String ATTRIBUTE_UPGRADE_STORE = "upgrade_store";
  public static final String ATTRIBUTE_UPGRADE_PLAN_HEIGHT = "upgrade_plan_height";
  public static final String ATTRIBUTE_UPGRADE_PLAN_TITLE = "title";

  /** {@code AttributeValueCategory}: {@code "ibc_client"}. */
  public static final String MODULE = "ibc_client";

  /** The x/upgrade store key named in {@code upgrade_chain}. */
  public static final String UPGRADE_STORE_KEY = "upgrade";

  public static void emitCreateClient(
      EventSink sink, String clientId, String clientType, Height initialHeight) {
    emit(
        sink,
        Event.of(
            TYPE_CREATE_CLIENT,
            ATTRIBUTE_CLIENT_ID,
            clientId,
            ATTRIBUTE_CLIENT_TYPE,
            clientType,
            ATTRIBUTE_CONSENSUS_HEIGHT,
            initialHeight.toString()));
  }

  /**
   * {@code update_client}: the deprecated {@code consensus_height} carries the first height (empty
   * when there is none), {@code consensus_heights} all of them comma-joined.
   */
  public static void emitUpdateClient(
      EventSink sink, String clientId, String clientType, List<Height> consensusHeights) {
    String first = consensusHeights.isEmpty() ? "" : consensusHeights.get(0).toString();
    String all = consensusHeights.stream().map(Height::toString).collect(Collectors.joining(","));
    emit(
        sink,
        Event.of(
            TYPE_UPDATE_CLIENT,
            ATTRIBUTE_CLIENT_ID,
            clientId,
            ATTRIBUTE_CLIENT_TYPE,
            clientType,
            ATTRIBUTE_CONSENSUS_HEIGHT,
            first,
            ATTRIBUTE_CONSENSUS_HEIGHTS,
            all));
  }

  public static void emitUpgradeClient(
      EventSink sink, String clientId, String clientType, Height latestHeight) {
    emit(
        sink,
        Event.of(
            TYPE_UPGRADE_CLIENT,
            ATTRIBUTE_CLIENT_ID,
            clientId,
            ATTRIBUTE_CLIENT_TYPE,
            clientType,
            ATTRIBUTE_CONSENSUS_HEIGHT,
            latestHeight.toString()));
  }

  public static void emitSubmitMisbehaviour(EventSink sink, String clientId, String clientType) {
    emit(
        sink,
        Event.of(
            TYPE_SUBMIT_MISBEHAVIOUR,
            ATTRIBUTE_CLIENT_ID,
            clientId,
            ATTRIBUTE_CLIENT_TYPE,
            clientType));
  }

  public static void emitRecoverClient(EventSink sink, String clientId, String clientType) {
    emit(
        sink,
        Event.of(
            TYPE_RECOVER_CLIENT,
            ATTRIBUTE_SUBJECT_CLIENT_ID,
            clientId,
            ATTRIBUTE_CLIENT_TYPE,
            clientType));
  }

  public static void emitScheduleIbcSoftwareUpgrade(EventSink sink, String title, long height) {
    emit(
        sink,
        Event.of(
            TYPE_SCHEDULE_IBC_SOFTWARE_UPGRADE,
            ATTRIBUTE_UPGRADE_PLAN_TITLE,
            title,
            ATTRIBUTE_UPGRADE_PLAN_HEIGHT,
            Long.toString(height)));
  }

  /** {@code EmitUpgradeChainEvent}, emitted by the begin blocker before a planned upgrade. */
  public static void emitUpgradeChain(EventSink sink, long height) {
    emit(
        sink,
        Event.of(
            TYPE_UPGRADE_CHAIN,
            ATTRIBUTE_UPGRADE_PLAN_HEIGHT,
            Long.toString(height),
            ATTRIBUTE_UPGRADE_STORE,
            UPGRADE_STORE_KEY));
  }

  private static void emit(EventSink sink, Event event) {
    sink.emit(event);
    sink.emit(Event.message(MODULE));
  }
}
