// Checks metering.mjs against cosmwasm-vm's own gas assertions on hackatom.wasm (packages/vm/src/instance.rs:
// contract_deducts_gas_init, create_gas_report_works, query_works_with_gas_metering), with the 3.0.9 locals charge
// on and off. Reads the contract in place from ../shared (WASM08_SHARED_DIR overrides); skips when it is absent.
//   node test/metering-conformance.mjs
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_CALL, REMAINING, instrument, readRegionCost, writeRegionCost } from './metering.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const shared = process.env.WASM08_SHARED_DIR ? path.resolve(root, process.env.WASM08_SHARED_DIR) : path.resolve(root, '../shared');
const hackatomPath = path.join(shared, 'fixtures/cosmwasm/hackatom.wasm');
if (!fs.existsSync(hackatomPath)) {
  console.log(`skipped: ${hackatomPath} not found (set WASM08_SHARED_DIR)`);
  process.exit(0);
}
const hackatom = fs.readFileSync(hackatomPath);

// ---------------------------------------------------------------- bech32 (BIP-173), for MockApi

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function polymod(values) {
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const b = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((b >>> i) & 1) chk ^= GEN[i];
  }
  return chk >>> 0;
}
const hrpExpand = (hrp) => [...hrp].map((c) => c.charCodeAt(0) >> 5).concat([0], [...hrp].map((c) => c.charCodeAt(0) & 31));
function convertBits(data, from, to, pad) {
  let acc = 0;
  let bits = 0;
  const out = [];
  for (const v of data) {
    acc = (acc << from) | v;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & ((1 << to) - 1));
    }
  }
  if (pad && bits > 0) out.push((acc << (to - bits)) & ((1 << to) - 1));
  else if (!pad && (bits >= from || ((acc << (to - bits)) & ((1 << to) - 1)))) return null;
  return out;
}
function bech32Encode(hrp, bytes) {
  const data = convertBits(bytes, 8, 5, true);
  const values = hrpExpand(hrp).concat(data, [0, 0, 0, 0, 0, 0]);
  const mod = polymod(values) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${data.concat(checksum).map((d) => CHARSET[d]).join('')}`;
}
function bech32Decode(s) {
  const pos = s.lastIndexOf('1');
  if (pos < 1 || s !== s.toLowerCase()) return null;
  const hrp = s.slice(0, pos);
  const data = [...s.slice(pos + 1)].map((c) => CHARSET.indexOf(c));
  if (data.length < 6 || data.includes(-1)) return null;
  const check = polymod(hrpExpand(hrp).concat(data));
  if (check !== 1 && check !== 0x2bc830a3) return null; // bech32 or bech32m
  const bytes = convertBits(data.slice(0, -6), 5, 8, false);
  return bytes ? { hrp, bytes } : null;
}
const addrMake = (s) => bech32Encode('cosmwasm', [...crypto.createHash('sha256').update(s).digest()]);

// ---------------------------------------------------------------- a mock_instance (MockApi, MockStorage)

const STRING_FROM_BYTES = (len) => 28_700n + 1_400n * BigInt(len);
const CANONICALIZE = 700_000n;
const HUMANIZE = 560_000n;

function mockInstance(module, gasLimit) {
  const storage = new Map();
  let exports;
  let external = 0n;
  const enc = new TextEncoder();
  const mem = () => exports.memory.buffer;
  const charge = (cost, ext = 0n) => {
    external += ext;
    const g = exports[REMAINING];
    if (cost + ext > g.value) throw new Error('out of gas');
    g.value -= cost + ext;
  };
  const read = (ptr) => {
    const dv = new DataView(mem());
    const [offset, , length] = [dv.getUint32(ptr, true), dv.getUint32(ptr + 4, true), dv.getUint32(ptr + 8, true)];
    charge(readRegionCost(length));
    return new Uint8Array(mem().slice(offset, offset + length));
  };
  const writeRegion = (ptr, data) => {
    charge(writeRegionCost(data.length));
    const dv = new DataView(mem());
    new Uint8Array(mem(), dv.getUint32(ptr, true), data.length).set(data);
    dv.setUint32(ptr + 8, data.length, true);
  };
  const toContract = (data) => {
    const ptr = exports.allocate(data.length);
    writeRegion(ptr, data);
    return ptr;
  };
  const message = (text) => toContract(enc.encode(text));
  const canonicalize = (human) => {
    charge(CANONICALIZE);
    const d = bech32Decode(human);
    if (!d) return { err: 'Error decoding bech32' };
    if (d.hrp !== 'cosmwasm') return { err: 'Wrong bech32 prefix' };
    return { ok: Uint8Array.from(d.bytes) };
  };
  const env = {
    db_read: (k) => {
      charge(HOST_CALL);
      const key = Buffer.from(read(k)).toString('latin1');
      charge(0n, BigInt(key.length));
      return storage.has(key) ? toContract(storage.get(key)) : 0;
    },
    db_write: (k, v) => {
      charge(HOST_CALL);
      const key = read(k);
      const value = read(v);
      charge(0n, BigInt(key.length + value.length));
      storage.set(Buffer.from(key).toString('latin1'), value);
    },
    addr_validate: (s) => {
      charge(HOST_CALL);
      const source = read(s);
      charge(STRING_FROM_BYTES(source.length));
      const human = new TextDecoder().decode(source);
      const c = canonicalize(human);
      if (c.err) return message(c.err);
      charge(HUMANIZE);
      return bech32Encode('cosmwasm', [...c.ok]) === human ? 0 : message('Invalid input: address not normalized');
    },
    addr_canonicalize: (s, d) => {
      charge(HOST_CALL);
      const source = read(s);
      charge(STRING_FROM_BYTES(source.length));
      const c = canonicalize(new TextDecoder().decode(source));
      if (c.err) return message(c.err);
      writeRegion(d, c.ok);
      return 0;
    },
    addr_humanize: (s, d) => {
      charge(HOST_CALL);
      const source = read(s);
      charge(HUMANIZE);
      writeRegion(d, enc.encode(bech32Encode('cosmwasm', [...source])));
      return 0;
    },
    debug: (m) => {
      charge(HOST_CALL);
      read(m);
    },
    abort: (m) => {
      charge(HOST_CALL);
      throw new Error(`Aborted: ${new TextDecoder().decode(read(m))}`);
    },
  };
  const imports = { env: {} };
  for (const imp of WebAssembly.Module.imports(module)) {
    imports.env[imp.name] = env[imp.name] ?? (() => { throw new Error(`unexpected import ${imp.name}`); });
  }
  exports = new WebAssembly.Instance(module, imports).exports;
  exports[REMAINING].value = gasLimit;
  const call = (entry, args) => {
    const ptrs = args.map((a) => toContract(enc.encode(a)));
    const result = exports[entry](...ptrs);
    const raw = new TextDecoder().decode(read(result));
    exports.deallocate(result);
    return raw;
  };
  return { call, gasLeft: () => exports[REMAINING].value, external: () => external };
}

// ---------------------------------------------------------------- the upstream assertions

const ENV =
  '{"block":{"height":12345,"time":"1571797419879305533","chain_id":"cosmos-testnet-14002"},' +
  '"transaction":{"index":3,"hash":"5UadrOwXzviiYP03Z17Yfn+2orWtlRk8UTCABsfklLM="},' +
  '"contract":{"address":"cosmwasm1jpev2csrppg792t22rn8z8uew8h3sjcpglcd0qv9g8gj8ky922tscp8avs"}}';
const creator = addrMake('creator');
const verifier = addrMake('verifies');
const beneficiary = addrMake('benefits');
assert.equal(verifier, 'cosmwasm1pu6qnztwn8w95j903786aqstj3smhxysenasp3rkhdfw06e9vrjs2rlx8w');
const INFO = `{"sender":"${creator}","funds":[{"denom":"earth","amount":"1000"}]}`;
const INIT = `{"verifier": "${verifier}", "beneficiary": "${beneficiary}"}`;

const versions = [
  { name: 'cosmwasm-vm 3.0.9', chargeLocals: true, init: 18034576n, internal: 18034325n, query: 11105566n },
  { name: 'cosmwasm-vm 3.0.0-3.0.8', chargeLocals: false, init: 18034576n, internal: 18034325n, query: 11105221n },
];
let failed = 0;
for (const v of versions) {
  const module = new WebAssembly.Module(instrument(hackatom, { chargeLocals: v.chargeLocals }));
  try {
    const limit = 2_000_000_000n;
    const instance = mockInstance(module, limit);
    const init = instance.call('instantiate', [ENV, INFO, INIT]);
    assert.ok(init.startsWith('{"ok":'), init);
    const initGas = limit - instance.gasLeft();
    assert.equal(initGas, v.init, 'contract_deducts_gas_init');
    assert.equal(instance.external(), 251n, 'used_externally');
    const internal = initGas - instance.external();
    assert.equal(internal, v.internal, 'used_internally');
    const before = instance.gasLeft();
    const answer = instance.call('query', [ENV, '{"verifier":{}}']);
    assert.equal(answer, `{"ok":"${Buffer.from(`{"verifier":"${verifier}"}`).toString('base64')}"}`);
    assert.equal(before - instance.gasLeft(), v.query, 'query_works_with_gas_metering');
    console.log(`ok   ${v.name}: instantiate ${initGas} (internal ${internal}), query ${before - instance.gasLeft()}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${v.name}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
