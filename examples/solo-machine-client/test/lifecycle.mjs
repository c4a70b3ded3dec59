// The life of a client exactly as the Java VM test SoloMachineContractVmTest.lifecycle drives it (same keys,
// timestamps, paths and values), printing the VM gas of each call: the two hosts must agree to the unit.
//   node test/lifecycle.mjs
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Host, MemStore, RecoveryStore, b64, bytes } from './host.mjs';
import {
  Signer, clientStateJson, consensusStateJson, header, headerMessage, misbehaviourMessage, proof,
} from './solomachine.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const wasm = fs.readFileSync(process.argv[2] ?? path.join(here, '..', 'solo_machine_client.wasm'));
const checksum = new Uint8Array(crypto.createHash('sha256').update(wasm).digest());
const host = new Host(wasm);
const ENV =
  '{"block":{"height":12,"time":"1700000000000000000","chain_id":"testchain-1"},"transaction":null,' +
  '"contract":{"address":"08-wasm-0"}}';
const INFO = '{"sender":"","funds":[]}';
const T0 = 1700000000000000000n;
const [alice, bob, carol] = [new Signer(1), new Signer(2), new Signer(3)];
const CONNECTION_PATH = 'connections/connection-0';
const CONNECTION_END = 'connection end bytes';
const RECEIPT_PATH = 'receipts/ports/transfer/channels/channel-0/sequences/1';

const steps = [];
const step = (name, { raw, gas }) => steps.push([name, gas, raw]);
const instantiateMsg = (cs) =>
  `{"client_state":"${b64(bytes(clientStateJson(cs)))}","consensus_state":"${b64(bytes(consensusStateJson(cs.consensusState)))}","checksum":"${b64(checksum)}"}`;
const cm = (variant, message) => `{"${variant}":{"client_message":"${b64(bytes(message))}"}}`;
const height = (h) => `{"revision_number":0,"revision_height":${h}}`;
const keyPath = (p) => `{"key_path":["${b64(bytes('ibc'))}","${b64(bytes(p))}"]}`;
const signed = (signer, cs, timestamp, next, nextDiv) =>
  header(signer, { sequence: cs.sequence, diversifier: cs.consensusState.diversifier, timestamp, newPublicKey: next.publicKey, newDiversifier: nextDiv });

const subject = new MemStore();
const substitute = new MemStore();
let cs = { sequence: 1n, isFrozen: false, consensusState: { publicKey: alice.publicKey, diversifier: 'solo', timestamp: T0 } };
step('instantiate', host.call('instantiate', subject, [ENV, INFO, instantiateMsg(cs)]));
step('status', host.call('query', subject, [ENV, '{"status":{}}'], { readOnly: true }));
step('timestamp_at_height', host.call('query', subject, [ENV, `{"timestamp_at_height":{"height":${height(1)}}}`], { readOnly: true }));
const rotate = signed(alice, cs, T0 + 10n, bob, 'solo-2');
step('verify_client_message', host.call('query', subject, [ENV, cm('verify_client_message', headerMessage(rotate))], { readOnly: true }));
step('check_for_misbehaviour', host.call('query', subject, [ENV, cm('check_for_misbehaviour', headerMessage(rotate))], { readOnly: true }));
step('update_state', host.call('sudo', subject, [ENV, cm('update_state', headerMessage(rotate))]));
cs = { sequence: 2n, isFrozen: false, consensusState: { publicKey: bob.publicKey, diversifier: 'solo-2', timestamp: T0 + 10n } };
const at = () => ({ sequence: cs.sequence, diversifier: cs.consensusState.diversifier });
const p1 = proof(bob, { ...at(), timestamp: T0 + 20n, path: CONNECTION_PATH, value: CONNECTION_END });
step('verify_membership', host.call('sudo', subject, [ENV,
  `{"verify_membership":{"height":${height(2)},"delay_time_period":0,"delay_block_period":0,"proof":"${b64(bytes(p1))}","merkle_path":${keyPath(CONNECTION_PATH)},"value":"${b64(bytes(CONNECTION_END))}"}}`]));
cs = { ...cs, sequence: 3n, consensusState: { ...cs.consensusState, timestamp: T0 + 20n } };
const p2 = proof(bob, { ...at(), timestamp: T0 + 30n, path: RECEIPT_PATH, value: null });
step('verify_non_membership', host.call('sudo', subject, [ENV,
  `{"verify_non_membership":{"height":${height(3)},"delay_time_period":0,"delay_block_period":0,"proof":"${b64(bytes(p2))}","merkle_path":${keyPath(RECEIPT_PATH)}}}`]));
cs = { ...cs, sequence: 4n, consensusState: { ...cs.consensusState, timestamp: T0 + 30n } };
const mb = misbehaviourMessage(signed(bob, cs, T0 + 40n, bob, 'solo-2'), signed(bob, cs, T0 + 41n, bob, 'solo-2'));
step('verify_client_message (misbehaviour)', host.call('query', subject, [ENV, cm('verify_client_message', mb)], { readOnly: true }));
step('check_for_misbehaviour (misbehaviour)', host.call('query', subject, [ENV, cm('check_for_misbehaviour', mb)], { readOnly: true }));
step('update_state_on_misbehaviour', host.call('sudo', subject, [ENV, cm('update_state_on_misbehaviour', mb)]));
step('status (frozen)', host.call('query', subject, [ENV, '{"status":{}}'], { readOnly: true }));
step('verify_upgrade_and_update_state', host.call('sudo', subject, [ENV,
  '{"verify_upgrade_and_update_state":{"upgrade_client_state":"Y2xpZW50LXN0YXRlLWRhdGE=","upgrade_consensus_state":"Y29uc2Vuc3VzLXN0YXRlLWRhdGE=","proof_upgrade_client":"dXBncmFkZWQgY2xpZW50IHN0YXRlIHByb29m","proof_upgrade_consensus_state":"dXBncmFkZWQgY29uc2Vuc3VzIHN0YXRlIHByb29m"}}']));
const sub = { sequence: 10n, isFrozen: false, consensusState: { publicKey: carol.publicKey, diversifier: 'substitute', timestamp: T0 + 50n } };
step('instantiate (substitute)', host.call('instantiate', substitute, [ENV, INFO, instantiateMsg(sub)]));
step('migrate_client_store', host.call('sudo', new RecoveryStore(subject, substitute), [ENV, '{"migrate_client_store":{}}']));
cs = sub;
step('status (recovered)', host.call('query', subject, [ENV, '{"status":{}}'], { readOnly: true }));
step('update_state (recovered)', host.call('sudo', subject, [ENV, cm('update_state', headerMessage(signed(carol, cs, T0 + 60n, carol, 'substitute')))]));
step('migrate', host.call('migrate', subject, [ENV, '{}']));

for (const [name, gas, raw] of steps) console.log(`  ${name.padEnd(40)} ${String(gas).padStart(12)}  ${raw.slice(0, 50)}`);
