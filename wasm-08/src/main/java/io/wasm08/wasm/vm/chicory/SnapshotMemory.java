package io.wasm08.wasm.vm.chicory;

import static java.lang.Math.min;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A linear memory that starts as a {@link MemorySnapshot} and copies a 64 KiB page on its first
 * write; {@link #reset()} returns it to the snapshot in time proportional to the pages written.
 * Grown pages start as the shared zero page and are copied on write too, so {@code memory.grow}
 * allocates nothing until the contract touches the new pages.
 *
 * <p>It behaves exactly as Chicory's {@code ByteArrayMemory} (the memory of a fresh instance),
 * including the order of bounds checks and the texts of out-of-bounds errors — the differential
 * test {@code InstanceReuseDifferentialTest} holds the two against each other. Every write goes
 * through {@link #writable(int)}; {@code pages} only ever holds shared pages (read-only) or this
 * memory's private copies.
 *
 * <p>Not shared memory (reusable modules have none): atomics and wait/notify are not supported.
 */
final class SnapshotMemory implements Memory {
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  private static final int SHIFT = 16;
  private static final int MASK = PAGE_SIZE - 1;

  /** Private pages kept after a reset for the next call's first writes (bounded). */
  static final int SPARE_PAGES = 16;

  private final MemorySnapshot snapshot;
  private final MemoryLimits limits;

  /** Current view: shared snapshot pages, the zero page, or private copies; null past the end. */
  private final byte[][] pages;

  /** Private copies by page; null where the page is still shared (or absent). */
  private final byte[][] writable;

  private final int[] written;
  private int writtenCount;
  private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
  private int nPages;

  private DataSegment[] dataSegments;
  private boolean fromSnapshot = true;

  SnapshotMemory(MemorySnapshot snapshot, MemoryLimits limits) {
    this.snapshot = snapshot;
    this.limits = limits;
    int maxPages = min(limits.maximumPages(), RUNTIME_MAX_PAGES);
    if (snapshot.pageCount() > maxPages || snapshot.pageCount() != limits.initialPages()) {
      throw new IllegalArgumentException(
          "snapshot of "
              + snapshot.pageCount()
              + " pages does not fit limits "
              + limits.initialPages()
              + ".."
              + maxPages);
    }
    this.pages = new byte[maxPages][];
    this.writable = new byte[maxPages][];
    this.written = new int[maxPages];
    restorePages();
  }

  /** The memory factory for {@code Instance.Builder.withMemoryFactory}. */
  static Function<MemoryLimits, Memory> factory(MemorySnapshot snapshot) {
    return limits -> new SnapshotMemory(snapshot, limits);
  }

  private void restorePages() {
    for (int i = 0; i < snapshot.pageCount(); i++) {
      pages[i] = snapshot.page(i);
    }
    nPages = snapshot.pageCount();
  }

  /** Back to the snapshot: drops private copies (keeping a few for reuse) and grown pages. */
  void reset() {
    for (int k = 0; k < writtenCount; k++) {
      int i = written[k];
      byte[] copy = writable[i];
      writable[i] = null;
      if (spare.size() < SPARE_PAGES) {
        spare.push(copy);
      }
    }
    writtenCount = 0;
    for (int i = snapshot.pageCount(); i < nPages; i++) {
      pages[i] = null;
    }
    restorePages();
  }

  /** Pages written since the last reset (for tests and metrics). */
  int pagesWritten() {
    return writtenCount;
  }

  /**
   * The private copy of page {@code idx}, made on first write. Past the current size there is no
   * page: the caller's access fails as in {@code ByteArrayMemory} (null page, or an index past the
   * page array).
   */
  private byte[] writable(int idx) {
    byte[] p = writable[idx];
    return p != null ? p : own(idx);
  }

  private byte[] own(int idx) {
    if (idx >= nPages) {
      return null;
    }
    byte[] copy = spare.poll();
    if (copy == null) {
      copy = new byte[PAGE_SIZE];
    }
    System.arraycopy(pages[idx], 0, copy, 0, PAGE_SIZE);
    writable[idx] = copy;
    pages[idx] = copy;
    written[writtenCount++] = idx;
    return copy;
  }

  // ---- size -------------------------------------------------------------------------------

  @Override
  public int pages() {
    return nPages;
  }

  @Override
  public int grow(int size) {
    int prevPages = nPages;
    int numPages = prevPages + size;
    if (numPages > maximumPages() || numPages < prevPages) {
      return -1;
    }
    for (int i = prevPages; i < numPages; i++) {
      pages[i] = MemorySnapshot.ZERO_PAGE;
    }
    nPages = numPages;
    return prevPages;
  }

  @Override
  public int initialPages() {
    return limits.initialPages();
  }

  @Override
  public int maximumPages() {
    return min(limits.maximumPages(), RUNTIME_MAX_PAGES);
  }

  @Override
  public boolean shared() {
    return false;
  }

  private int sizeInBytes() {
    return PAGE_SIZE * nPages;
  }

  // ---- instantiation ----------------------------------------------------------------------

  /**
   * Instantiation zeroes memory before applying data segments; the snapshot already is that result,
   * so the first zero (and the following {@link #initialize}) keep it.
   */
  @Override
  public void zero() {
    if (fromSnapshot) {
      return;
    }
    fill((byte) 0, 0, sizeInBytes());
  }

  @Override
  public void initialize(Instance instance, DataSegment[] dataSegments) {
    this.dataSegments = dataSegments;
    if (!fromSnapshot) {
      throw new IllegalStateException("a snapshot memory is initialized once, from its snapshot");
    }
    fromSnapshot = false;
  }

  @Override
  public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
    var segment = dataSegments[segmentId];
    write(dest, segment.data(), offset, size);
  }

  @Override
  public void drop(int segment) {
    dataSegments[segment] = PassiveDataSegment.EMPTY;
  }

  // ---- bounds -----------------------------------------------------------------------------

  private static void checkBounds(int addr, int size, int limit) {
    if (addr < 0 || size < 0 || addr > limit || (size > 0 && ((addr + size) > limit))) {
      throw new WasmRuntimeException(outOfBoundsMessage(addr, limit, size));
    }
  }

  private static String outOfBoundsMessage(int addr, int limit, int size) {
    return "out of bounds memory access: attempted to access address: "
        + addr
        + " but limit is: "
        + limit
        + " and size: "
        + size;
  }

  private RuntimeException outOfBounds(RuntimeException e, int addr, int size) {
    if (e instanceof IndexOutOfBoundsException
        || e instanceof IllegalArgumentException
        || e instanceof NullPointerException
        || e instanceof NegativeArraySizeException) {
      return new WasmRuntimeException(outOfBoundsMessage(addr, sizeInBytes(), size));
    }
    return e;
  }

  // ---- bulk -------------------------------------------------------------------------------

  @Override
  public void write(int addr, byte[] data, int offset, int size) {
    checkBounds(offset, size, data.length);
    checkBounds(addr, size, sizeInBytes());
    while (size > 0) {
      int chunk = min(size, PAGE_SIZE - (addr & MASK));
      System.arraycopy(data, offset, writable(addr >>> SHIFT), addr & MASK, chunk);
      addr += chunk;
      offset += chunk;
      size -= chunk;
    }
  }

  /** Copies {@code data}'s remaining bytes to {@code addr} without an intermediate array. */
  void write(int addr, ByteBuffer data) {
    int size = data.remaining();
    checkBounds(addr, size, sizeInBytes());
    ByteBuffer src = data.duplicate();
    while (size > 0) {
      int chunk = min(size, PAGE_SIZE - (addr & MASK));
      src.get(writable(addr >>> SHIFT), addr & MASK, chunk);
      addr += chunk;
      size -= chunk;
    }
  }

  /** {@code memory.copy}: both ranges checked first (destination first), overlap-safe. */
  @Override
  public void copy(int dest, int src, int size) {
    int limit = sizeInBytes();
    checkBounds(dest, size, limit);
    checkBounds(src, size, limit);
    write(dest, readBytes(src, size), 0, size);
  }

  @Override
  public byte[] readBytes(int addr, int len) {
    checkBounds(addr, len, sizeInBytes());
    byte[] result = new byte[len];
    int dest = 0;
    while (dest < len) {
      int chunk = min(len - dest, PAGE_SIZE - (addr & MASK));
      System.arraycopy(pages[addr >>> SHIFT], addr & MASK, result, dest, chunk);
      addr += chunk;
      dest += chunk;
    }
    return result;
  }

  @Override
  public void fill(byte value, int fromIndex, int toIndex) {
    int addr = fromIndex;
    int remaining = toIndex - fromIndex;
    checkBounds(addr, remaining, sizeInBytes());
    while (remaining > 0) {
      int off = addr & MASK;
      int chunk = min(remaining, PAGE_SIZE - off);
      Arrays.fill(writable(addr >>> SHIFT), off, off + chunk, value);
      addr += chunk;
      remaining -= chunk;
    }
  }

  // ---- scalars ----------------------------------------------------------------------------

  @Override
  public byte read(int addr) {
    try {
      return pages[addr >>> SHIFT][addr & MASK];
    } catch (RuntimeException e) {
      throw outOfBounds(e, addr, 1);
    }
  }

  @Override
  public void writeByte(int addr, byte data) {
    try {
      writable(addr >>> SHIFT)[addr & MASK] = data;
    } catch (RuntimeException e) {
      throw outOfBounds(e, addr, 1);
    }
  }

  @Override
  public short readShort(int addr) {
    int off = addr & MASK;
    if (off + 2 <= PAGE_SIZE) {
      try {
        return (short) SHORT.get(pages[addr >>> SHIFT], off);
      } catch (RuntimeException e) {
        throw outOfBounds(e, addr, 2);
      }
    }
    return (short) ((read(addr) & 0xFF) | ((read(addr + 1) & 0xFF) << 8));
  }

  @Override
  public long readU16(int addr) {
    return readShort(addr) & 0xFFFFL;
  }

  @Override
  public void writeShort(int addr, short data) {
    int off = addr & MASK;
    if (off + 2 <= PAGE_SIZE) {
      try {
        SHORT.set(writable(addr >>> SHIFT), off, data);
      } catch (RuntimeException e) {
        throw outOfBounds(e, addr, 2);
      }
      return;
    }
    checkBounds(addr, 2, sizeInBytes());
    writeByte(addr, (byte) data);
    writeByte(addr + 1, (byte) (data >>> 8));
  }

  @Override
  public int readInt(int addr) {
    int off = addr & MASK;
    if (off + 4 <= PAGE_SIZE) {
      try {
        return (int) INT.get(pages[addr >>> SHIFT], off);
      } catch (RuntimeException e) {
        throw outOfBounds(e, addr, 4);
      }
    }
    return (read(addr) & 0xFF)
        | ((read(addr + 1) & 0xFF) << 8)
        | ((read(addr + 2) & 0xFF) << 16)
        | ((read(addr + 3) & 0xFF) << 24);
  }

  @Override
  public void writeI32(int addr, int data) {
    int off = addr & MASK;
    if (off + 4 <= PAGE_SIZE) {
      try {
        INT.set(writable(addr >>> SHIFT), off, data);
      } catch (RuntimeException e) {
        throw outOfBounds(e, addr, 4);
      }
      return;
    }
    checkBounds(addr, 4, sizeInBytes());
    for (int k = 0; k < 4; k++) {
      writeByte(addr + k, (byte) (data >>> (8 * k)));
    }
  }

  @Override
  public long readLong(int addr) {
    int off = addr & MASK;
    if (off + 8 <= PAGE_SIZE) {
      try {
        return (long) LONG.get(pages[addr >>> SHIFT], off);
      } catch (RuntimeException e) {
        throw outOfBounds(e, addr, 8);
      }
    }
    long v = 0;
    for (int k = 0; k < 8; k++) {
      v |= (read(addr + k) & 0xFFL) << (8 * k);
    }
    return v;
  }

  @Override
  public void writeLong(int addr, long data) {
    int off = addr & MASK;
    if (off + 8 <= PAGE_SIZE) {
      try {
        LONG.set(writable(addr >>> SHIFT), off, data);
      } catch (RuntimeException e) {
        throw outOfBounds(e, addr, 8);
      }
      return;
    }
    checkBounds(addr, 8, sizeInBytes());
    for (int k = 0; k < 8; k++) {
      writeByte(addr + k, (byte) (data >>> (8 * k)));
    }
  }

  @Override
  public float readFloat(int addr) {
    int off = addr & MASK;
    if (off + 4 <= PAGE_SIZE) {
      try {
        return (float) FLOAT.get(pages[addr >>> SHIFT], off);
      } catch (RuntimeException e) {
        throw outOfBounds(e, addr, 4);
      }
    }
    return Float.intBitsToFloat(readInt(addr));
  }

  @Override
  public long readF32(int addr) {
    return readInt(addr);
  }

  @Override
  public void writeF32(int addr, float data) {
    int off = addr & MASK;
    if (off + 4 <= PAGE_SIZE) {
      try {
        FLOAT.set(writable(addr >>> SHIFT), off, data);
      } catch (RuntimeException e) {
        throw outOfBounds(e, addr, 4);
      }
      return;
    }
    writeI32(addr, Float.floatToRawIntBits(data));
  }

  @Override
  public double readDouble(int addr) {
    int off = addr & MASK;
    if (off + 8 <= PAGE_SIZE) {
      try {
        return (double) DOUBLE.get(pages[addr >>> SHIFT], off);
      } catch (RuntimeException e) {
        throw outOfBounds(e, addr, 8);
      }
    }
    return Double.longBitsToDouble(readLong(addr));
  }

  @Override
  public long readF64(int addr) {
    return readLong(addr);
  }

  @Override
  public void writeF64(int addr, double data) {
    int off = addr & MASK;
    if (off + 8 <= PAGE_SIZE) {
      try {
        DOUBLE.set(writable(addr >>> SHIFT), off, data);
      } catch (RuntimeException e) {
        throw outOfBounds(e, addr, 8);
      }
      return;
    }
    writeLong(addr, Double.doubleToRawLongBits(data));
  }

  // ---- threads (not supported: never shared) ----------------------------------------------

  @Override
  @SuppressWarnings("removal")
  public Object lock(int address) {
    throw new UnsupportedOperationException();
  }

  @Override
  @SuppressWarnings("removal")
  public int waitOn(int address, int expected, long timeout) {
    throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
  }

  @Override
  @SuppressWarnings("removal")
  public int waitOn(int address, long expected, long timeout) {
    throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
  }

  @Override
  @SuppressWarnings("removal")
  public int notify(int address, int maxThreads) {
    return 0;
  }
}
