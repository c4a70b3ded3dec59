package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.runtime.Memory;
import java.util.Arrays;

/**
 * The contents of a linear memory right after instantiation (data segments applied), as immutable
 * 64 KiB pages that any number of {@link SnapshotMemory} instances share copy-on-write. All-zero
 * pages (most of a fresh contract's stack and heap) share one page.
 */
final class MemorySnapshot {
  /** The one all-zero page; never written (writes always go to a private copy). */
  static final byte[] ZERO_PAGE = new byte[Memory.PAGE_SIZE];

  private final byte[][] pages;

  private MemorySnapshot(byte[][] pages) {
    this.pages = pages;
  }

  /** Copies the current contents of {@code memory}. */
  static MemorySnapshot of(Memory memory) {
    byte[][] pages = new byte[memory.pages()][];
    for (int i = 0; i < pages.length; i++) {
      byte[] page = memory.readBytes(i * Memory.PAGE_SIZE, Memory.PAGE_SIZE);
      pages[i] = isZero(page) ? ZERO_PAGE : page;
    }
    return new MemorySnapshot(pages);
  }

  int pageCount() {
    return pages.length;
  }

  /** Page {@code index}; shared — never write to it. */
  byte[] page(int index) {
    return pages[index];
  }

  /** Bytes held by distinct non-zero pages. */
  long retainedBytes() {
    return Arrays.stream(pages).filter(p -> p != ZERO_PAGE).count() * Memory.PAGE_SIZE;
  }

  private static boolean isZero(byte[] page) {
    return Arrays.mismatch(page, ZERO_PAGE) < 0;
  }
}
