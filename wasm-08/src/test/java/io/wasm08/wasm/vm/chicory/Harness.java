package io.wasm08.wasm.vm.chicory;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.HostApi;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.crypto.CosmWasmCrypto;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The driver contract instantiated against mock backends, for driving imports with raw pointers.
 * Gas is measured around the single export call, so region setup does not count.
 */
final class Harness {
  static final long GAS_LIMIT = 1_000_000_000_000L;

  final MockStorage storage;
  final FakeCrypto crypto = new FakeCrypto();
  private final CosmWasmCrypto cryptoInUse;
  final List<String> debugMessages = new ArrayList<>();
  final VmInstance instance;

  /** What one export call did: its results, gas used (total and external), or the error. */
  record Outcome(List<Long> result, long gasUsed, long externallyUsed, String error) {
    long single() {
      return result.get(0);
    }
  }

  Harness(ExecutionMode mode, MockStorage storage, HostApi api, long gasLimit) {
    this(mode, storage, api, gasLimit, null);
  }

  /** With {@code realCrypto} non-null the imports use it instead of the programmable fake. */
  Harness(
      ExecutionMode mode,
      MockStorage storage,
      HostApi api,
      long gasLimit,
      CosmWasmCrypto realCrypto) {
    this.storage = storage;
    this.cryptoInUse = realCrypto != null ? realCrypto : crypto;
    CallContext context =
        new CallContext(
            storage,
            api,
            new MockQuerier(),
            gasLimit,
            (message, gas) -> debugMessages.add(message + " @" + gas));
    this.instance =
        VmInstance.create(
            TestContracts.unmetered("driver", mode),
            context,
            new InstanceConfig(32 * InstanceConfig.MIB, GasConfig.DEFAULT, cryptoInUse));
  }

  Harness(ExecutionMode mode) {
    this(mode, new MockStorage(), new MockApi(), GAS_LIMIT);
  }

  /** A fresh region holding {@code data} (capacity = length). */
  int region(byte[] data) {
    int ptr = instance.allocate(data.length);
    instance.writeMemory(ptr, data);
    return ptr;
  }

  int region(String utf8) {
    return region(utf8.getBytes(StandardCharsets.UTF_8));
  }

  /** An empty region with room for {@code capacity} bytes (an output buffer). */
  int buffer(int capacity) {
    return instance.allocate(capacity);
  }

  /** Writes a raw region header at {@code at}: any values, valid or not. */
  int rawRegion(int at, long offset, long capacity, long length) {
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt((int) offset).putInt((int) capacity).putInt((int) length);
    instance.pokeMemory(at, header.array());
    return at;
  }

  /** The bytes a region describes, read without charging gas. */
  byte[] contents(long regionPtr) {
    ByteBuffer header =
        ByteBuffer.wrap(instance.peekMemory((int) regionPtr, 12)).order(ByteOrder.LITTLE_ENDIAN);
    int offset = header.getInt();
    header.getInt();
    int length = header.getInt();
    return instance.peekMemory(offset, length);
  }

  String text(long regionPtr) {
    return new String(contents(regionPtr), StandardCharsets.UTF_8);
  }

  Outcome call(String export, long... args) {
    long before = instance.getGasLeft();
    long externalBefore = instance.createGasReport().usedExternally();
    try {
      long[] result = instance.callExport(export, args);
      return new Outcome(
          Arrays.stream(result).boxed().toList(),
          before - instance.getGasLeft(),
          instance.createGasReport().usedExternally() - externalBefore,
          null);
    } catch (VmException e) {
      return new Outcome(
          List.of(),
          before - instance.getGasLeft(),
          instance.createGasReport().usedExternally() - externalBefore,
          e.getMessage());
    }
  }

  static Bytes bytes(String utf8) {
    return Bytes.ofUtf8(utf8);
  }
}
