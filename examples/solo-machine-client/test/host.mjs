// A minimal CosmWasm host for the contract, in plain Node.js (no npm packages): the Region ABI, the env imports the
// contract uses, read-only queries, a fresh instance per call (as wasmvm does), ibc-go 08-wasm's recovery store, and
// cosmwasm-vm's gas metering (metering.mjs) for the VM-internal gas of each call.
import crypto from 'node:crypto';
import {
  ED25519_VERIFY, EXHAUSTED, HOST_CALL, REMAINING, instrument, readRegionCost, writeRegionCost,
} from './metering.mjs';

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

export const bytes = (s) => (typeof s === 'string' ? enc.encode(s) : Uint8Array.from(s));
export const text = (b) => dec.decode(b);
export const hex = (b) => Buffer.from(b).toString('hex');
export const b64 = (b) => Buffer.from(b).toString('base64');
export const unb64 = (s) => new Uint8Array(Buffer.from(s, 'base64'));

// Keys compare bytewise; latin1 strings keep byte order under JS string comparison.
const keyOf = (b) => Buffer.from(b).toString('latin1');
const keyBytes = (s) => new Uint8Array(Buffer.from(s, 'latin1'));

/** An in-memory KV store with sorted iteration. */
export class MemStore {
  constructor(entries) {
    this.map = new Map(entries ?? []);
  }
  get(k) {
    const v = this.map.get(keyOf(k));
    return v === undefined ? null : v;
  }
  set(k, v) {
    this.map.set(keyOf(k), Uint8Array.from(v));
  }
  delete(k) {
    this.map.delete(keyOf(k));
  }
  /** Ascending entries in [start, end); null bounds are open. */
  range(start, end) {
    const s = start ? keyOf(start) : null;
    const e = end ? keyOf(end) : null;
    return [...this.map.keys()]
      .filter((k) => (s === null || k >= s) && (e === null || k < e))
      .sort()
      .map((k) => [keyBytes(k), this.map.get(k)]);
  }
  snapshot() {
    return new Map([...this.map].map(([k, v]) => [k, hex(v)]));
  }
  getString(k) {
    return this.get(bytes(k));
  }
}

const SUBJECT = bytes('subject/');
const SUBSTITUTE = bytes('substitute/');
const startsWith = (b, p) => b.length >= p.length && p.every((x, i) => b[i] === x);

/** ibc-go 08-wasm `ClientRecoveryStore`: subject/ read-write, substitute/ read-only, iterators strip the prefix. */
export class RecoveryStore {
  constructor(subject, substitute) {
    this.subject = subject;
    this.substitute = substitute;
  }
  split(k) {
    if (startsWith(k, SUBJECT)) return [this.subject, k.subarray(SUBJECT.length), true];
    if (startsWith(k, SUBSTITUTE)) return [this.substitute, k.subarray(SUBSTITUTE.length), false];
    return [null, k, false];
  }
  get(k) {
    const [store, key] = this.split(k);
    return store ? store.get(key) : null;
  }
  set(k, v) {
    const [store, key, writable] = this.split(k);
    if (writable) store.set(key, v);
  }
  delete(k) {
    const [store, key, writable] = this.split(k);
    if (writable) store.delete(key);
  }
  range(start, end) {
    const [s1, k1] = this.split(start);
    const [s2, k2] = this.split(end);
    if (!s1 || s1 !== s2) return [];
    return s1.range(k1, k2);
  }
}

export class ContractError extends Error {}
export class VmError extends Error {}

function verifyEd25519(message, signature, publicKey) {
  if (signature.length !== 64) return 4;
  if (publicKey.length !== 32) return 5;
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey)]);
  try {
    const key = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
    return crypto.verify(null, Buffer.from(message), key, Buffer.from(signature)) ? 0 : 1;
  } catch {
    return 10;
  }
}

export const GAS_LIMIT = 1_000_000_000_000_000n;

export class Host {
  /**
   * `metered`: an already instrumented module to run instead of instrumenting `wasmBytes` here (e.g. the Java VM's
   * `wasm08 vm instrument` output, to compare both instrumenters' gas on this contract).
   */
  constructor(wasmBytes, { profile = false, metered = null } = {}) {
    this.module = new WebAssembly.Module(metered ?? instrument(wasmBytes, { profile }));
    this.calls = []; // import names in call order, for inspection
  }

