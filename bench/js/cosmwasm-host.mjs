// A minimal CosmWasm host for Node.js (V8), for the engine-speed comparison in bench/run.sh:
// it runs the module that `wasm08 vm instrument` writes — the same instrumented Wasm our engine
// runs — with cosmwasm-vm's Region ABI and the host-side gas rules of our engine
// (io.wasm08.wasm.vm.chicory.Environment / Imports), so both engines report identical gas.
//
// Costs are not duplicated here: the Java side passes GasConfig.DEFAULT in the spec file.
// The storage backend reports no gas (as the Java side's bench storage), the address API fails
// like 08-wasm's (user errors, no gas), and query_chain is unsupported. Only what the benchmarked
// contracts call is implemented with full fidelity; the crypto imports are stubs that fail loudly.

const REMAINING = 'wasmer_metering_remaining_points';
const EXHAUSTED = 'wasmer_metering_points_exhausted';
const CALL_DEPTH = 'wasm08_call_depth';
const CALL_DEPTH_EXCEEDED = 'wasm08_call_depth_exceeded';
const RESULT_MAX = 64n * 1024n * 1024n;
const KI = 1024n;

export class VmError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

const linear = (c, n) => BigInt(c.base) + BigInt(c.perItem) * BigInt(n);

/** One call on one fresh instance (wasmvm's model). */
class Call {
  constructor(instance, gas, storage, gasLimit) {
    this.exports = instance.exports;
    this.gas = gas;
    this.storage = storage;
    this.gasLimit = gasLimit;
    this.externallyUsed = 0n;
    this.readonly = true;
    this.depth = 0;
    this.setGasLeft(gasLimit);
  }

  // ---- gas (Environment.getGasLeft / setGasLeft / processGasInfo) ----
  gasLeft() {
    return this.exports[EXHAUSTED].value !== 0 ? 0n : this.exports[REMAINING].value;
  }

  setGasLeft(v) {
    this.exports[REMAINING].value = v;
    this.exports[EXHAUSTED].value = 0;
  }

  processGasInfo(cost, externallyUsed = 0n) {
    const left = this.gasLeft();
    this.externallyUsed += externallyUsed;
    let next = left - externallyUsed;
    if (next < 0n) next = 0n;
    next -= cost;
    if (next < 0n) next = 0n;
    this.setGasLeft(next);
    if (externallyUsed + cost > left) throw new VmError('GAS_DEPLETION', 'Ran out of gas during contract execution');
  }

  charge(cost) {
    this.processGasInfo(cost, 0n);
  }

  report() {
    const remaining = this.gasLeft();
    let internal = this.gasLimit - this.externallyUsed;
    if (internal < 0n) internal = 0n;
    internal -= remaining;
    if (internal < 0n) internal = 0n;
    return { limit: this.gasLimit, remaining, usedExternally: this.externallyUsed, usedInternally: internal };
  }

  // ---- memory and regions (Environment.readRegion / writeRegion) ----
  view() {
    return new DataView(this.exports.memory.buffer);
  }

  region(ptr) {
    const size = BigInt(this.exports.memory.buffer.byteLength);
    if (BigInt(ptr) + 12n > size) throw new VmError('COMMUNICATION_ERR', `Could not dereference this pointer to a Region: ${ptr}`);
    const v = this.view();
    const r = { offset: v.getUint32(ptr, true), capacity: v.getUint32(ptr + 4, true), length: v.getUint32(ptr + 8, true) };
    if (r.offset === 0) throw new VmError('COMMUNICATION_ERR', 'Got a zero Wasm address in the offset');
    if (r.length > r.capacity) throw new VmError('COMMUNICATION_ERR', 'Region length exceeds capacity');
    if (BigInt(r.capacity) > 0xFFFFFFFFn - BigInt(r.offset)) throw new VmError('COMMUNICATION_ERR', 'Region exceeds address space');
    return r;
  }

  readRegionCost(n) {
    const big = BigInt(n) > 8_000_000n;
    return linear(big ? this.gas.readRegionLargeCost : this.gas.readRegionSmallCost, n);
  }

