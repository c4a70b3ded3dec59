// Drives every entry point of solo_machine_client.wasm in Node's WebAssembly (V8) with a small CosmWasm host.
//   node test/run.mjs [path/to/module.wasm]
// Needs only Node ≥ 18 (no npm install). Exit status 0 when every case passes.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Host, MemStore, RecoveryStore, b64, bytes, hex, text, unb64 } from './host.mjs';
import {
  Signer, clientStateJson, consensusStateJson, header, headerMessage, misbehaviourMessage, pbDecode, proof,
} from './solomachine.mjs';
import { checkWasm } from './wasm-checks.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const wasmPath = process.argv[2] ?? path.join(here, '..', 'solo_machine_client.wasm');
const wasm = fs.readFileSync(wasmPath);
const checksum = new Uint8Array(crypto.createHash('sha256').update(wasm).digest());
// SMC_METERED_WASM: run a module instrumented elsewhere (same exported globals), e.g. by `wasm08 vm instrument`.
const meteredPath = process.env.SMC_METERED_WASM;
const host = new Host(wasm, { metered: meteredPath ? fs.readFileSync(meteredPath) : null });

// 08-wasm's env and info (ibc-go keeper getEnv; wasmvm JSON), reference 08-wasm-host.md §4.2.
const ENV =
  '{"block":{"height":12,"time":"1700000000000000000","chain_id":"testchain-1"},"transaction":null,' +
  '"contract":{"address":"08-wasm-0"}}';
const INFO = '{"sender":"","funds":[]}';

const T0 = 1700000000000000000n;
const alice = new Signer(1);
const bob = new Signer(2);
const carol = new Signer(3);

// ---------------------------------------------------------------- calls and results

const instantiate = (store, msg) => host.call('instantiate', store, [ENV, INFO, msg]);
const query = (store, msg) => host.call('query', store, [ENV, msg], { readOnly: true });
const sudo = (store, msg) => host.call('sudo', store, [ENV, msg]);
const migrate = (store, msg) => host.call('migrate', store, [ENV, msg]);

function ok({ raw, result }) {
  assert.ok('ok' in result, `expected ok, got ${raw}`);
  return result.ok;
}

/** The `data` of an instantiate/sudo/migrate Response (text, or null); no messages, attributes or events. */
function data(call) {
  const r = ok(call);
  assert.deepEqual([r.messages, r.attributes, r.events], [[], [], []]);
  return r.data === null ? null : text(unb64(r.data));
}

/** The JSON answer of a query, as text (u64 values exceed JS numbers). */
const answer = (call) => text(unb64(ok(call)));

function error({ raw, result }, expected) {
  assert.ok('error' in result, `expected an error containing "${expected}", got ${raw}`);
  assert.ok(result.error.includes(expected), `expected an error containing "${expected}", got "${result.error}"`);
  assert.deepEqual(Object.keys(result), ['error']);
}

/** A failing call must leave the store exactly as it was. */
function failsWithoutWrites(store, call, expected) {
  const before = store.snapshot();
  error(call(), expected);
  assert.deepEqual(store.snapshot(), before, 'a failed call wrote to the store');
}

// ---------------------------------------------------------------- store contents

const WASM_CLIENT_STATE = '/ibc.lightclients.wasm.v1.ClientState';
const WASM_CONSENSUS_STATE = '/ibc.lightclients.wasm.v1.ConsensusState';

function storedClient(store, prefix = '') {
  const raw = store.get(bytes(`${prefix}clientState`));
  assert.ok(raw, `${prefix}clientState missing`);
  const any = pbDecode(raw);
  assert.equal(text(any[1][0]), WASM_CLIENT_STATE);
  const cs = pbDecode(any[2][0]);
  const height = pbDecode(cs[3][0]);
  return {
    data: text(cs[1][0]),
    checksum: hex(cs[2][0]),
    revisionNumber: height[1]?.[0] ?? 0n,
    revisionHeight: height[2]?.[0] ?? 0n,
    fields: Object.keys(cs),
  };
}

function storedConsensus(store, key) {
  const raw = store.get(bytes(key));
  assert.ok(raw, `${key} missing`);
  const any = pbDecode(raw);
  assert.equal(text(any[1][0]), WASM_CONSENSUS_STATE);
  return text(pbDecode(any[2][0])[1][0]);
}

const consensusKeys = (store, prefix = '') =>
  [...store.map.keys()].filter((k) => k.startsWith(`${prefix}consensusStates/`)).sort();

// ---------------------------------------------------------------- client set-up