  instance(store, readOnly) {
    let memory;
    let exports;
    const iterators = [];
    const view = () => new DataView(memory.buffer);
    // cosmwasm-vm charges host work against the same budget as Wasm operators (process_gas_info).
    const charge = (amount) => {
      const remaining = exports[REMAINING];
      if (amount > remaining.value) {
        remaining.value = 0n;
        throw new VmError('Ran out of gas during contract execution');
      }
      remaining.value -= amount;
    };
    // read_region: charged on the declared length before anything is copied
    const readRegion = (ptr) => {
      if (ptr === 0) throw new VmError('null region');
      const dv = view();
      const offset = dv.getUint32(ptr, true);
      const capacity = dv.getUint32(ptr + 4, true);
      const length = dv.getUint32(ptr + 8, true);
      charge(readRegionCost(length));
      if (offset === 0) throw new VmError('Got a zero Wasm address in the offset');
      if (length > capacity) throw new VmError('Region length exceeds capacity');
      return new Uint8Array(memory.buffer.slice(offset, offset + length));
    };
    // write_to_contract: the guest's (metered) allocate, then write_region
    const writeToContract = (data) => {
      const ptr = exports.allocate(data.length);
      if (ptr === 0) throw new VmError('Got a zero Wasm address');
      charge(writeRegionCost(data.length));
      const dv = view();
      const offset = dv.getUint32(ptr, true);
      const capacity = dv.getUint32(ptr + 4, true);
      if (data.length > capacity) throw new VmError('Region too small');
      new Uint8Array(memory.buffer, offset, data.length).set(data);
      dv.setUint32(ptr + 8, data.length, true);
      return ptr;
    };
    const checkWrite = () => {
      if (readOnly) throw new VmError('Must not call a writing storage function in this context.');
    };
    const section = (parts) => {
      const out = [];
      for (const p of parts) {
        out.push(...p);
        out.push((p.length >>> 24) & 255, (p.length >>> 16) & 255, (p.length >>> 8) & 255, p.length & 255);
      }
      return Uint8Array.from(out);
    };
    const env = {
      db_read: (k) => {
        this.calls.push('db_read');
        charge(HOST_CALL);
        const v = store.get(readRegion(k));
        return v === null ? 0 : writeToContract(v);
      },
      db_write: (k, v) => {
        this.calls.push('db_write');
        charge(HOST_CALL);
        checkWrite();
        store.set(readRegion(k), readRegion(v));
      },
      db_remove: (k) => {
        this.calls.push('db_remove');
        charge(HOST_CALL);
        checkWrite();
        store.delete(readRegion(k));
      },
      db_scan: (s, e, order) => {
        this.calls.push('db_scan');
        charge(HOST_CALL);
        const start = s ? readRegion(s) : null;
        const end = e ? readRegion(e) : null;
        if (order !== 1 && order !== 2) throw new VmError(`Got an invalid value for iteration order: ${order}`);
        const entries = store.range(start, end);
        if (order === 2) entries.reverse();
        iterators.push({ entries, next: 0 });
        return iterators.length - 1; // wasmvm GoStorage ids start at 0
      },
      db_next: (id) => {
        this.calls.push('db_next');
        charge(HOST_CALL);
        const it = iterators[id];
        if (!it) throw new VmError(`Iterator with ID ${id} does not exist`);
        const entry = it.entries[it.next++] ?? [new Uint8Array(0), new Uint8Array(0)];
        return writeToContract(section(entry));
      },
      ed25519_verify: (m, s, k) => {
        this.calls.push('ed25519_verify');
        charge(HOST_CALL);
        const [message, signature, key] = [readRegion(m), readRegion(s), readRegion(k)];
        charge(ED25519_VERIFY);
        return verifyEd25519(message, signature, key);
      },
      abort: (m) => {
        charge(HOST_CALL);
        throw new VmError(`Aborted: ${text(readRegion(m))}`);
      },
    };
    // Link every import the module declares; an unexpected one is a test failure, not a silent stub.
    const imports = { env: {} };
    for (const imp of WebAssembly.Module.imports(this.module)) {
      if (imp.module !== 'env' || !(imp.name in env)) throw new Error(`unexpected import ${imp.module}.${imp.name}`);
      imports.env[imp.name] = env[imp.name];
    }
    const inst = new WebAssembly.Instance(this.module, imports);
    exports = inst.exports;
    memory = exports.memory;
    exports[REMAINING].value = GAS_LIMIT;
    const gasUsed = () => GAS_LIMIT - exports[REMAINING].value;
    return { exports, readRegion, writeToContract, gasUsed };
  }

  /**
   * Calls an entry point with JSON arguments as cosmwasm-vm's call_raw does (allocate + write each argument, call,
   * read the result, deallocate it); returns the parsed ContractResult and the VM-internal gas used.
   */
  call(entry, store, args, { readOnly = false } = {}) {
    const { exports, readRegion, writeToContract, gasUsed } = this.instance(store, readOnly);
    let raw;
    try {
      const ptrs = args.map((a) => writeToContract(bytes(typeof a === 'string' ? a : JSON.stringify(a))));
      const resultPtr = exports[entry](...ptrs);
      raw = text(readRegion(resultPtr));
      exports.deallocate(resultPtr);
    } catch (e) {
      if (exports[EXHAUSTED].value) throw new VmError('Ran out of gas during contract execution');
      throw e;
    }
    const profile = Object.entries(exports)
      .filter(([name]) => name.startsWith('gas_f'))
      .map(([name, g]) => [Number(name.slice(5)), g.value])
      .filter(([, gas]) => gas > 0n);
    return { raw, result: JSON.parse(raw), gas: gasUsed(), profile };
  }
}
