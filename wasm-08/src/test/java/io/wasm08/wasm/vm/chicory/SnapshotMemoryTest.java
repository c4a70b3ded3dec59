package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SnapshotMemory} against Chicory's {@code ByteArrayMemory} — the memory of a fresh instance
 * — on long random sequences of every operation: all access widths at addresses chosen around page
 * edges and the end of memory (in and out of bounds), bulk writes, fills, copies and grows.
 * Results, exceptions (type and text) and contents must agree; after {@link SnapshotMemory#reset()}
 * the memory must equal a freshly initialized one again.
 */
class SnapshotMemoryTest {
  static final int PAGE = Memory.PAGE_SIZE;
  static final MemoryLimits LIMITS = new MemoryLimits(3, 8);

  /** A fresh memory with some non-zero initial contents (stand-in for data segments). */
  static ByteArrayMemory initial() {
    ByteArrayMemory m = new ByteArrayMemory(LIMITS);
    byte[] data = new byte[1000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7 + 1);
    }
    m.write(PAGE - 500, data); // spans pages 0 and 1; page 2 stays zero
    return m;
  }

  static SnapshotMemory fromSnapshot(MemorySnapshot snapshot) {
    SnapshotMemory m = new SnapshotMemory(snapshot, LIMITS);
    m.zero();
    m.initialize(null, null);
    return m;
  }

  static LongStream seeds() {
    return LongStream.range(1, 9);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void behavesAsByteArrayMemory(long seed) {
    MemorySnapshot snapshot = MemorySnapshot.of(initial());
    SnapshotMemory cow = fromSnapshot(snapshot);
    for (int round = 0; round < 3; round++) {
      ByteArrayMemory reference = initial();
      Random random = new Random(seed * 31 + round);
      List<String> trace = new ArrayList<>();
      for (int step = 0; step < 3_000; step++) {
        int op = random.nextInt(16);
        int addr = address(random, reference.pages());
        long value = random.nextLong();
        long auxSeed = random.nextLong();
        String expected = apply(reference, op, addr, value, auxSeed);
        String actual = apply(cow, op, addr, value, auxSeed);
        trace.add(op + "@" + addr + " → " + expected);
        assertThat(actual)
            .as("step %d of %s", step, trace.subList(Math.max(0, step - 5), step + 1))
            .isEqualTo(expected);
      }
      assertThat(contents(cow)).isEqualTo(contents(reference));
      assertThat(cow.pages()).isEqualTo(reference.pages());
      cow.reset();
      assertThat(cow.pages()).isEqualTo(3);
      assertThat(contents(cow)).isEqualTo(contents(initial()));
    }
  }

  /** Mostly near page boundaries and the end of memory; sometimes anywhere or negative. */
  static int address(Random random, int pages) {
    int edge =
        switch (random.nextInt(4)) {
          case 0 -> random.nextInt(pages + 2) * PAGE;
          case 1 -> pages * PAGE;
          case 2 -> random.nextInt(Math.max(1, pages * PAGE));
          default -> random.nextBoolean() ? -random.nextInt(16) - 1 : random.nextInt(9 * PAGE);
        };
    return edge + random.nextInt(17) - 8;
  }

  /** Runs one operation and renders its outcome (value or exception) as text. */
  static String apply(Memory m, int op, int addr, long value, long auxSeed) {
    Random aux = new Random(auxSeed);
    try {
      return switch (op) {
        case 0 -> "r8 " + m.read(addr);
        case 1 -> "r16 " + m.readShort(addr) + "/" + m.readU16(addr);
        case 2 -> "r32 " + m.readInt(addr) + "/" + m.readU32(addr);
        case 3 -> "r64 " + m.readLong(addr);
        case 4 -> "rf " + Float.floatToRawIntBits(m.readFloat(addr)) + "/" + m.readF32(addr);
        case 5 -> "rd " + Double.doubleToRawLongBits(m.readDouble(addr)) + "/" + m.readF64(addr);
        case 6 -> {
          m.writeByte(addr, (byte) value);
          yield "w8";
        }
        case 7 -> {
          m.writeShort(addr, (short) value);
          yield "w16";
        }
        case 8 -> {
          m.writeI32(addr, (int) value);
          yield "w32";
        }
        case 9 -> {
          m.writeLong(addr, value);
          yield "w64";
        }
        case 10 -> {
          if ((value & 1) == 0) {
            m.writeF32(addr, Float.intBitsToFloat((int) value));
          } else {
            m.writeF64(addr, Double.longBitsToDouble(value));
          }
          yield "wf";
        }
        case 11 -> {
          byte[] data = new byte[aux.nextInt(3 * PAGE / 2)];
          aux.nextBytes(data);
          int offset = aux.nextInt(4) == 0 ? aux.nextInt(data.length + 3) - 1 : 0;
          int size = Math.max(-1, data.length - offset + (aux.nextInt(5) == 0 ? 1 : 0));
          m.write(addr, data, offset, size);
          yield "wb";
        }
        case 12 -> "rb " + Arrays.hashCode(m.readBytes(addr, aux.nextInt(2 * PAGE) - 4));
        case 13 -> {
          m.fill((byte) value, addr, addr + aux.nextInt(2 * PAGE) - 4);
          yield "fill";
        }
        case 14 -> {
          m.copy(addr, aux.nextInt(m.pages() * PAGE + 8), aux.nextInt(PAGE + PAGE / 2) - 2);
          yield "copy";
        }
        default ->
            "grow " + m.grow(aux.nextInt(4) - (aux.nextInt(8) == 0 ? 2 : 0)) + " → " + m.pages();
      };
    } catch (ChicoryException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  static byte[] contents(Memory m) {
    return m.readBytes(0, m.pages() * PAGE);
  }

  @Test
  void snapshotsShareZeroPagesAndCopyOnlyWrittenPages() {
    MemorySnapshot snapshot = MemorySnapshot.of(initial());
    assertThat(snapshot.pageCount()).isEqualTo(3);
    assertThat(snapshot.page(2)).isSameAs(MemorySnapshot.ZERO_PAGE);
    assertThat(snapshot.retainedBytes()).isEqualTo(2L * PAGE);
    SnapshotMemory m = fromSnapshot(snapshot);
    m.readInt(5);
    m.grow(2); // grown pages are the shared zero page until written
    assertThat(m.pagesWritten()).isZero();
    m.writeI32(2 * PAGE + 4, 7);
    m.writeByte(4 * PAGE, (byte) 1);
    assertThat(m.pagesWritten()).isEqualTo(2);
    assertThat(snapshot.page(2)).isSameAs(MemorySnapshot.ZERO_PAGE);
    assertThat(MemorySnapshot.ZERO_PAGE).containsOnly(0);
    m.reset();
    assertThat(m.pagesWritten()).isZero();
    assertThat(m.readInt(2 * PAGE + 4)).isZero();
    assertThat(m.pages()).isEqualTo(3);
  }

  @Test
  void writesFromABufferMatchWritesFromAnArray() {
    MemorySnapshot snapshot = MemorySnapshot.of(initial());
    SnapshotMemory a = fromSnapshot(snapshot);
    SnapshotMemory b = fromSnapshot(snapshot);
    byte[] data = new byte[PAGE + 77];
    new Random(5).nextBytes(data);
    a.write(PAGE - 13, data);
    b.write(PAGE - 13, ByteBuffer.wrap(data).asReadOnlyBuffer());
    assertThat(contents(b)).isEqualTo(contents(a));
    // 3 pages = 196 608 bytes; 8 bytes at 196 604 cross the end
    assertThatThrownBy(() -> b.write(3 * PAGE - 4, ByteBuffer.wrap(new byte[8])))
        .hasMessage(
            "out of bounds memory access: attempted to access address: 196604 but limit is:"
                + " 196608 and size: 8");
  }
}
