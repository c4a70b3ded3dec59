package io.wasm08.wasm.vm.chicory.instrument;

import io.wasm08.wasm.vm.chicory.binary.Opcodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides how a function is emitted so that Chicory compiles it to JVM bytecode: inline gas checks
 * when the estimated method fits, a charge helper when that makes it fit, and otherwise cutting
 * statement runs out into their own functions ({@link Region}s) until every piece fits.
 *
 * <p>The estimate is a linear model of Chicory 1.7.5's bytecode per Wasm instruction, fitted
 * (non-negative least squares) on the instrumented light-client and hackatom fixtures and inflated
 * by a safety margin; its largest under-estimate there was 1.12×. A wrong estimate can only cost
 * speed (a function left to Chicory's interpreter, see {@code CompileReport}), never change gas or
 * results.
 */
final class FunctionPlanner {
  /** Estimated bytecode above which a function is rearranged (the JVM limit is 65 535). */
  static final int BUDGET = 50_000;

  /**
   * Target size of a cut-out piece: below HotSpot's {@code HugeMethodLimit} (8000 bytes), so the
   * pieces are JIT-compiled.
   */
  static final int CHUNK = 7_000;

  /** Pieces smaller than this are not worth a call. */
  static final int MIN_REGION = 400;

  /** Blocks nested deeper than this are kept whole (bounds the planner's recursion). */
  static final int MAX_NESTING = 500;

  private FunctionPlanner() {}

  /** The decision for one function. */
  record Plan(boolean helperMode, List<Region> regions) {}

  /**
   * The size limits (estimated bytecode): rearrange above {@code budget}, cut pieces of about
   * {@code chunk}, none below {@code minRegion}. Tests shrink them to exercise every path.
   */
  record Thresholds(int budget, int chunk, int minRegion, boolean allowHelper) {
    static final Thresholds DEFAULT = new Thresholds(BUDGET, CHUNK, MIN_REGION, true);
  }

  static Plan plan(FunctionAnalysis fa, Thresholds th) {
    if (estimate(fa, false) <= th.budget()) {
      return new Plan(false, List.of());
    }
    if (th.allowHelper() && estimate(fa, true) <= th.budget()) {
      return new Plan(true, List.of());
    }
    Selection sel = new Selection(fa, th);
    sel.reduce(0, fa.count - 1, 0, 0);
    return new Plan(false, nest(sel.regions));
  }

  /** Estimated JVM bytecode of the whole function. */
  static long estimate(FunctionAnalysis fa, boolean helperMode) {
    long total = 60;
    for (int i = 0; i < fa.count; i++) {
      total += instructionBytes(fa, i, helperMode);
    }
    return total;
  }

  /** Estimated bytecode of instruction {@code i} with its gas check and canonicalization. */
  static int instructionBytes(FunctionAnalysis fa, int i, boolean helperMode) {
    int op = fa.op[i];
    int bytes =
        switch (op) {
          case Opcodes.LOCAL_GET, Opcodes.LOCAL_SET, Opcodes.LOCAL_TEE -> 2;
          case Opcodes.GLOBAL_GET, Opcodes.GLOBAL_SET -> 7;
          case Opcodes.I32_CONST, Opcodes.I64_CONST, Opcodes.F32_CONST, Opcodes.F64_CONST -> 1;
          case Opcodes.CALL -> 23;
          case Opcodes.CALL_INDIRECT -> 30;
          case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF, Opcodes.ELSE, Opcodes.END -> 1;
          case Opcodes.BR, Opcodes.BR_IF, Opcodes.RETURN -> 4;
          case Opcodes.BR_TABLE -> 8 + 4 * fa.targets[i].length;
          default -> (op >= 0x28 && op <= 0x3E) ? 11 : 4;
        };
    if (fa.chargeBefore[i] > 0) {
      bytes += helperMode ? 25 : 48;
    }
    if (fa.canonAfter[i] != FunctionAnalysis.CANON_NONE) {
      bytes += 18;
    }
    return bytes;
  }

  /** Bottom-up selection of regions over the block tree. */
  private static final class Selection {
    final FunctionAnalysis fa;
    final Thresholds th;
    final List<Region> regions = new ArrayList<>();

    Selection(FunctionAnalysis fa, Thresholds th) {
      this.fa = fa;
      this.th = th;
    }

    /**
     * Selects regions inside the body {@code [from, to)} whose operand stack starts at {@code
     * base}, and returns the body's estimated size afterwards.
     */
    long reduce(int from, int to, int base, int level) {
      // Top-level items with their (already reduced) sizes; cut points between them.
      List<int[]> items = new ArrayList<>(); // {start, endExclusive}
      List<Long> sizes = new ArrayList<>();
      int i = from;
      while (i < to) {
        int op = fa.op[i];
        long size = instructionBytes(fa, i, false);
        int next = i + 1;
        if (op == Opcodes.BLOCK || op == Opcodes.LOOP || op == Opcodes.IF) {
          int end = fa.matching[i];
          int innerBase = fa.heightBefore[i] - (op == Opcodes.IF ? 1 : 0);
          int elseAt = op == Opcodes.IF ? fa.elseOf[i] : -1;
          if (level >= MAX_NESTING) {
            for (int k = i + 1; k < end; k++) {
              size += instructionBytes(fa, k, false);
            }
          } else if (elseAt >= 0) {
            size +=
                reduce(i + 1, elseAt, innerBase, level + 1) + instructionBytes(fa, elseAt, false);
            size += reduce(elseAt + 1, end, innerBase, level + 1);
          } else {
            size += reduce(i + 1, end, innerBase, level + 1);
          }
          size += instructionBytes(fa, end, false);
          next = end + 1;
        }
        items.add(new int[] {i, next});
        sizes.add(size);
        i = next;
      }
      long total = 0;
      for (long s : sizes) {
        total += s;
      }
      if (total <= th.chunk()) {
        return total;
      }
      // Greedy packing: a region is a run of whole statements (minimal runs of items from a
      // point where the stack is at the body's base to the next such point, or to dead code).
      long result = 0;
      int n = items.size();
      int k = 0;
      while (k < n) {
        if (!canStart(items.get(k)[0], base)) {
          result += sizes.get(k);
          k++;
          continue;
        }
        long acc = 0;
        int lastCut = -1;
        int j = k;
        while (j < n) {
          long stmt = 0;
          int m = j;
          boolean ended = false;
          while (m < n) {
            stmt += sizes.get(m);
            m++;
            if (canEnd(items.get(m - 1)[1], base)) {
              ended = true;
              break;
            }
          }
          // The first statement is always taken; later ones while the region stays within a
          // chunk.
          if (!ended || (lastCut >= 0 && acc + stmt > th.chunk())) {
            break;
          }
          acc += stmt;
          lastCut = m - 1;
          j = m;
          if (j >= n || !canStart(items.get(j)[0], base)) {
            break;
          }
        }
        if (lastCut >= 0 && acc >= th.minRegion()) {
          Region r = new Region(items.get(k)[0], items.get(lastCut)[1]);
          analyzeEscapes(r);
          regions.add(r);
          result += callBytes(r);
          k = lastCut + 1;
        } else {
          result += sizes.get(k);
          k++;
        }
      }
      return result;
    }

    private boolean canStart(int i, int base) {
      return fa.heightBefore[i] == base;
    }

    private boolean canEnd(int i, int base) {
      return fa.heightBefore[i] == base || fa.heightBefore[i] < 0;
    }

    private void analyzeEscapes(Region r) {
      List<Integer> escapes = new ArrayList<>();
      for (int i = r.start; i < r.end; i++) {
        int op = fa.op[i];
        if (op == Opcodes.BR || op == Opcodes.BR_IF || op == Opcodes.RETURN) {
          addEscape(escapes, r, fa.labelOf[i]);
        } else if (op == Opcodes.BR_TABLE) {
          for (int label : fa.tableLabels[i]) {
            addEscape(escapes, r, label);
          }
        }
      }
      r.escapes = List.copyOf(escapes);
      r.endsUnreachable = fa.heightBefore[r.end] < 0;
    }

    private static void addEscape(List<Integer> escapes, Region r, int label) {
      boolean inside = label >= r.start && label < r.end;
      if (!inside && !escapes.contains(label)) {
        escapes.add(label);
      }
    }

    private static long callBytes(Region r) {
      return 40 + 20L * r.escapes.size();
    }
  }

  /** Arranges selected regions into a containment tree, ordered by start. */
  static List<Region> nest(List<Region> regions) {
    List<Region> sorted = new ArrayList<>(regions);
    sorted.sort(Comparator.comparingInt((Region r) -> r.start).thenComparingInt(r -> -r.end));
    List<Region> roots = new ArrayList<>();
    List<Region> stack = new ArrayList<>();
    for (Region r : sorted) {
      while (!stack.isEmpty() && stack.get(stack.size() - 1).end <= r.start) {
        stack.remove(stack.size() - 1);
      }
      if (stack.isEmpty()) {
        roots.add(r);
      } else {
        stack.get(stack.size() - 1).children.add(r);
      }
      stack.add(r);
    }
    return roots;
  }
}
