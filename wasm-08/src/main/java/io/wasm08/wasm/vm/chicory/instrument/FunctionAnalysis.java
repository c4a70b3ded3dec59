package io.wasm08.wasm.vm.chicory.instrument;

import io.wasm08.wasm.vm.chicory.binary.BinaryModule;
import io.wasm08.wasm.vm.chicory.binary.CodeReader;
import io.wasm08.wasm.vm.chicory.binary.FuncType;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.FunctionBody;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.LocalDecl;
import io.wasm08.wasm.vm.chicory.binary.Opcodes;
import io.wasm08.wasm.vm.chicory.binary.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over a function body of a validated, Gatekeeper-clean module that decides everything
 * position-dependent before any code is moved:
 *
 * <ul>
 *   <li>metering: the gas check before each instruction, exactly as cosmwasm-vm 3.0.9's {@code
 *       FunctionMetering::feed} places it (per original operator, reachable or not);
 *   <li>NaN canonicalization: after which instruction the result is canonicalized, following
 *       Singlepass's "pending canonicalization" tracking (see {@link #canonAfter});
 *   <li>structure: the label every branch targets (by the index of the instruction opening it, or
 *       {@link #FUNCTION_LABEL}), matching ends, operand stack heights and reachability, used to
 *       cut large functions into pieces without changing behaviour or gas.
 * </ul>
 */
final class FunctionAnalysis {
  /** The label of the function body itself. */
  static final int FUNCTION_LABEL = -1;

  static final int CANON_NONE = 0;
  static final int CANON_F32 = 1;
  static final int CANON_F64 = 2;

  final FuncType type;
  final List<ValueType> localTypes; // params first, then declared locals
  final int declaredLocals;
  final int count;
  final int[] offset;
  final int[] end;
  final int[] op;
  final long[] a;
  final long[] b;
  final int[][] targets; // br_table relative targets
  final long[] chargeBefore;
  final byte[] canonAfter;
  final int[] heightBefore; // -1 where unreachable
  final int[] depth; // open blocks before the instruction (function level = 0)
  final int[] matching; // block/loop/if → its end; else → its end; end → its opener (-1 final)
  final int[] elseOf; // if → its else, or -1
  final int[] labelOf; // branch target label for br / br_if; FUNCTION_LABEL for return
  final int[][] tableLabels; // br_table target labels
  final boolean usesF32Canon;
  final boolean usesF64Canon;

  private final byte[] bytes;

  FunctionAnalysis(BinaryModule module, FunctionBody body, boolean chargeLocals) {
    this.bytes = module.bytes();
    int typeIndex = module.functionTypeIndex(body.definedIndex());
    this.type = module.types().get(typeIndex);
    List<ValueType> locals = new ArrayList<>(type.params());
    for (LocalDecl d : body.locals()) {
      for (int k = 0; k < d.count(); k++) {
        locals.add(d.type());
      }
    }
    this.localTypes = List.copyOf(locals);
    this.declaredLocals = body.localCount();

    // Decode once into arrays.
    List<long[]> raw = new ArrayList<>();
    List<int[]> tables = new ArrayList<>();
    CodeReader code = new CodeReader(bytes, body.codeStart(), body.end());
    while (code.hasNext()) {
      code.next();
      if (code.stuck()) {
        throw new IllegalStateException("undecodable instruction in a validated module");
      }
      raw.add(new long[] {code.offset, code.end, code.op, code.a, code.b});
      tables.add(code.targets);
    }
    count = raw.size();
    offset = new int[count];
    end = new int[count];
    op = new int[count];
    a = new long[count];
    b = new long[count];
    targets = new int[count][];
    for (int i = 0; i < count; i++) {
      long[] r = raw.get(i);
      offset[i] = (int) r[0];
      end[i] = (int) r[1];
      op[i] = (int) r[2];
      a[i] = r[3];
      b[i] = r[4];
      targets[i] = tables.get(i);
    }
    chargeBefore = new long[count];
    canonAfter = new byte[count];
    heightBefore = new int[count];
    depth = new int[count];
    matching = new int[count];
    elseOf = new int[count];
    labelOf = new int[count];
    tableLabels = new int[count][];
    Arrays.fill(matching, -1);
    Arrays.fill(elseOf, -1);
    Arrays.fill(labelOf, Integer.MIN_VALUE);

    meter(chargeLocals);
    boolean[] flags = simulate(module);
    usesF32Canon = flags[0];
    usesF64Canon = flags[1];
  }

  /** The bytes of instruction {@code i} as in the original module. */
  void copyInstruction(int i, io.wasm08.wasm.vm.chicory.binary.WasmWriter out) {
    out.bytes(bytes, offset[i], end[i]);
  }

  /** cosmwasm-vm 3.0.9 {@code FunctionMetering::feed}, operator by operator. */
  private void meter(boolean chargeLocals) {
    long localsCost = chargeLocals ? Metering.localsCharge(declaredLocals) : 0;
    long accumulated = 0;
    for (int i = 0; i < count; i++) {
      boolean accounting = Opcodes.isAccounting(op[i]);
      if (i == 0 && localsCost > 0) {
        if (accounting) {
          accumulated += localsCost;
        } else {
          // A separate check at function entry, before the first operator.
          chargeBefore[i] = localsCost;
        }
      }
      accumulated += Metering.cost(op[i]);
      if (accounting && accumulated > 0) {
        // The entry check (if any) and this one both precede instruction 0 only when the first
        // operator is accounting — then the locals cost was merged above instead.
        chargeBefore[i] += accumulated;
        accumulated = 0;
      }
    }
  }

  /** A control frame of the simulation. */
  private static final class Frame {
    final int opener; // instruction index, or FUNCTION_LABEL
    final int height;
    final int results;
    final boolean loop;
    boolean unreachable;

    Frame(int opener, int height, int results, boolean loop) {
      this.opener = opener;
      this.height = height;
      this.results = results;
      this.loop = loop;
    }
  }

  /**
   * Operand-stack simulation: heights, reachability, labels, and per value whether Singlepass would
   * still have to canonicalize it ("pending"). Returns {f32 canon used, f64 canon used}.
   */
  private boolean[] simulate(BinaryModule module) {
    boolean f32 = false;
    boolean f64 = false;
    List<Frame> frames = new ArrayList<>();
    boolean[] pending = new boolean[64];
    int height = 0;
    frames.add(new Frame(FUNCTION_LABEL, 0, type.results().size(), false));
    for (int i = 0; i < count; i++) {
      Frame top = frames.get(frames.size() - 1);
      boolean reachable = !top.unreachable;
      heightBefore[i] = reachable ? height : -1;
      depth[i] = frames.size() - 1;
      int o = op[i];
      switch (o) {
        case Opcodes.BLOCK, Opcodes.LOOP -> {
          frames.add(new Frame(i, height, blockResults(a[i]), o == Opcodes.LOOP));
        }
        case Opcodes.IF -> {
          height = pop(top, height, 1);
          frames.add(new Frame(i, height, blockResults(a[i]), false));
        }
        case Opcodes.ELSE -> {
          elseOf[top.opener] = i;
          top.unreachable = false;
          height = top.height;
        }
        case Opcodes.END -> {
          frames.remove(frames.size() - 1);
          height = top.height;
          if (top.opener != FUNCTION_LABEL) {
            matching[top.opener] = i;
            matching[i] = top.opener;
            if (elseOf[top.opener] >= 0) {
              matching[elseOf[top.opener]] = i;
            }
            pending = grow(pending, height + top.results);
            for (int k = 0; k < top.results; k++) {
              pending[height++] = false;
            }
          }
        }
        case Opcodes.BR -> {
          labelOf[i] = labelAt(frames, (int) a[i]);
          height = unreachable(top);
        }
        case Opcodes.BR_IF -> {
          labelOf[i] = labelAt(frames, (int) a[i]);
          height = pop(top, height, 1);
        }
        case Opcodes.BR_TABLE -> {
          int[] t = targets[i];
          int[] labels = new int[t.length];
          for (int k = 0; k < t.length; k++) {
            labels[k] = labelAt(frames, t[k]);
          }
          tableLabels[i] = labels;
          height = unreachable(top);
        }
        case Opcodes.RETURN -> {
          labelOf[i] = FUNCTION_LABEL;
          height = unreachable(top);
        }
        case Opcodes.UNREACHABLE -> height = unreachable(top);
        case Opcodes.CALL, Opcodes.CALL_INDIRECT -> {
          FuncType t =
              o == Opcodes.CALL ? module.functionType((int) a[i]) : module.types().get((int) a[i]);
          height = pop(top, height, t.params().size() + (o == Opcodes.CALL_INDIRECT ? 1 : 0));
          pending = grow(pending, height + t.results().size());
          for (int k = 0; k < t.results().size(); k++) {
            pending[height++] = false;
          }
        }
        case Opcodes.DROP -> height = pop(top, height, 1);
        case Opcodes.SELECT, Opcodes.SELECT_T -> {
          height = pop(top, height, 3);
          pending = grow(pending, height + 1);
          pending[height++] = false;
        }
        case Opcodes.LOCAL_GET, Opcodes.GLOBAL_GET -> {
          pending = grow(pending, height + 1);
          pending[height++] = false;
        }
        case Opcodes.LOCAL_SET, Opcodes.GLOBAL_SET -> height = pop(top, height, 1);
        case Opcodes.LOCAL_TEE -> {
          // The value stays on the stack with its canonicalization state (Singlepass peeks).
        }
        default -> {
          String sig = Opcodes.info(o).sig();
          int colon = sig.indexOf(':');
          int pops = colon;
          int pushes = sig.length() - colon - 1;
          boolean inPending = height > top.height && pops == 1 && pending[height - 1];
          height = pop(top, height, pops);
          pending = grow(pending, height + pushes);
          for (int k = 0; k < pushes; k++) {
            pending[height++] = false;
          }
          int canon = canonicalization(o, inPending);
          if (canon != CANON_NONE && pushes == 1) {
            pending[height - 1] = producesPending(o) || ((isNeg(o) || isAbs(o)) && inPending);
            if (reachable) {
              canonAfter[i] = (byte) canon;
              f32 |= canon == CANON_F32;
              f64 |= canon == CANON_F64;
            }
          } else if (pushes == 1 && isPreserving(o)) {
            pending[height - 1] = inPending;
          }
        }
      }
    }
    return new boolean[] {f32, f64};
  }

  private static boolean[] grow(boolean[] p, int needed) {
    return needed <= p.length ? p : Arrays.copyOf(p, Math.max(needed, p.length * 2));
  }

  private static int pop(Frame top, int height, int n) {
    // In unreachable code the stack is polymorphic: popping below the frame yields nothing.
    return Math.max(top.unreachable ? top.height : 0, height - n);
  }

  private static int unreachable(Frame top) {
    top.unreachable = true;
    return top.height;
  }

  private static int labelAt(List<Frame> frames, int relativeDepth) {
    return frames.get(frames.size() - 1 - relativeDepth).opener;
  }

  /** Results of a block type (empty or one value type; multi-value is rejected earlier). */
  static int blockResults(long blockType) {
    return blockType == CodeReader.BLOCK_EMPTY ? 0 : 1;
  }

  /** Add, sub, mul, div, sqrt, ceil, floor, trunc, nearest: their result is pending. */
  private static boolean producesPending(int o) {
    return (o >= 0x8D && o <= 0x95) || (o >= 0x9B && o <= 0xA3);
  }

  private static boolean isMinMax(int o) {
    return o == 0x96 || o == 0x97 || o == 0xA4 || o == 0xA5;
  }

  private static boolean isNeg(int o) {
    return o == 0x8C || o == 0x9A;
  }

  private static boolean isAbs(int o) {
    return o == 0x8B || o == 0x99;
  }

  /** Promote and demote keep the pending state of their operand. */
  private static boolean isPreserving(int o) {
    return o == 0xBB || o == 0xB6;
  }

  /**
   * Whether the result of {@code o} must be canonicalized here so that every observation of it
   * equals Singlepass's: pending producers are canonicalized eagerly (Singlepass canonicalizes them
   * before any observation); min/max yield the canonical NaN in Singlepass's code; neg/abs of a
   * pending value stay pending there, so their result is canonicalized again. Promote/demote of a
   * canonical NaN are canonical.
   */
  private static int canonicalization(int o, boolean inputPending) {
    boolean canon = producesPending(o) || isMinMax(o) || ((isNeg(o) || isAbs(o)) && inputPending);
    if (!canon) {
      return CANON_NONE;
    }
    return o < 0x99 ? CANON_F32 : CANON_F64;
  }
}