  readRegion(ptr, max) {
    const r = this.region(ptr);
    this.charge(this.readRegionCost(r.length));
    if (BigInt(r.length) > max) throw new VmError('COMMUNICATION_ERR', `Region length too big. Got ${r.length}, limit ${max}`);
    if (r.offset + r.length > this.exports.memory.buffer.byteLength) throw new VmError('COMMUNICATION_ERR', 'Region access out of bounds');
    return new Uint8Array(this.exports.memory.buffer, r.offset, r.length).slice();
  }

  maybeReadRegion(ptr, max) {
    return ptr === 0 ? null : this.readRegion(ptr, max);
  }

  writeRegion(ptr, data) {
    const r = this.region(ptr);
    this.charge(linear(this.gas.writeRegionCost, data.length));
    if (data.length > r.capacity) throw new VmError('COMMUNICATION_ERR', `Region too small. Got ${r.capacity}, required ${data.length}`);
    if (r.offset + data.length > this.exports.memory.buffer.byteLength) throw new VmError('COMMUNICATION_ERR', 'Region access out of bounds');
    new Uint8Array(this.exports.memory.buffer, r.offset, data.length).set(data);
    this.view().setUint32(ptr + 8, data.length, true);
  }

  writeToContract(data) {
    const ptr = this.callFunction('allocate', [data.length]);
    if (ptr === 0) throw new VmError('COMMUNICATION_ERR', 'Got a zero Wasm address');
    this.writeRegion(ptr, data);
    return ptr;
  }

  // ---- calling into the guest (Environment.callFunction) ----
  callFunction(name, args) {
    if (this.depth === 0) {
      if (this.exports[CALL_DEPTH]) this.exports[CALL_DEPTH].value = 0;
      if (this.exports[CALL_DEPTH_EXCEEDED]) this.exports[CALL_DEPTH_EXCEEDED].value = 0;
    }
    this.depth++;
    try {
      if (this.depth > 2) throw new VmError('MAX_CALL_DEPTH_EXCEEDED', 'Maximum call depth exceeded.');
      try {
        return this.exports[name](...args);
      } catch (e) {
        if (this.exports[EXHAUSTED].value !== 0) throw new VmError('GAS_DEPLETION', 'Ran out of gas during contract execution');
        if (e instanceof VmError) throw new VmError('RUNTIME_ERR', `Error executing Wasm: Wasmer runtime error: RuntimeError: ${e.message}`);
        throw new VmError('RUNTIME_ERR', `Error executing Wasm: Wasmer runtime error: RuntimeError: ${e.message}`);
      }
    } finally {
      this.depth--;
    }
  }

  /** calls.rs call_raw: each argument in a fresh region, the result read and deallocated. */
  callRaw(entryPoint, readonly, args) {
    this.readonly = readonly;
    const ptrs = args.map((a) => {
      const p = this.callFunction('allocate', [a.length]);
      if (p === 0) throw new VmError('COMMUNICATION_ERR', 'Got a zero Wasm address');
      this.writeRegion(p, a);
      return p;
    });
    const resultPtr = this.callFunction(entryPoint, ptrs);
    const data = this.readRegion(resultPtr, RESULT_MAX);
    this.callFunction('deallocate', [resultPtr]);
    return data;
  }

  // ---- imports (Imports.java, same charging order) ----
  hostCall() {
    this.charge(BigInt(this.gas.hostCallCost));
  }