function state({ signer = alice, sequence = 1n, diversifier = 'solo', timestamp = T0, isFrozen = false } = {}) {
  const consensusState = { publicKey: signer.publicKey, diversifier, timestamp };
  return { sequence, isFrozen, consensusState };
}

function instantiateMsg(cs, cons = cs.consensusState, sum = checksum) {
  return (
    `{"client_state":"${b64(bytes(clientStateJson(cs)))}",` +
    `"consensus_state":"${b64(bytes(consensusStateJson(cons)))}","checksum":"${b64(sum)}"}`
  );
}

function newClient(options) {
  const store = new MemStore();
  const cs = state(options);
  assert.equal(data(instantiate(store, instantiateMsg(cs))), null);
  return { store, cs };
}

/** Client-state fields the next header is signed against. */
const at = (cs) => ({ sequence: cs.sequence, diversifier: cs.consensusState.diversifier });

function signedHeader(signer, cs, { timestamp = cs.consensusState.timestamp + 10n, next = signer, nextDiv } = {}) {
  return header(signer, {
    ...at(cs),
    timestamp,
    newPublicKey: next.publicKey,
    newDiversifier: nextDiv ?? cs.consensusState.diversifier,
  });
}

const verifyMsg = (clientMessage) => `{"verify_client_message":{"client_message":"${b64(bytes(clientMessage))}"}}`;
const checkMsg = (clientMessage) => `{"check_for_misbehaviour":{"client_message":"${b64(bytes(clientMessage))}"}}`;
const updateMsg = (clientMessage) => `{"update_state":{"client_message":"${b64(bytes(clientMessage))}"}}`;
const misbehaviourSudo = (clientMessage) =>
  `{"update_state_on_misbehaviour":{"client_message":"${b64(bytes(clientMessage))}"}}`;

/** 08-wasm's VerifyMembershipMsg JSON (Go field order), IBC v1 path ["ibc", path]. */
function membershipMsg({ height, proofJson, path = 'connections/connection-0', value, prefix = 'ibc', keyPath }) {
  const keys = keyPath ?? [bytes(prefix), bytes(path)];
  const mp = keys.length ? `{"key_path":[${keys.map((k) => `"${b64(k)}"`).join(',')}]}` : '{}';
  const body =
    `{"height":{"revision_number":${height[0]},"revision_height":${height[1]}},"delay_time_period":0,` +
    `"delay_block_period":0,"proof":"${b64(bytes(proofJson))}","merkle_path":${mp}`;
  return value === undefined
    ? `{"verify_non_membership":${body}}}`
    : `{"verify_membership":${body},"value":"${b64(bytes(value))}"}}`;
}

/** Updates the client with a header by `signer` (rotating to `next`), through verify + update like 02-client. */
function update(store, cs, signer, opts = {}) {
  const h = signedHeader(signer, cs, opts);
  assert.equal(answer(query(store, verifyMsg(headerMessage(h)))), '{}');
  const heights = data(sudo(store, updateMsg(headerMessage(h))));
  assert.equal(heights, `{"heights":[{"revision_number":0,"revision_height":${cs.sequence + 1n}}]}`);
  return {
    sequence: cs.sequence + 1n,
    isFrozen: false,
    consensusState: { publicKey: h.newPublicKey, diversifier: h.newDiversifier, timestamp: h.timestamp },
  };
}

// ---------------------------------------------------------------- tests

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('passes the cosmwasm-vm static checks with capabilities [iterator]', () => {
  const { problems, facts } = checkWasm(wasm, ['iterator']);
  assert.deepEqual(problems, []);
  assert.deepEqual(facts.imports.sort(), [
    'env.abort', 'env.db_next', 'env.db_read', 'env.db_remove', 'env.db_scan', 'env.db_write', 'env.ed25519_verify',
  ]);
  assert.deepEqual(facts.entryPoints.sort(), ['instantiate', 'migrate', 'query', 'sudo']);
  assert.deepEqual(facts.requiredCapabilities, ['iterator']);
  assert.equal(facts.tables.length, 0);
  assert.equal(facts.memories[0].maximum, null);
  assert.ok(facts.maxLocals <= 100);
  // and would fail a host without the iterator capability
  assert.deepEqual(checkWasm(wasm, []).problems, ['requires unavailable iterator']);
});

test('allocate/deallocate reuse freed blocks', () => {
  const { exports } = host.instance(new MemStore(), false);
  const first = exports.allocate(1000);
  exports.deallocate(first);
  const pages = exports.memory.buffer.byteLength;
  for (let i = 0; i < 1000; i++) exports.deallocate(exports.allocate(1000));
  assert.equal(exports.allocate(1000), first);
  assert.equal(exports.memory.buffer.byteLength, pages);
  const dv = new DataView(exports.memory.buffer);
  const empty = exports.allocate(0);
  assert.notEqual(dv.getUint32(empty, true), 0, 'a zero-size Region still has a non-zero offset');
});

