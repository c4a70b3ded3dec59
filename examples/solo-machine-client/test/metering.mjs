// cosmwasm-vm's gas metering, reimplemented for the Node harness (an independent cross-check of the Java VM):
// the module is rewritten the way wasmer-middlewares `Metering` rewrites it (cosmwasm-vm 3.0.x, cost function of
// `wasm_backend/engine.rs`), and host.mjs charges the host-side costs of `environment.rs` / `imports.rs`.
// Reference: ../../../../shared/reference/cosmwasm-vm.md §5–§7 (read in place, not copied).
import { Reader } from './wasm-reader.mjs';

export const OPERATOR = 115n;
export const ACCOUNTING = OPERATOR * 14n;

// Host costs (GasConfig::default, cosmwasm-vm 3.0).
export const HOST_CALL = 18_000n;
export const ED25519_VERIFY = 35_000_000n;
export const readRegionCost = (len) => 200_000n + 115n * BigInt(len);
export const writeRegionCost = (len) => 230_000n + 570n * BigInt(len);

export const REMAINING = 'wasmer_metering_remaining_points';
export const EXHAUSTED = 'wasmer_metering_points_exhausted';

// Loop, End, If, Else, Br, BrIf, BrTable, Call, CallIndirect, Return: the MVP accounting operators.
const isAccounting = (op) => [0x03, 0x0b, 0x04, 0x05, 0x0c, 0x0d, 0x0e, 0x10, 0x11, 0x0f].includes(op);

function leb(n) {
  const out = [];
  let v = n >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}

function sleb64(n) {
  const out = [];
  let v = BigInt(n);
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && !(b & 0x40)) || (v === -1n && b & 0x40)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}


/**
 * Skips the immediates of operator `op`: the MVP plus what cosmwasm-vm also accepts in other contracts
 * (multi-value block types, sign extension 0xc0–0xc4, saturating float-to-int 0xfc 0–7).
 */
function skipImmediates(r, op) {
  if (op === 0x02 || op === 0x03 || op === 0x04) r.skipLeb(); // block type: s33
  else if (op === 0xfc) r.u32();
  else if (op === 0x0c || op === 0x0d || op === 0x10 || (op >= 0x20 && op <= 0x24)) r.u32();
  else if (op === 0x0e) for (let n = r.u32(); n >= 0; n--) r.u32();
  else if (op === 0x11) { r.u32(); r.byte(); }
  else if (op >= 0x28 && op <= 0x3e) { r.u32(); r.u32(); }
  else if (op === 0x3f || op === 0x40) r.byte();
  else if (op === 0x41 || op === 0x42) r.skipLeb();
  else if (op === 0x43) r.pos += 4;
  else if (op === 0x44) r.pos += 8;
}

function check(cost, remaining, exhausted) {
  return [
    0x23, ...leb(remaining), 0x42, ...sleb64(cost), 0x54, // remaining < cost
    0x04, 0x40, 0x41, 0x01, 0x24, ...leb(exhausted), 0x00, 0x0b, // if: exhausted = 1; unreachable
    0x23, ...leb(remaining), 0x42, ...sleb64(cost), 0x7d, 0x24, ...leb(remaining), // remaining -= cost
  ];
}

/** 3.0.9: functions with ≥ 30 declared locals pay 115 per local above 29 on their first operator. */
const CHARGED_LOCALS_THRESHOLD = 30n;

/** With `counter` (a global index), every charge is also added to that per-function counter (profiling). */
function charged(cost, remaining, exhausted, counter) {
  const code = check(cost, remaining, exhausted);
  if (counter !== undefined) code.push(0x23, ...leb(counter), 0x42, ...sleb64(cost), 0x7c, 0x24, ...leb(counter));
  return code;
}

function meterBody(buf, start, end, remaining, exhausted, chargeLocals, counter) {
  const r = new Reader(buf, start, end);
  let locals = 0n;
  for (let groups = r.u32(); groups > 0; groups--) {
    locals += BigInt(r.u32());
    r.byte();
  }
  const out = append([], buf.subarray(start, r.pos));
  let acc = 0n;
  let first = true;
  while (r.pos < end) {
    const at = r.pos;
    const op = r.byte();
    skipImmediates(r, op);
    if (first && chargeLocals && locals >= CHARGED_LOCALS_THRESHOLD) {
      const localsCost = OPERATOR * (locals - (CHARGED_LOCALS_THRESHOLD - 1n));
      if (isAccounting(op)) acc += localsCost;
      else out.push(...charged(localsCost, remaining, exhausted, counter));
    }
    first = false;
    acc += isAccounting(op) ? ACCOUNTING : OPERATOR;
    if (isAccounting(op) && acc > 0n) {
      out.push(...charged(acc, remaining, exhausted, counter));
      acc = 0n;
    }
    append(out, buf.subarray(at, r.pos));
  }
  return out;
}