  imports() {
    const utf8 = new TextEncoder();
    const userError = (msg) => this.writeToContract(utf8.encode(msg));
    const addressInput = (ptr) => {
      const data = this.readRegion(ptr, 256n);
      if (data.length === 0) return { rejected: userError('Input is empty') };
      this.charge(linear(this.gas.stringFromBytesCost, data.length));
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(data);
      } catch {
        return { rejected: userError('Input is not valid UTF-8') };
      }
      return {};
    };
    const unsupported = (name) => () => {
      throw new VmError('BACKEND_ERR', `${name} is not part of the benchmark host`);
    };
    const env = {
      db_read: (keyPtr) => {
        this.hostCall();
        const key = this.readRegion(keyPtr, 64n * KI);
        this.processGasInfo(0n, 0n);
        const value = this.storage.get(Buffer.from(key).toString('hex'));
        return value === undefined ? 0 : this.writeToContract(value);
      },
      db_write: (keyPtr, valuePtr) => {
        this.hostCall();
        if (this.readonly) throw new VmError('WRITE_ACCESS_DENIED', 'Must not call a writing storage function in this context.');
        const key = this.readRegion(keyPtr, 64n * KI);
        const value = this.readRegion(valuePtr, 128n * KI);
        this.processGasInfo(0n, 0n);
        this.storage.set(Buffer.from(key).toString('hex'), value);
      },
      db_remove: (keyPtr) => {
        this.hostCall();
        if (this.readonly) throw new VmError('WRITE_ACCESS_DENIED', 'Must not call a writing storage function in this context.');
        const key = this.readRegion(keyPtr, 64n * KI);
        this.processGasInfo(0n, 0n);
        this.storage.delete(Buffer.from(key).toString('hex'));
      },
      db_scan: unsupported('db_scan'),
      db_next: unsupported('db_next'),
      db_next_key: unsupported('db_next_key'),
      db_next_value: unsupported('db_next_value'),
      addr_validate: (ptr) => {
        this.hostCall();
        const input = addressInput(ptr);
        if (input.rejected !== undefined) return input.rejected;
        this.processGasInfo(0n, 0n);
        return userError('validateAddress not implemented');
      },
      addr_canonicalize: (ptr) => {
        this.hostCall();
        const input = addressInput(ptr);
        if (input.rejected !== undefined) return input.rejected;
        this.processGasInfo(0n, 0n);
        return userError('canonicalizeAddress not implemented');
      },
      addr_humanize: (ptr) => {
        this.hostCall();
        this.readRegion(ptr, 64n);
        this.processGasInfo(0n, 0n);
        return userError('humanizeAddress not implemented');
      },
      secp256k1_verify: unsupported('secp256k1_verify'),
      secp256k1_recover_pubkey: unsupported('secp256k1_recover_pubkey'),
      ed25519_verify: unsupported('ed25519_verify'),
      ed25519_batch_verify: unsupported('ed25519_batch_verify'),
      debug: (ptr) => {
        this.hostCall();
        this.readRegion(ptr, 2n * KI * KI);
      },
      abort: (ptr) => {
        this.hostCall();
        const data = this.readRegion(ptr, 2n * KI * KI);
        this.charge(linear(this.gas.stringFromBytesCost, data.length));
        throw new VmError('ABORTED', `Aborted: ${new TextDecoder().decode(data)}`);
      },
      query_chain: unsupported('query_chain'),
    };
    return { env };
  }
}

/** Runs calls of one compiled module, each on a fresh instance. */
export class Host {
  constructor(module, gas, storage) {
    this.module = module;
    this.gas = gas;
    this.storage = storage;
  }

  call(entryPoint, readonly, args, gasLimit) {
    // The instance is created before the Call exists, so imports resolve through a holder.
    const holder = {};
    const imports = { env: {} };
    for (const imp of WebAssembly.Module.imports(this.module)) {
      if (imp.module !== 'env') throw new Error(`unsupported import ${imp.module}.${imp.name}`);
      imports.env[imp.name] = (...args) => holder.env[imp.name](...args);
    }
    const instance = new WebAssembly.Instance(this.module, imports);
    const call = new Call(instance, this.gas, this.storage, gasLimit);
    holder.env = call.imports().env;
    try {
      const data = call.callRaw(entryPoint, readonly, args);
      return { data, gas: call.report() };
    } catch (e) {
      if (e instanceof VmError) return { error: e.message, kind: e.kind, gas: call.report() };
      throw e;
    }
  }
}
