package io.wasm08.wasm.vm.chicory.instrument;

import java.util.ArrayList;
import java.util.List;

/**
 * A contiguous, stack-neutral run of instructions {@code [start, end)} of one original function
 * that is moved into a function of its own (to keep every generated JVM method under 64 KiB).
 */
final class Region {
  final int start;
  final int end;
  final List<Region> children = new ArrayList<>();

  /** Original-function locals the region reads or writes, ascending: the new function's params. */
  int[] params;

  /** The subset it writes (or uses to carry a branch value), ascending: returned after the code. */
  int[] written;

  /** Labels outside the region its branches target, in order of first use; exit code = index+1. */
  List<Integer> escapes;

  /** Whether control never falls through the end of the region. */
  boolean endsUnreachable;

  int functionIndex;
  int typeIndex;

  Region(int start, int end) {
    this.start = start;
    this.end = end;
  }
}
