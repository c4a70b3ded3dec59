// cosmwasm-vm's static checks (compatibility.rs check_wasm, gatekeeper) as they apply to this module, on the raw
// binary: imports, exports, memory, table, locals per function and an MVP-only instruction set.
import { Reader } from './wasm-reader.mjs';

const SUPPORTED_IMPORTS = new Set([
  'db_read', 'db_write', 'db_remove', 'db_scan', 'db_next', 'db_next_key', 'db_next_value',
  'addr_validate', 'addr_canonicalize', 'addr_humanize',
  'secp256k1_verify', 'secp256k1_recover_pubkey', 'secp256r1_verify', 'secp256r1_recover_pubkey',
  'ed25519_verify', 'ed25519_batch_verify',
  'bls12_381_aggregate_g1', 'bls12_381_aggregate_g2', 'bls12_381_pairing_equality',
  'bls12_381_hash_to_g1', 'bls12_381_hash_to_g2',
  'debug', 'abort', 'query_chain',
]);


/** Walks one function body's instructions; returns the first non-MVP opcode found, or null. */
function firstNonMvpOpcode(r) {
  while (r.pos < r.end) {
    const op = r.byte();
    if (op === 0x02 || op === 0x03 || op === 0x04) {
      const bt = r.byte();
      if (bt !== 0x40 && ![0x7f, 0x7e, 0x7d, 0x7c].includes(bt)) return `blocktype 0x${bt.toString(16)}`;
    } else if (op === 0x0c || op === 0x0d || op === 0x10 || (op >= 0x20 && op <= 0x24)) {
      r.u32();
    } else if (op === 0x0e) {
      for (let n = r.u32(); n >= 0; n--) r.u32();
    } else if (op === 0x11) {
      r.u32();
      if (r.byte() !== 0) return 'call_indirect with a table index';
    } else if (op >= 0x28 && op <= 0x3e) {
      r.u32();
      r.u32();
    } else if (op === 0x3f || op === 0x40) {
      if (r.byte() !== 0) return 'memory index';
    } else if (op === 0x41 || op === 0x42) {
      r.skipLeb();
    } else if (op === 0x43) {
      r.pos += 4;
    } else if (op === 0x44) {
      r.pos += 8;
    } else if (
      op === 0x00 || op === 0x01 || op === 0x05 || op === 0x0b || op === 0x0f || op === 0x1a || op === 0x1b ||
      (op >= 0x45 && op <= 0xbf)
    ) {
      // no immediates
    } else {
      return `opcode 0x${op.toString(16)}`;
    }
  }
  return null;
}

/** Returns a list of problems (empty when the module passes) and facts about it. */
export function checkWasm(buf, availableCapabilities = ['iterator']) {
  const problems = [];
  const facts = { imports: [], exports: [], memories: [], tables: [], maxLocals: 0, totalLocals: 0, functions: 0 };
  const r = new Reader(buf);
  if (buf[0] !== 0 || buf[1] !== 0x61 || buf[2] !== 0x73 || buf[3] !== 0x6d) return { problems: ['no wasm magic'], facts };
  r.pos = 8;
  while (r.pos < buf.length) {
    const id = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    const s = new Reader(buf, r.pos, end);
    if (id === 2) {
      for (let n = s.u32(); n > 0; n--) {
        const module = s.name();
        const name = s.name();
        const kind = s.byte();
        if (kind === 0) s.u32();
        else if (kind === 1) { s.byte(); s.limits(); }
        else if (kind === 2) s.limits();
        else if (kind === 3) { s.byte(); s.byte(); }
        facts.imports.push(`${module}.${name}`);
        if (kind !== 0) problems.push(`non-function import ${module}.${name}`);
        if (module !== 'env' || !SUPPORTED_IMPORTS.has(name)) problems.push(`unsupported import ${module}.${name}`);
      }
    } else if (id === 4) {
      for (let n = s.u32(); n > 0; n--) {
        s.byte();
        facts.tables.push(s.limits());
      }
    } else if (id === 5) {
      for (let n = s.u32(); n > 0; n--) facts.memories.push(s.limits());
    } else if (id === 7) {
      for (let n = s.u32(); n > 0; n--) {
        const name = s.name();
        const kind = s.byte();
        s.u32();
        facts.exports.push({ name, kind });
      }
    } else if (id === 10) {
      for (let n = s.u32(); n > 0; n--) {
        const bodySize = s.u32();
        const bodyEnd = s.pos + bodySize;
        const body = new Reader(buf, s.pos, bodyEnd);
        let locals = 0;
        for (let groups = body.u32(); groups > 0; groups--) {
          locals += body.u32();
          body.byte();
        }
        facts.functions++;
        facts.maxLocals = Math.max(facts.maxLocals, locals);
        facts.totalLocals += locals;
        const bad = firstNonMvpOpcode(body);
        if (bad) problems.push(`function ${facts.functions - 1}: ${bad} is not a CosmWasm-allowed MVP instruction`);
        s.pos = bodyEnd;
      }
    } else if (id === 12) {
      problems.push('data count section (bulk memory)');
    }
    r.pos = end;
  }

  if (facts.tables.length > 1) problems.push('Wasm contract must not have more than 1 table section');
  for (const t of facts.tables) {
    if (t.maximum === null) problems.push('Wasm contract must not have unbound table section');
    else if (t.maximum > 2500) problems.push("Wasm contract's first table section has a too large max limit");
  }
  if (facts.memories.length !== 1) problems.push('Wasm contract must contain exactly one memory');
  for (const m of facts.memories) {
    if (m.initial > 512) problems.push("Wasm contract memory's minimum must not exceed 512 pages.");
    if (m.maximum !== null) problems.push("Wasm contract memory's maximum must be unset. The host will set it for you.");
  }
  const fnExports = facts.exports.filter((e) => e.kind === 0).map((e) => e.name);
  const versions = fnExports.filter((n) => n.startsWith('interface_version_'));
  if (versions.length !== 1 || versions[0] !== 'interface_version_8') problems.push(`interface versions ${versions}`);
  for (const req of ['allocate', 'deallocate']) if (!fnExports.includes(req)) problems.push(`missing export ${req}`);
  if (!facts.exports.some((e) => e.name === 'memory' && e.kind === 2)) problems.push('no exported memory');
  const required = fnExports.filter((n) => n.startsWith('requires_')).map((n) => n.slice(9));
  for (const cap of required) if (!availableCapabilities.includes(cap)) problems.push(`requires unavailable ${cap}`);
  if (facts.imports.length > 100) problems.push('Import count exceeds limit');
  if (facts.maxLocals > 100) problems.push(`Wasm contract contains function with more than 100 locals: ${facts.maxLocals}`);
  if (facts.totalLocals > 10000) problems.push('more than 10000 function locals in total');
  facts.requiredCapabilities = required;
  facts.entryPoints = fnExports.filter((n) =>
    ['instantiate', 'execute', 'migrate', 'sudo', 'reply', 'query'].includes(n));
  return { problems, facts };
}
