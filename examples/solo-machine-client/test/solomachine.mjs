// The client's data formats and sign bytes, written independently of the C sources (from the README's layouts), so
// that a signature the contract accepts proves both sides agree byte for byte.
import crypto from 'node:crypto';
import { b64, bytes } from './host.mjs';

// ---------------------------------------------------------------- protobuf (proto3 wire format)

export function varint(v) {
  let n = BigInt(v);
  const out = [];
  while (n >= 0x80n) {
    out.push(Number(n & 0x7fn) | 0x80);
    n >>= 7n;
  }
  out.push(Number(n));
  return out;
}

const key = (field, wire) => varint((field << 3) | wire);
export const pbUint64 = (field, v) => (BigInt(v) === 0n ? [] : [...key(field, 0), ...varint(v)]);
export const pbMessage = (field, b) => [...key(field, 2), ...varint(b.length), ...b];
export const pbBytes = (field, b) => (b.length === 0 ? [] : pbMessage(field, b));

/** Decodes one message into {field: [values]} (varints as BigInt, length-delimited as Uint8Array). */
export function pbDecode(buf) {
  const out = {};
  let i = 0;
  const readVarint = () => {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      const b = buf[i++];
      if (b === undefined) throw new Error('truncated varint');
      v |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
      shift += 7n;
    }
  };
  while (i < buf.length) {
    const k = Number(readVarint());
    const field = k >> 3;
    const wire = k & 7;
    let value;
    if (wire === 0) value = readVarint();
    else if (wire === 2) {
      const len = Number(readVarint());
      value = buf.subarray(i, i + len);
      i += len;
    } else throw new Error(`unsupported wire type ${wire}`);
    (out[field] ??= []).push(value);
  }
  return out;
}

// ---------------------------------------------------------------- keys

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export class Signer {
  /** A deterministic ed25519 key from a one-byte tag (seed = 32 × tag). */
  constructor(tag) {
    const seed = Buffer.alloc(32, tag);
    this.privateKey = crypto.createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    const spki = crypto.createPublicKey(this.privateKey).export({ format: 'der', type: 'spki' });
    this.publicKey = new Uint8Array(spki.subarray(spki.length - 32));
  }
  sign(message) {
    return new Uint8Array(crypto.sign(null, Buffer.from(message), this.privateKey));
  }
}

// ---------------------------------------------------------------- sign bytes

export const SENTINEL_HEADER_PATH = 'solomachine:header';

/** ibc.lightclients.solomachine.v3.SignBytes{sequence=1, timestamp=2, diversifier=3, path=4, data=5}. */
export function signBytes(sequence, timestamp, diversifier, path, data) {
  return Uint8Array.from([
    ...pbUint64(1, sequence),
    ...pbUint64(2, timestamp),
    ...pbBytes(3, bytes(diversifier)),
    ...pbBytes(4, path),
    ...pbBytes(5, data),
  ]);
}

/** HeaderData{new_pub_key=1: Any{"/cosmos.crypto.ed25519.PubKey", PubKey{key=1}}, new_diversifier=2}. */
export function headerData(newPublicKey, newDiversifier) {
  const pubKey = pbBytes(1, newPublicKey);
  const any = [...pbBytes(1, bytes('/cosmos.crypto.ed25519.PubKey')), ...pbBytes(2, pubKey)];
  return Uint8Array.from([...pbMessage(1, any), ...pbBytes(2, bytes(newDiversifier))]);
}

// ---------------------------------------------------------------- JSON data (u64 as BigInt, written exactly)

const str = (s) => JSON.stringify(s);

export function consensusStateJson({ publicKey, diversifier, timestamp }) {
  return `{"public_key":"${b64(publicKey)}","diversifier":${str(diversifier)},"timestamp":${timestamp}}`;
}

export function clientStateJson({ sequence, isFrozen = false, consensusState }) {
  return `{"sequence":${sequence},"is_frozen":${isFrozen},"consensus_state":${consensusStateJson(consensusState)}}`;
}

/** A header signed by `signer` for a client at (sequence, diversifier). */
export function header(signer, { sequence, timestamp, diversifier, newPublicKey, newDiversifier }) {
  const message = signBytes(
    sequence,
    timestamp,
    diversifier,
    bytes(SENTINEL_HEADER_PATH),
    headerData(newPublicKey, newDiversifier),
  );
  return { sequence, timestamp, newPublicKey, newDiversifier, signature: signer.sign(message) };
}

export function headerJson(h) {
  return (
    `{"sequence":${h.sequence},"timestamp":${h.timestamp},"new_public_key":"${b64(h.newPublicKey)}",` +
    `"new_diversifier":${str(h.newDiversifier)},"signature":"${b64(h.signature)}"}`
  );
}

export const headerMessage = (h) => `{"header":${headerJson(h)}}`;
export const misbehaviourMessage = (h1, h2) =>
  `{"misbehaviour":{"header_1":${headerJson(h1)},"header_2":${headerJson(h2)}}}`;

/** A (non-)membership proof for `path` (the ICS-24 path, merkle_path[1]); value null for non-membership. */
export function proof(signer, { sequence, timestamp, diversifier, path, value }) {
  const message = signBytes(sequence, timestamp, diversifier, bytes(path), value ? bytes(value) : new Uint8Array(0));
  return `{"timestamp":${timestamp},"signature":"${b64(signer.sign(message))}"}`;
}