test('instantiate writes clientState and consensusStates/0-1 as 08-wasm Any', () => {
  const store = new MemStore();
  const cs = state();
  const call = instantiate(store, instantiateMsg(cs));
  assert.equal(call.raw, '{"ok":{"messages":[],"attributes":[],"events":[],"data":null}}');
  const stored = storedClient(store);
  assert.equal(stored.data, clientStateJson(cs));
  assert.equal(stored.checksum, hex(checksum));
  assert.equal(stored.revisionNumber, 0n);
  assert.equal(stored.revisionHeight, 1n);
  assert.deepEqual(stored.fields, ['1', '2', '3']);
  assert.equal(storedConsensus(store, 'consensusStates/0-1'), consensusStateJson(cs.consensusState));
  assert.deepEqual([...store.map.keys()].sort(), ['clientState', 'consensusStates/0-1']);
  // Any{type_url, value} then ClientState{data, checksum, latest_height{revision_height = 1}}: check the tail bytes
  assert.equal(hex(store.getString('clientState').slice(-4)), '1a021001');
});

const instantiateRejections = [
  ['a frozen client', () => instantiateMsg(state({ isFrozen: true })), 'cannot create a frozen client'],
  [
    'a consensus state differing from the client state',
    () => instantiateMsg(state(), state({ timestamp: T0 + 1n }).consensusState),
    'consensus state in initial client does not equal initial consensus state',
  ],
  ['a 31-byte checksum', () => instantiateMsg(state(), undefined, checksum.slice(1)), 'checksum must be 32 bytes, got 31'],
  ['sequence 0', () => instantiateMsg(state({ sequence: 0n })), 'sequence in client_state cannot be 0'],
  ['timestamp 0', () => instantiateMsg(state({ timestamp: 0n })), 'timestamp in consensus_state cannot be 0'],
  ['a blank diversifier', () => instantiateMsg(state({ diversifier: '   ' })), 'cannot contain only spaces'],
  ['a non-ASCII diversifier', () => instantiateMsg(state({ diversifier: 'sölo' })), 'must be printable ASCII'],
  ['a 129-byte diversifier', () => instantiateMsg(state({ diversifier: 'd'.repeat(129) })), 'longer than 128 bytes'],
  [
    'a 31-byte public key',
    () => instantiateMsg({ ...state(), consensusState: { ...state().consensusState, publicKey: alice.publicKey.slice(1) } }),
    'public_key in consensus_state must be 32 bytes, got 31',
  ],
  [
    'an unknown field in the client state',
    () => `{"client_state":"${b64(bytes('{"sequence":1,"is_frozen":false,"consensus_state":{},"x":1}'))}",` +
      `"consensus_state":"","checksum":""}`,
    'unknown field `x` in client_state',
  ],
  [
    'a missing field',
    () => `{"client_state":"${b64(bytes('{"sequence":1,"is_frozen":false}'))}","consensus_state":"","checksum":""}`,
    'missing field `consensus_state` in client_state',
  ],
  ['an unknown top-level field', () => instantiateMsg(state()).replace('{', '{"extra":1,'), 'unknown field `extra`'],
  ['invalid base64', () => instantiateMsg(state()).replace('"client_state":"', '"client_state":"!'), 'invalid base64'],
  ['a null client state', () => instantiateMsg(state()).replace(/"client_state":"[^"]*"/, '"client_state":null'), 'client_state cannot be empty'],
  ['malformed JSON', () => '{"client_state":', 'invalid JSON in instantiate message'],
  ['trailing data', () => `${instantiateMsg(state())} x`, 'trailing characters'],
];
test('base64 with JSON escapes decodes like any JSON parser would', () => {
  const store = new MemStore();
  const sum = new Uint8Array(32).fill(0xff); // base64 "/////…"
  const msg = instantiateMsg(state(), undefined, sum).replace(/"checksum":"([^"]*)"/, (m, v) => `"checksum":"${v.replaceAll('/', '\\/')}"`);
  assert.ok(msg.includes('\\/'));
  assert.equal(data(instantiate(store, msg)), null);
  assert.equal(storedClient(store).checksum, hex(sum));
  error(instantiate(new MemStore(), instantiateMsg(state(), undefined, sum).replace('////', '///\\u0021')), 'checksum: invalid base64: bad character');
  error(instantiate(new MemStore(), instantiateMsg(state(), undefined, checksum).replace(/"checksum":"[^"]*"/, '"checksum":"AB=="')), 'checksum: invalid base64: non-zero trailing bits');
});

for (const [name, msg, expected] of instantiateRejections) {
  test(`instantiate rejects ${name}`, () => failsWithoutWrites(new MemStore(), () => instantiate(new MemStore(), msg()), expected));
}

test('status, timestamp_at_height and check_for_misbehaviour answer in the 08-wasm result shapes', () => {
  const { store, cs } = newClient();
  // Examples of 08-wasm-host.md §4.5 (same timestamp 1700000000000000000)
  assert.equal(query(store, '{"status":{}}').raw, '{"ok":"eyJzdGF0dXMiOiJBY3RpdmUifQ=="}');
  assert.equal(
    query(store, '{"timestamp_at_height":{"height":{"revision_number":0,"revision_height":1}}}').raw,
    '{"ok":"eyJ0aW1lc3RhbXAiOjE3MDAwMDAwMDAwMDAwMDAwMDB9"}',
  );
  const h = signedHeader(alice, cs);
  assert.equal(query(store, checkMsg(headerMessage(h))).raw, '{"ok":"eyJmb3VuZF9taXNiZWhhdmlvdXIiOmZhbHNlfQ=="}');
  error(
    query(store, '{"timestamp_at_height":{"height":{"revision_number":0,"revision_height":5}}}'),
    'consensus state not found at height 0-5: the client keeps only its latest height 0-1',
  );
  error(query(store, '{"status":{"x":1}}'), 'unknown field `x` in status');
  // a key with an escape decodes like any JSON parser would
  assert.equal(answer(query(store, '{"st\\u0061tus":{}}')), '{"status":"Active"}');
  error(query(new MemStore(), '{"status":{}}'), 'client state not found');
});

test('update_state advances the sequence and keeps one consensus state at the latest height', () => {
  const { store, cs } = newClient();
  const next = update(store, cs, alice);
  const stored = storedClient(store);
  assert.equal(stored.data, clientStateJson(next));
  assert.equal(stored.revisionHeight, 2n);
  assert.equal(stored.checksum, hex(checksum));
  assert.deepEqual(consensusKeys(store), ['consensusStates/0-2']);
  assert.equal(storedConsensus(store, 'consensusStates/0-2'), consensusStateJson(next.consensusState));
  assert.equal(
    answer(query(store, '{"timestamp_at_height":{"height":{"revision_number":0,"revision_height":2}}}')),
    `{"timestamp":${T0 + 10n}}`,
  );
});

test('a header rotates the key and the diversifier; the old key is then refused', () => {
  const { store, cs } = newClient();
  const rotated = update(store, cs, alice, { next: bob, nextDiv: 'solo-2' });
  assert.equal(hex(rotated.consensusState.publicKey), hex(bob.publicKey));
  failsWithoutWrites(
    store,
    () => sudo(store, updateMsg(headerMessage(signedHeader(alice, rotated)))),
    "invalid signature: the header is not signed by the client's current public key",
  );
  // a header signed over the old diversifier is refused too
  const oldDiv = header(bob, { ...at(rotated), diversifier: 'solo', timestamp: T0 + 20n, newPublicKey: bob.publicKey, newDiversifier: 'solo-2' });
  error(query(store, verifyMsg(headerMessage(oldDiv))), 'invalid signature');
  const again = update(store, rotated, bob);
  assert.equal(again.sequence, 3n);
});

// Each negative case runs as the query and as the sudo and must write nothing.
function headerRejections() {
  const flip = (sig) => Uint8Array.from(sig, (b, i) => (i === 10 ? b ^ 1 : b));
  return [
    ['a header signed by another key', (cs) => signedHeader(bob, cs), 'invalid signature: the header is not signed'],
    ['a tampered signature', (cs) => ({ ...signedHeader(alice, cs), signature: flip(signedHeader(alice, cs).signature) }), 'invalid signature'],
    ['a stale sequence', (cs) => signedHeader(alice, { ...cs, sequence: cs.sequence - 1n }), 'stale sequence: the header is for sequence 1, the client is at sequence 2'],
    ['a future sequence', (cs) => signedHeader(alice, { ...cs, sequence: cs.sequence + 1n }), 'future sequence: the header is for sequence 3, the client is at sequence 2'],
    ['a timestamp before the consensus state', (cs) => signedHeader(alice, cs, { timestamp: cs.consensusState.timestamp - 1n }), 'is less than the consensus state timestamp'],
    ['a 63-byte signature', (cs) => ({ ...signedHeader(alice, cs), signature: signedHeader(alice, cs).signature.slice(1) }), 'signature in header must be 64 bytes, got 63'],
    ['a 33-byte new public key', (cs) => ({ ...signedHeader(alice, cs), newPublicKey: new Uint8Array(33) }), 'new_public_key in header must be 32 bytes, got 33'],
  ];
}
for (const [name, make, expected] of headerRejections()) {
  test(`verify_client_message and update_state reject ${name}`, () => {
    const { store, cs } = newClient();
    const at2 = update(store, cs, alice);
    const msg = headerMessage(make(at2));
    failsWithoutWrites(store, () => query(store, verifyMsg(msg)), expected);
    failsWithoutWrites(store, () => sudo(store, updateMsg(msg)), expected);
  });
}

test('client messages that are not ours are refused', () => {
  const { store, cs } = newClient();
  error(query(store, verifyMsg('{"headers":{}}')), 'unknown variant `headers` in client message');
  const quoted = headerMessage(signedHeader(alice, cs)).replace('"sequence":1', '"sequence":"1"');
  error(query(store, verifyMsg(quoted)), 'invalid type in sequence: expected an unsigned 64-bit integer');
  error(query(store, verifyMsg('')), 'client message cannot be empty');
  error(query(store, verifyMsg('{"header":{"sequence":1}}')), 'missing field `timestamp` in header');
  error(query(store, '{"verify_client_message":{"client_message":null}}'), 'client message cannot be empty');
  error(query(store, '{"nope":{}}'), 'unknown variant `nope`');
  error(query(store, '{"status":{},"nope":{}}'), 'expected exactly one variant key');
  error(sudo(store, '{"nope":{}}'), 'unknown variant `nope`');
  error(sudo(store, '[]'), 'invalid type in sudo message: expected an object');
});

test('verify_membership consumes the sequence; a replayed proof is stale', () => {
  const { store, cs } = newClient();
  const p = proof(alice, { ...at(cs), timestamp: T0 + 5n, path: 'connections/connection-0', value: 'value' });
  const msg = membershipMsg({ height: [0, 1], proofJson: p, value: 'value' });
  assert.equal(data(sudo(store, msg)), '{}');
  const stored = storedClient(store);
  const expected = { ...cs, sequence: 2n, consensusState: { ...cs.consensusState, timestamp: T0 + 5n } };
  assert.equal(stored.data, clientStateJson(expected));
  assert.equal(stored.revisionHeight, 2n);
  assert.deepEqual(consensusKeys(store), ['consensusStates/0-2']);
  failsWithoutWrites(store, () => sudo(store, msg), 'stale sequence: the proof is for sequence 1, the client is at sequence 2');
});

test('verify_non_membership signs an absent value', () => {
  const { store, cs } = newClient();
  const path = 'receipts/ports/transfer/channels/channel-0/sequences/1';
  const p = proof(alice, { ...at(cs), timestamp: T0, path, value: null });
  assert.equal(data(sudo(store, membershipMsg({ height: [0, 1], proofJson: p, path }))), '{}');
  assert.equal(storedClient(store).revisionHeight, 2n);
});

function membershipRejections() {
  const good = (cs, o = {}) => proof(alice, { ...at(cs), timestamp: T0 + 1n, path: 'connections/connection-0', value: 'value', ...o });
  return [
    ['a proof by another key', (cs) => membershipMsg({ height: [0, 1], proofJson: proof(bob, { ...at(cs), timestamp: T0, path: 'connections/connection-0', value: 'value' }), value: 'value' }), "invalid signature: the membership proof is not signed by the client's current public key"],
    ['another value', (cs) => membershipMsg({ height: [0, 1], proofJson: good(cs), value: 'other' }), 'invalid signature'],
    ['another path', (cs) => membershipMsg({ height: [0, 1], proofJson: good(cs), path: 'connections/connection-1', value: 'value' }), 'invalid signature'],
    ['a membership proof used for non-membership', (cs) => membershipMsg({ height: [0, 1], proofJson: good(cs) }), 'invalid signature: the non-membership proof'],
    ['a future proof height', (cs) => membershipMsg({ height: [0, 2], proofJson: good(cs), value: 'value' }), 'future sequence: the proof is for sequence 2'],
    ['revision number 1', (cs) => membershipMsg({ height: [1, 1], proofJson: good(cs), value: 'value' }), 'proof height revision number must be 0, got 1'],
    ['a proof timestamp before the consensus state', (cs) => membershipMsg({ height: [0, 1], proofJson: good(cs, { timestamp: T0 - 1n }), value: 'value' }), 'proof timestamp 1699999999999999999 is less than the consensus state timestamp'],
    ['an empty value', (cs) => membershipMsg({ height: [0, 1], proofJson: good(cs), value: '' }), 'value cannot be empty'],
    ['a one-element path', (cs) => membershipMsg({ height: [0, 1], proofJson: good(cs), value: 'value', keyPath: [bytes('ibc')] }), 'merkle_path must have 2 elements (prefix, path), got 1'],
    ['an empty path', (cs) => membershipMsg({ height: [0, 1], proofJson: good(cs), value: 'value', keyPath: [] }), 'got 0'],
    ['a malformed proof', () => membershipMsg({ height: [0, 1], proofJson: '{"timestamp":1}', value: 'value' }), 'missing field `signature` in proof'],
  ];
}
for (const [name, make, expected] of membershipRejections()) {
  test(`verify_(non_)membership rejects ${name}`, () => {
    const { store, cs } = newClient();
    failsWithoutWrites(store, () => sudo(store, make(cs)), expected);
  });
}

function misbehaving(store, cs) {
  const h1 = signedHeader(alice, cs, { timestamp: T0 + 1n });
  const h2 = signedHeader(alice, cs, { timestamp: T0 + 2n });
  return misbehaviourMessage(h1, h2);
}

test('misbehaviour: two signed headers for one sequence freeze the client', () => {
  const { store, cs } = newClient();
  const mb = misbehaving(store, cs);
  assert.equal(answer(query(store, verifyMsg(mb))), '{}');
  assert.equal(answer(query(store, checkMsg(mb))), '{"found_misbehaviour":true}');
  // update_state with a misbehaviour changes nothing (06-solomachine)
  const before = store.snapshot();
  assert.equal(data(sudo(store, updateMsg(mb))), '{"heights":[]}');
  assert.deepEqual(store.snapshot(), before);
  assert.equal(data(sudo(store, misbehaviourSudo(mb))), '{}');
  assert.equal(storedClient(store).data, clientStateJson({ ...cs, isFrozen: true }));
  assert.deepEqual(consensusKeys(store), ['consensusStates/0-1']);
  assert.equal(query(store, '{"status":{}}').raw, `{"ok":"${b64(bytes('{"status":"Frozen"}'))}"}`);
  // a frozen client accepts nothing
  const h = signedHeader(alice, cs);
  failsWithoutWrites(store, () => query(store, verifyMsg(headerMessage(h))), 'client is frozen');
  failsWithoutWrites(store, () => sudo(store, updateMsg(headerMessage(h))), 'client is frozen');
  failsWithoutWrites(store, () => sudo(store, misbehaviourSudo(mb)), 'client is frozen');
  const p = proof(alice, { ...at(cs), timestamp: T0, path: 'a/b', value: 'v' });
  failsWithoutWrites(store, () => sudo(store, membershipMsg({ height: [0, 1], proofJson: p, path: 'a/b', value: 'v' })), 'client is frozen');
});

test('misbehaviour may name an earlier sequence, signed by the current key', () => {
  const { store, cs } = newClient();
  const at3 = update(store, update(store, cs, alice), alice);
  const old = { ...at3, sequence: 1n };
  const mb = misbehaviourMessage(signedHeader(alice, old, { timestamp: 7n }), signedHeader(alice, old, { timestamp: 8n }));
  assert.equal(answer(query(store, verifyMsg(mb))), '{}');
});

function misbehaviourRejections() {
  return [
    ['identical headers', (cs) => { const h = signedHeader(alice, cs); return misbehaviourMessage(h, h); }, 'misbehaviour headers must sign different data'],
    ['headers for different sequences', (cs) => misbehaviourMessage(signedHeader(alice, cs), signedHeader(alice, { ...cs, sequence: 2n })), 'misbehaviour headers must have the same sequence, got 1 and 2'],
    ['a header by another key', (cs) => misbehaviourMessage(signedHeader(alice, cs), signedHeader(bob, cs, { timestamp: T0 + 3n })), 'invalid signature: header_2 of the misbehaviour'],
  ];
}
for (const [name, make, expected] of misbehaviourRejections()) {
  test(`misbehaviour with ${name} is refused and freezes nothing`, () => {
    const { store, cs } = newClient();
    const mb = make(cs);
    failsWithoutWrites(store, () => query(store, verifyMsg(mb)), expected);
    failsWithoutWrites(store, () => sudo(store, misbehaviourSudo(mb)), expected);
  });
}

test('update_state_on_misbehaviour refuses a header', () => {
  const { store, cs } = newClient();
  failsWithoutWrites(store, () => sudo(store, misbehaviourSudo(headerMessage(signedHeader(alice, cs)))),
    'update_state_on_misbehaviour expects a misbehaviour, got a header');
});

test('verify_upgrade_and_update_state is not supported', () => {
  const { store } = newClient();
  const msg =
    '{"verify_upgrade_and_update_state":{"upgrade_client_state":"Y2xpZW50LXN0YXRlLWRhdGE=","upgrade_consensus_state":' +
    '"Y29uc2Vuc3VzLXN0YXRlLWRhdGE=","proof_upgrade_client":"dXBncmFkZWQgY2xpZW50IHN0YXRlIHByb29m",' +
    '"proof_upgrade_consensus_state":"dXBncmFkZWQgY29uc2Vuc3VzIHN0YXRlIHByb29m"}}';
  failsWithoutWrites(store, () => sudo(store, msg), 'cannot upgrade solomachine client: not supported');
});

/** Subject 08-wasm-0 (alice, frozen at sequence 2) and substitute 08-wasm-1 (carol, sequence 5). */
function recoverySetup({ freeze = true, substituteOptions = { signer: carol, sequence: 5n, diversifier: 'new' } } = {}) {
  const subject = newClient();
  const at2 = update(subject.store, subject.cs, alice);
  if (freeze) data(sudo(subject.store, misbehaviourSudo(misbehaving(subject.store, at2))));
  const substitute = newClient(substituteOptions);
  return { subject: subject.store, substitute: substitute.store, substituteState: substitute.cs };
}

test('migrate_client_store copies the substitute into the frozen subject', () => {
  const { subject, substitute, substituteState } = recoverySetup();
  subject.set(bytes('consensusStates/0-1'), bytes('left over by an earlier code'));
  const substituteBefore = substitute.snapshot();
  host.calls.length = 0;
  const call = sudo(new RecoveryStore(subject, substitute), '{"migrate_client_store":{}}');
  assert.equal(data(call), '{}');
  assert.ok(host.calls.includes('db_scan') && host.calls.includes('db_next'));
  const stored = storedClient(subject);
  assert.equal(stored.data, clientStateJson(substituteState));
  assert.equal(stored.revisionHeight, 5n);
  assert.equal(stored.checksum, hex(checksum));
  assert.deepEqual(consensusKeys(subject), ['consensusStates/0-5']);
  assert.equal(storedConsensus(subject, 'consensusStates/0-5'), consensusStateJson(substituteState.consensusState));
  assert.deepEqual(substitute.snapshot(), substituteBefore);
  assert.equal(answer(query(subject, '{"status":{}}')), '{"status":"Active"}');
  // and the recovered client follows the substitute's key
  update(subject, substituteState, carol);
});

test('migrate_client_store also accepts iterator keys that keep the subject/ prefix', () => {
  const { subject, substitute } = recoverySetup();
  const store = new RecoveryStore(subject, substitute);
  const range = store.range.bind(store);
  store.range = (s, e) => range(s, e).map(([k, v]) => [Uint8Array.from([...bytes('subject/'), ...k]), v]);
  assert.equal(data(sudo(store, '{"migrate_client_store":{}}')), '{}');
  assert.deepEqual(consensusKeys(subject), ['consensusStates/0-5']);
});

const recoveryRejections = [
  ['an active subject', { freeze: false }, 'cannot recover client: subject client is not frozen'],
  ['a substitute with the same key', { substituteOptions: { signer: alice, sequence: 5n } }, 'subject and substitute have the same public key'],
  ['a substitute that is not ahead', { substituteOptions: { signer: carol, sequence: 2n } }, 'substitute sequence 2 must be greater than subject sequence 2'],
];
for (const [name, options, expected] of recoveryRejections) {
  test(`migrate_client_store refuses ${name}`, () => {
    const { subject, substitute } = recoverySetup(options);
    const before = [subject.snapshot(), substitute.snapshot()];
    error(sudo(new RecoveryStore(subject, substitute), '{"migrate_client_store":{}}'), expected);
    assert.deepEqual([subject.snapshot(), substitute.snapshot()], before);
  });
}

test('migrate_client_store refuses a frozen or missing substitute', () => {
  const { subject, substitute } = recoverySetup();
  error(sudo(new RecoveryStore(subject, new MemStore()), '{"migrate_client_store":{}}'), 'substitute client state not found');
  const frozen = recoverySetup().subject;
  error(sudo(new RecoveryStore(subject, frozen), '{"migrate_client_store":{}}'), 'substitute client is frozen');
  error(sudo(new RecoveryStore(new MemStore(), substitute), '{"migrate_client_store":{}}'), 'subject client state not found');
  // outside a recovery store the unprefixed client is invisible
  error(sudo(subject, '{"migrate_client_store":{}}'), 'subject client state not found');
});

test('migrate accepts {} for one of our clients and writes nothing', () => {
  const { store } = newClient();
  const before = store.snapshot();
  assert.equal(migrate(store, '{}').raw, '{"ok":{"messages":[],"attributes":[],"events":[],"data":null}}');
  assert.deepEqual(store.snapshot(), before);
  failsWithoutWrites(store, () => migrate(store, '{"migration":"code_only"}'), 'unknown field `migration` in migrate message');
  error(migrate(new MemStore(), '{}'), 'cannot migrate: client state not found');
  const foreign = new MemStore([['clientState', Uint8Array.from([0x0a, 0x03, 0x2f, 0x78, 0x79])]]);
  error(migrate(foreign, '{}'), 'cannot migrate: stored clientState is invalid: not a wasm ClientState');
});

test('error texts are JSON-escaped', () => {
  const { store } = newClient();
  const call = query(store, '{"status":{"a\\"b\\n":1}}');
  assert.equal(call.raw, '{"error":"unknown field `a\\"b\\n` in status"}');
});

// VM-internal gas (cosmwasm-vm 3.0.x metering, metering.mjs, checked against upstream's hackatom numbers by
// metering-conformance.mjs) of one successful call per entry point, with the env above. Printed, and the same
// call repeated on a fresh copy of the store must cost exactly the same.
const gasTable = [];
test('gas per entry point is deterministic', () => {
  const measure = (name, setup, call) => {
    const runs = [0, 1].map(() => {
      const fixture = setup();
      const result = call(fixture);
      assert.ok('ok' in result.result, `${name}: ${result.raw}`);
      return result;
    });
    assert.equal(runs[0].gas, runs[1].gas, `${name}: gas differs between identical runs`);
    assert.equal(runs[0].raw, runs[1].raw);
    gasTable.push([name, runs[0].gas, runs[0].raw.length]);
  };
  const fresh = () => newClient();
  const h = (f) => headerMessage(signedHeader(alice, f.cs));
  const mb = (f) => misbehaving(f.store, f.cs);
  const p = (f) => proof(alice, { ...at(f.cs), timestamp: T0, path: 'connections/connection-0', value: 'value' });
  const cs = state();
  measure('instantiate', () => new MemStore(), (store) => instantiate(store, instantiateMsg(cs)));
  measure('query status', fresh, (f) => query(f.store, '{"status":{}}'));
  measure('query timestamp_at_height', fresh, (f) =>
    query(f.store, '{"timestamp_at_height":{"height":{"revision_number":0,"revision_height":1}}}'));
  measure('query verify_client_message (header)', fresh, (f) => query(f.store, verifyMsg(h(f))));
  measure('query verify_client_message (misbehaviour)', fresh, (f) => query(f.store, verifyMsg(mb(f))));
  measure('query check_for_misbehaviour (misbehaviour)', fresh, (f) => query(f.store, checkMsg(mb(f))));
  measure('sudo update_state', fresh, (f) => sudo(f.store, updateMsg(h(f))));
  measure('sudo update_state_on_misbehaviour', fresh, (f) => sudo(f.store, misbehaviourSudo(mb(f))));
  measure('sudo verify_membership', fresh, (f) =>
    sudo(f.store, membershipMsg({ height: [0, 1], proofJson: p(f), value: 'value' })));
  measure('sudo verify_non_membership', fresh, (f) => {
    const absent = proof(alice, { ...at(f.cs), timestamp: T0, path: 'connections/connection-0', value: null });
    return sudo(f.store, membershipMsg({ height: [0, 1], proofJson: absent }));
  });
  measure('sudo migrate_client_store', () => recoverySetup(), (f) =>
    sudo(new RecoveryStore(f.subject, f.substitute), '{"migrate_client_store":{}}'));
  measure('migrate', fresh, (f) => migrate(f.store, '{}'));
});

// ---------------------------------------------------------------- run

let failed = 0;
for (const { name, fn } of tests) {
  try {
    fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e.stack ?? e).split('\n').slice(0, 6).join('\n     ')}`);
  }
}
if (gasTable.length) {
  console.log(`\nVM gas (cosmwasm-vm 3.0.x, internal) per call, result JSON bytes (metering: ${meteredPath ?? 'metering.mjs'}):`);
  for (const [name, gas, len] of gasTable) console.log(`  ${name.padEnd(46)} ${String(gas).padStart(12)}  ${len}`);
}
console.log(`\n${tests.length - failed} passed, ${failed} failed (${path.basename(wasmPath)}, sha256 ${hex(checksum)})`);
process.exit(failed ? 1 : 0);
