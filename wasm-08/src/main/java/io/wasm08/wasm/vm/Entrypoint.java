package io.wasm08.wasm.vm;

import java.util.List;
import java.util.Optional;

/**
 * The contract entry points cosmwasm-vm knows ({@code static_analysis.rs::Entrypoint}), each with
 * its export name. Upstream orders them by that name.
 */
public enum Entrypoint {
  INSTANTIATE("instantiate"),
  EXECUTE("execute"),
  MIGRATE("migrate"),
  SUDO("sudo"),
  REPLY("reply"),
  QUERY("query"),
  IBC_CHANNEL_OPEN("ibc_channel_open"),
  IBC_CHANNEL_CONNECT("ibc_channel_connect"),
  IBC_CHANNEL_CLOSE("ibc_channel_close"),
  IBC_PACKET_RECEIVE("ibc_packet_receive"),
  IBC_PACKET_ACK("ibc_packet_ack"),
  IBC_PACKET_TIMEOUT("ibc_packet_timeout"),
  IBC_SOURCE_CALLBACK("ibc_source_callback"),
  IBC_DESTINATION_CALLBACK("ibc_destination_callback"),
  IBC2_PACKET_RECEIVE("ibc2_packet_receive"),
  IBC2_PACKET_TIMEOUT("ibc2_packet_timeout"),
  IBC2_PACKET_ACK("ibc2_packet_ack"),
  IBC2_PACKET_SEND("ibc2_packet_send");

  /** {@code REQUIRED_IBC_EXPORTS}: all six make {@code has_ibc_entry_points} true. */
  public static final List<Entrypoint> REQUIRED_IBC_EXPORTS =
      List.of(
          IBC_CHANNEL_OPEN,
          IBC_CHANNEL_CONNECT,
          IBC_CHANNEL_CLOSE,
          IBC_PACKET_RECEIVE,
          IBC_PACKET_ACK,
          IBC_PACKET_TIMEOUT);

  private final String exportName;

  Entrypoint(String exportName) {
    this.exportName = exportName;
  }

  /** The name of the Wasm function export. */
  public String exportName() {
    return exportName;
  }

  /** The entry point exported under {@code name}, case-sensitive like strum's {@code FromStr}. */
  public static Optional<Entrypoint> fromExportName(String name) {
    for (Entrypoint e : values()) {
      if (e.exportName.equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return exportName;
  }
}
