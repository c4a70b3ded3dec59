package io.wasm08.wasm.testing;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.ForwardingWasmEngine;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.WasmEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link WasmEngine} that forwards to a real one and records every contract call it makes — the
 * entry point (for queries and sudo, with the message's variant: {@code query status}, {@code sudo
 * update_state}) and the VM gas the call used internally (wasmvm's {@code gasUsed}) — so a test can
 * report the gas of each call a keeper flow makes without reaching into the keeper.
 */
public final class RecordingWasmEngine extends ForwardingWasmEngine {
  /**
   * One contract call: {@code entryPoint} as described above, the VM's internal gas and the size of
   * the ContractResult JSON it returned (0 after a VM error).
   */
  public record Recorded(String entryPoint, long vmGas, int resultBytes) {}

  private final List<Recorded> calls = new ArrayList<>();

  public RecordingWasmEngine(WasmEngine delegate) {
    super(delegate);
  }

  /** Returns and forgets the calls recorded since the last drain. */
  public List<Recorded> drain() {
    List<Recorded> out = List.copyOf(calls);
    calls.clear();
    return out;
  }

  @Override
  protected CallResult around(String entryPoint, Bytes msg, Supplier<CallResult> call) {
    String name =
        switch (entryPoint) {
          case "execute", "query", "sudo" -> variant(entryPoint, msg);
          default -> entryPoint;
        };
    try {
      CallResult result = call.get();
      calls.add(new Recorded(name, result.gasReport().usedInternally(), result.data().size()));
      return result;
    } catch (VmCallException e) {
      calls.add(new Recorded(name + " (VM error)", e.gasReport().usedInternally(), 0));
      throw e;
    }
  }

  /** {@code "query status"} for {@code {"status":{}}}: the JSON object's first key. */
  static String variant(String kind, Bytes msg) {
    String json = msg.toUtf8();
    int start = json.indexOf('"');
    int end = start < 0 ? -1 : json.indexOf('"', start + 1);
    return end < 0 ? kind : kind + " " + json.substring(start + 1, end);
  }
}
