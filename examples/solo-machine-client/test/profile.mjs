// Gas per function for a few calls, to see where a call's gas goes. Needs a module with its name section:
//   SMC_KEEP_NAMES=1 ./build.sh /tmp/named.wasm && node test/profile.mjs /tmp/named.wasm
import fs from 'node:fs';
import { Host, MemStore, b64, bytes } from './host.mjs';
import { Signer, clientStateJson, consensusStateJson, header, headerMessage } from './solomachine.mjs';
import { Reader } from './wasm-reader.mjs';

const wasm = fs.readFileSync(process.argv[2] ?? '/tmp/named.wasm');

/** Function names from the "name" custom section (subsection 1), by function index. */
function functionNames(buf) {
  const names = new Map();
  const r = new Reader(buf, 8);
  let imports = 0;
  while (r.pos < buf.length) {
    const id = r.byte();
    const end = r.u32() + r.pos;
    if (id === 2) {
      for (let n = r.u32(); n > 0; n--) {
        r.name();
        r.name();
        if (r.byte() !== 0) throw new Error('non-function import');
        imports++;
        r.u32();
      }
    }
    if (id === 0 && r.name() === 'name') {
      while (r.pos < end) {
        const sub = r.byte();
        const subEnd = r.u32() + r.pos;
        if (sub === 1) for (let n = r.u32(); n > 0; n--) names.set(r.u32(), r.name());
        r.pos = subEnd;
      }
    }
    r.pos = end;
  }
  return { names, imports };
}

const { names, imports } = functionNames(wasm);
const host = new Host(wasm, { profile: true });
const ENV = '{"block":{"height":12,"time":"1700000000000000000","chain_id":"testchain-1"},"transaction":null,"contract":{"address":"08-wasm-0"}}';
const alice = new Signer(1);
const T0 = 1700000000000000000n;
const cs = { sequence: 1n, isFrozen: false, consensusState: { publicKey: alice.publicKey, diversifier: 'solo', timestamp: T0 } };
const store = new MemStore();
const h = header(alice, { sequence: 1n, timestamp: T0 + 1n, diversifier: 'solo', newPublicKey: alice.publicKey, newDiversifier: 'solo' });
const calls = [
  ['instantiate', 'instantiate', [ENV, '{"sender":"","funds":[]}',
    `{"client_state":"${b64(bytes(clientStateJson(cs)))}","consensus_state":"${b64(bytes(consensusStateJson(cs.consensusState)))}","checksum":"${b64(new Uint8Array(32))}"}`]],
  ['query status', 'query', [ENV, '{"status":{}}']],
  ['query verify_client_message', 'query', [ENV, `{"verify_client_message":{"client_message":"${b64(bytes(headerMessage(h)))}"}}`]],
  ['sudo update_state', 'sudo', [ENV, `{"update_state":{"client_message":"${b64(bytes(headerMessage(h)))}"}}`]],
];
for (const [label, entry, args] of calls) {
  const { gas, profile, raw } = host.call(entry, store, args, { readOnly: entry === 'query' });
  const wasmGas = profile.reduce((a, [, g]) => a + g, 0n);
  console.log(`\n${label}: ${gas} gas (${wasmGas} in Wasm, ${gas - wasmGas} host) ${raw.slice(0, 60)}`);
  for (const [i, g] of profile.sort((a, b) => (b[1] > a[1] ? 1 : -1)).slice(0, 12)) {
    console.log(`  ${String(g).padStart(12)}  ${names.get(imports + i) ?? `f${i}`}`);
  }
}