// Appends without spreading: module sections exceed the engine's argument limits.
function append(out, bytes) {
  for (const b of bytes) out.push(b);
  return out;
}

const section = (id, body) => append([id, ...leb(body.length)], body);

/**
 * Returns the metered module: two exported globals and the gas checks before every accounting operator;
 * `chargeLocals` adds cosmwasm-vm 3.0.9's charge for functions with many locals (none in this contract).
 */
export function instrument(wasm, { chargeLocals = true, profile = false } = {}) {
  const buf = Uint8Array.from(wasm);
  const sections = [];
  let pos = 8;
  let importedGlobals = 0;
  let globals = null;
  while (pos < buf.length) {
    const id = buf[pos];
    const r = new Reader(buf, pos + 1, buf.length);
    const size = r.u32();
    sections.push({ id, start: r.pos, end: r.pos + size });
    if (id === 2) {
      const s = new Reader(buf, r.pos, r.pos + size);
      for (let n = s.u32(); n > 0; n--) {
        for (let name = 0; name < 2; name++) {
          const length = s.u32();
          s.pos += length;
        }
        const kind = s.byte();
        if (kind === 3) importedGlobals++;
        if (kind === 0) s.u32();
        else if (kind === 1) { s.byte(); if (s.byte() & 1) s.u32(); s.u32(); }
        else if (kind === 2) { if (s.byte() & 1) s.u32(); s.u32(); }
        else { s.byte(); s.byte(); }
      }
    }
    if (id === 6) globals = new Reader(buf, r.pos, r.pos + size).u32();
    pos = r.pos + size;
  }
  const defined = globals ?? 0;
  const remaining = importedGlobals + defined;
  const exhausted = remaining + 1;
  const newGlobals = [0x7e, 0x01, 0x42, 0x00, 0x0b, 0x7f, 0x01, 0x41, 0x00, 0x0b];
  // profiling: one i64 counter per defined function, exported as gas_f<i> (i = index among defined functions)
  const code = sections.find((x) => x.id === 10);
  const functionCount = profile && code ? new Reader(buf, code.start, code.end).u32() : 0;
  for (let i = 0; i < functionCount; i++) newGlobals.push(0x7e, 0x01, 0x42, 0x00, 0x0b);

  const out = append([], buf.subarray(0, 8));
  let wroteGlobals = false;
  const writeGlobals = (existing) => {
    const added = 2 + functionCount;
    const body = append(existing ? append(leb(defined + added), existing) : leb(added), newGlobals);
    append(out, section(6, body));
    wroteGlobals = true;
  };
  for (const s of sections) {
    const content = buf.subarray(s.start, s.end);
    if (s.id === 6) {
      const r = new Reader(buf, s.start, s.end);
      r.u32();
      writeGlobals(buf.subarray(r.pos, s.end));
      continue;
    }
    if (!wroteGlobals && s.id !== 0 && s.id > 6) writeGlobals(null);
    if (s.id === 7) {
      const r = new Reader(buf, s.start, s.end);
      const count = r.u32();
      const name = (n) => [...leb(n.length), ...new TextEncoder().encode(n)];
      const body = append(leb(count + 2 + functionCount), buf.subarray(r.pos, s.end));
      append(body, [...name(REMAINING), 0x03, ...leb(remaining), ...name(EXHAUSTED), 0x03, ...leb(exhausted)]);
      for (let i = 0; i < functionCount; i++) append(body, [...name(`gas_f${i}`), 0x03, ...leb(exhausted + 1 + i)]);
      append(out, section(7, body));
    } else if (s.id === 10) {
      const r = new Reader(buf, s.start, s.end);
      const bodies = [];
      for (let n = r.u32(), i = 0; n > 0; n--, i++) {
        const size = r.u32();
        const counter = profile ? exhausted + 1 + i : undefined;
        bodies.push(meterBody(buf, r.pos, r.pos + size, remaining, exhausted, chargeLocals, counter));
        r.pos += size;
      }
      const body = leb(bodies.length);
      for (const b of bodies) append(append(body, leb(b.length)), b);
      append(out, section(10, body));
    } else {
      append(out, section(s.id, content));
    }
  }
  return Uint8Array.from(out);
}
