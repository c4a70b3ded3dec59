#include "solomachine.h"

#include "json.h"
#include "proto.h"
#include "store.h"

#define TYPE_URL_WASM_CLIENT_STATE "/ibc.lightclients.wasm.v1.ClientState"
#define TYPE_URL_WASM_CONSENSUS_STATE "/ibc.lightclients.wasm.v1.ConsensusState"
#define TYPE_URL_ED25519_PUBKEY "/cosmos.crypto.ed25519.PubKey"
/* ibc-go 06-solomachine `SentinelHeaderPath`: the SignBytes path of a header. */
#define SENTINEL_HEADER_PATH "solomachine:header"

/* ---------------------------------------------------------------- field checks */

static bool fixed_bytes(Bytes v, u32 want, u8 *out, const char *field, const char *what) {
  if (v.len != want) {
    err_begin(field);
    err_str(" in ");
    err_str(what);
    err_str(" must be ");
    err_u64(want);
    err_str(" bytes, got ");
    err_u64(v.len);
    return err_end();
  }
  if (out) memcpy(out, v.ptr, want);
  return true;
}

/* Printable ASCII keeps the diversifier's JSON form canonical; like 06-solomachine, it may be empty but not blank. */
static bool check_diversifier(Bytes d, const char *field, const char *what) {
  bool blank = d.len > 0;
  for (u32 i = 0; i < d.len; i++) {
    if (d.ptr[i] < 0x20u || d.ptr[i] > 0x7Eu) {
      err_begin(field);
      err_str(" in ");
      err_str(what);
      err_str(" must be printable ASCII");
      return err_end();
    }
    if (d.ptr[i] != ' ') blank = false;
  }
  if (d.len > MAX_DIVERSIFIER_LEN) {
    err_begin(field);
    err_str(" in ");
    err_str(what);
    err_str(" is longer than 128 bytes");
    return err_end();
  }
  if (blank) {
    err_begin(field);
    err_str(" in ");
    err_str(what);
    err_str(" cannot contain only spaces");
    return err_end();
  }
  return true;
}

static bool nonzero(u64 v, const char *field, const char *what) {
  if (v != 0) return true;
  err_begin(field);
  err_str(" in ");
  err_str(what);
  err_str(" cannot be 0");
  return err_end();
}

/* ---------------------------------------------------------------- JSON data */

static bool read_consensus_state(Bytes value, ConsensusState *cons, const char *what) {
  JsonField f[] = {{"public_key"}, {"diversifier"}, {"timestamp"}};
  if (!json_object(value, f, 3, what)) return false;
  Buf key = {0};
  cons->diversifier = (Buf){0};
  if (!json_base64(f[0].value, &key, "public_key")) return false;
  if (!fixed_bytes(buf_view(&key), PUBLIC_KEY_LEN, cons->public_key, "public_key", what)) return false;
  if (!json_string(f[1].value, &cons->diversifier, "diversifier")) return false;
  if (!check_diversifier(buf_view(&cons->diversifier), "diversifier", what)) return false;
  if (!json_u64(f[2].value, &cons->timestamp, "timestamp")) return false;
  return nonzero(cons->timestamp, "timestamp", what);
}

static bool document(Bytes data, Bytes *value, const char *what) {
  if (data.len == 0) {
    err_begin(what);
    err_str(" cannot be empty");
    return err_end();
  }
  return json_document(data, value, what);
}

bool parse_consensus_state(Bytes data, ConsensusState *cons, const char *what) {
  Bytes value;
  return document(data, &value, what) && read_consensus_state(value, cons, what);
}

bool parse_client_state(Bytes data, ClientState *cs, const char *what) {
  Bytes value;
  if (!document(data, &value, what)) return false;
  JsonField f[] = {{"sequence"}, {"is_frozen"}, {"consensus_state"}};
  if (!json_object(value, f, 3, what)) return false;
  if (!json_u64(f[0].value, &cs->sequence, "sequence")) return false;
  if (!nonzero(cs->sequence, "sequence", what)) return false;
  if (!json_bool(f[1].value, &cs->is_frozen, "is_frozen")) return false;
  return read_consensus_state(f[2].value, &cs->consensus_state, "consensus_state");
}

static bool read_header(Bytes value, Header *h, const char *what) {
  JsonField f[] = {{"sequence"}, {"timestamp"}, {"new_public_key"}, {"new_diversifier"}, {"signature"}};
  if (!json_object(value, f, 5, what)) return false;
  Buf key = {0};
  *h = (Header){0};
  if (!json_u64(f[0].value, &h->sequence, "sequence")) return false;
  if (!nonzero(h->sequence, "sequence", what)) return false;
  if (!json_u64(f[1].value, &h->timestamp, "timestamp")) return false;
  if (!nonzero(h->timestamp, "timestamp", what)) return false;
  if (!json_base64(f[2].value, &key, "new_public_key")) return false;
  if (!fixed_bytes(buf_view(&key), PUBLIC_KEY_LEN, h->new_public_key, "new_public_key", what)) return false;
  if (!json_string(f[3].value, &h->new_diversifier, "new_diversifier")) return false;
  if (!check_diversifier(buf_view(&h->new_diversifier), "new_diversifier", what)) return false;
  if (!json_base64(f[4].value, &h->signature, "signature")) return false;
  return fixed_bytes(buf_view(&h->signature), SIGNATURE_LEN, 0, "signature", what);
}

static bool headers_sign_same_data(const Header *a, const Header *b) {
  return a->timestamp == b->timestamp && memcmp(a->new_public_key, b->new_public_key, PUBLIC_KEY_LEN) == 0 &&
         bytes_eq(buf_view(&a->new_diversifier), buf_view(&b->new_diversifier));
}

bool parse_client_message(Bytes data, ClientMessage *msg) {
  Bytes doc, inner;
  Buf name = {0};
  if (!document(data, &doc, "client message")) return false;
  if (!json_variant(doc, &name, &inner, "client message")) return false;
  if (bytes_eq_str(buf_view(&name), "header")) {
    msg->is_misbehaviour = false;
    return read_header(inner, &msg->header, "header");
  }
  if (!bytes_eq_str(buf_view(&name), "misbehaviour")) {
    err_begin("unknown variant `");
    err_bytes(buf_view(&name));
    err_str("` in client message, expected `header` or `misbehaviour`");
    return err_end();
  }
  msg->is_misbehaviour = true;
  JsonField f[] = {{"header_1"}, {"header_2"}};
  if (!json_object(inner, f, 2, "misbehaviour")) return false;
  if (!read_header(f[0].value, &msg->header, "header_1")) return false;
  if (!read_header(f[1].value, &msg->header_2, "header_2")) return false;
  if (msg->header.sequence != msg->header_2.sequence) {
    err_begin("misbehaviour headers must have the same sequence, got ");
    err_u64(msg->header.sequence);
    err_str(" and ");
    err_u64(msg->header_2.sequence);
    return err_end();
  }
  /* Different signatures alone prove nothing (ed25519 encodings can vary); the signed data must differ. */
  if (headers_sign_same_data(&msg->header, &msg->header_2)) {
    return fail("misbehaviour headers must sign different data");
  }
  return true;
}

bool parse_proof(Bytes data, Proof *proof) {
  Bytes value;
  if (!document(data, &value, "proof")) return false;
  JsonField f[] = {{"timestamp"}, {"signature"}};
  if (!json_object(value, f, 2, "proof")) return false;
  *proof = (Proof){0};
  if (!json_u64(f[0].value, &proof->timestamp, "timestamp")) return false;
  if (!nonzero(proof->timestamp, "timestamp", "proof")) return false;
  if (!json_base64(f[1].value, &proof->signature, "signature")) return false;
  return fixed_bytes(buf_view(&proof->signature), SIGNATURE_LEN, 0, "signature", "proof");
}

void write_consensus_state(Buf *out, const ConsensusState *cons) {
  buf_lit(out, "{\"public_key\":");
  json_write_base64(out, (Bytes){cons->public_key, PUBLIC_KEY_LEN});
  buf_lit(out, ",\"diversifier\":");
  json_write_string(out, buf_view(&cons->diversifier));
  buf_lit(out, ",\"timestamp\":");
  buf_u64(out, cons->timestamp);
  buf_byte(out, '}');
}

void write_client_state(Buf *out, const ClientState *cs) {
  buf_lit(out, "{\"sequence\":");
  buf_u64(out, cs->sequence);
  if (cs->is_frozen) {
    buf_lit(out, ",\"is_frozen\":true");
  } else {
    buf_lit(out, ",\"is_frozen\":false");
  }
  buf_lit(out, ",\"consensus_state\":");
  write_consensus_state(out, &cs->consensus_state);
  buf_byte(out, '}');
}

bool consensus_states_equal(const ConsensusState *a, const ConsensusState *b) {
  return a->timestamp == b->timestamp && memcmp(a->public_key, b->public_key, PUBLIC_KEY_LEN) == 0 &&
         bytes_eq(buf_view(&a->diversifier), buf_view(&b->diversifier));
}

/* ---------------------------------------------------------------- sign bytes */

/* SignBytes{sequence = 1, timestamp = 2, diversifier = 3, path = 4, data = 5}. */
static void sign_bytes(Buf *out, u64 sequence, u64 timestamp, Bytes diversifier, Bytes path, Bytes data) {
  pb_uint64(out, 1, sequence);
  pb_uint64(out, 2, timestamp);
  pb_bytes(out, 3, diversifier);
  pb_bytes(out, 4, path);
  pb_bytes(out, 5, data);
}

/* HeaderData{new_pub_key = 1: Any{"/cosmos.crypto.ed25519.PubKey", PubKey{key = 1}}, new_diversifier = 2}. */
void header_sign_bytes(Buf *out, const ClientState *cs, const Header *h) {
  Buf pub = {0}, any = {0}, data = {0};
  pb_bytes(&pub, 1, (Bytes){h->new_public_key, PUBLIC_KEY_LEN});
  pb_bytes(&any, 1, LIT(TYPE_URL_ED25519_PUBKEY));
  pb_bytes(&any, 2, buf_view(&pub));
  pb_message(&data, 1, buf_view(&any));
  pb_bytes(&data, 2, buf_view(&h->new_diversifier));
  sign_bytes(out, h->sequence, h->timestamp, buf_view(&cs->consensus_state.diversifier),
             LIT(SENTINEL_HEADER_PATH), buf_view(&data));
  smc_free(pub.ptr);
  smc_free(any.ptr);
  smc_free(data.ptr);
}

void proof_sign_bytes(Buf *out, const ClientState *cs, u64 timestamp, Bytes path, Bytes value) {
  sign_bytes(out, cs->sequence, timestamp, buf_view(&cs->consensus_state.diversifier), path, value);
}

/* ---------------------------------------------------------------- verification */

bool check_active(const ClientState *cs) {
  return cs->is_frozen ? fail("client is frozen") : true;
}

bool check_sequence(const ClientState *cs, u64 sequence, const char *what) {
  if (sequence == cs->sequence) return true;
  err_begin(sequence < cs->sequence ? "stale sequence: " : "future sequence: ");
  err_str(what);
  err_str(" is for sequence ");
  err_u64(sequence);
  err_str(", the client is at sequence ");
  err_u64(cs->sequence);
  return err_end();
}

/* ed25519_verify answers 0 = valid, 1 = invalid, > 1 = a cosmwasm-crypto error code. */
static bool verify_signature(Bytes message, Bytes signature, const u8 *public_key, const char *what) {
  Region m = {(u32)(uintptr_t)message.ptr, message.len, message.len};
  Region s = {(u32)(uintptr_t)signature.ptr, signature.len, signature.len};
  Region k = {(u32)(uintptr_t)public_key, PUBLIC_KEY_LEN, PUBLIC_KEY_LEN};
  u32 code = cw_ed25519_verify(&m, &s, &k);
  if (code == 0) return true;
  if (code == 1) {
    err_begin("invalid signature: ");
    err_str(what);
    err_str(" is not signed by the client's current public key");
    return err_end();
  }
  err_begin("ed25519_verify failed with crypto error code ");
  err_u64(code);
  return err_end();
}

static bool verify_header_signature(const ClientState *cs, const Header *h, const char *what) {
  Buf msg = {0};
  header_sign_bytes(&msg, cs, h);
  bool ok = verify_signature(buf_view(&msg), buf_view(&h->signature), cs->consensus_state.public_key, what);
  smc_free(msg.ptr);
  return ok;
}

bool verify_header(const ClientState *cs, const Header *h) {
  if (!check_active(cs) || !check_sequence(cs, h->sequence, "the header")) return false;
  if (h->timestamp < cs->consensus_state.timestamp) {
    err_begin("header timestamp ");
    err_u64(h->timestamp);
    err_str(" is less than the consensus state timestamp ");
    err_u64(cs->consensus_state.timestamp);
    return err_end();
  }
  return verify_header_signature(cs, h, "the header");
}

/* Both headers must be signed by the current key for their (common) sequence; any sequence counts, as in 06. */
bool verify_misbehaviour(const ClientState *cs, const ClientMessage *msg) {
  if (!msg->is_misbehaviour) return fail("client message is not a misbehaviour");
  return check_active(cs) && verify_header_signature(cs, &msg->header, "header_1 of the misbehaviour") &&
         verify_header_signature(cs, &msg->header_2, "header_2 of the misbehaviour");
}

bool verify_proof(const ClientState *cs, const Proof *proof, Bytes path, Bytes value, const char *what) {
  if (proof->timestamp < cs->consensus_state.timestamp) {
    err_begin("proof timestamp ");
    err_u64(proof->timestamp);
    err_str(" is less than the consensus state timestamp ");
    err_u64(cs->consensus_state.timestamp);
    return err_end();
  }
  Buf msg = {0};
  proof_sign_bytes(&msg, cs, proof->timestamp, path, value);
  bool ok = verify_signature(buf_view(&msg), buf_view(&proof->signature), cs->consensus_state.public_key, what);
  smc_free(msg.ptr);
  return ok;
}

/* ---------------------------------------------------------------- store */

static void prefixed(Buf *out, const char *prefix, const char *key) {
  out->len = 0;
  buf_str(out, prefix);
  buf_str(out, key);
}

void consensus_state_key(Buf *out, const char *prefix, u64 sequence) {
  prefixed(out, prefix, "consensusStates/0-");
  buf_u64(out, sequence);
}

static bool corrupt(const char *prefix, const char *problem) {
  err_begin("stored ");
  err_str(prefix);
  err_str("clientState is invalid: ");
  err_str(problem);
  return err_end();
}

/* Decodes Any{type_url = 1, value = 2} carrying a wasm ClientState{data = 1, checksum = 2, latest_height = 3}. */
bool load_client(const char *prefix, StoredClient *out) {
  Buf key = {0};
  Bytes raw;
  prefixed(&key, prefix, "clientState");
  if (!store_read(buf_view(&key), &raw) || raw.len == 0) {
    /* "subject/" reads as "subject client state not found" */
    u32 n = smc_strlen(prefix);
    err_begin("");
    if (n) {
      err_bytes((Bytes){(const u8 *)prefix, n - 1});
      err_str(" ");
    }
    err_str("client state not found");
    return err_end();
  }
  PbReader r = {raw.ptr, raw.ptr + raw.len};
  PbField f;
  Bytes type_url = {0}, value = {0}, data = {0}, height = {0};
  int st;
  while ((st = pb_next(&r, &f)) == 1) {
    if (f.field == 1 && f.wire_type == 2) type_url = f.bytes;
    if (f.field == 2 && f.wire_type == 2) value = f.bytes;
  }
  if (st < 0) return corrupt(prefix, "malformed Any");
  if (!bytes_eq_str(type_url, TYPE_URL_WASM_CLIENT_STATE)) return corrupt(prefix, "not a wasm ClientState");
  out->checksum = (Bytes){0};
  r = (PbReader){value.ptr, value.ptr + value.len};
  while ((st = pb_next(&r, &f)) == 1) {
    if (f.field == 1 && f.wire_type == 2) data = f.bytes;
    if (f.field == 2 && f.wire_type == 2) out->checksum = f.bytes;
    if (f.field == 3 && f.wire_type == 2) height = f.bytes;
  }
  if (st < 0) return corrupt(prefix, "malformed wasm ClientState");
  u64 revision_number = 0, revision_height = 0;
  r = (PbReader){height.ptr, height.ptr + height.len};
  while ((st = pb_next(&r, &f)) == 1) {
    if (f.field == 1 && f.wire_type == 0) revision_number = f.varint;
    if (f.field == 2 && f.wire_type == 0) revision_height = f.varint;
  }
  if (st < 0) return corrupt(prefix, "malformed latest_height");
  if (!parse_client_state(data, &out->state, "client state data")) return false;
  if (revision_number != 0 || revision_height != out->state.sequence) {
    return corrupt(prefix, "latest_height differs from the sequence");
  }
  return true;
}

void save_client(const char *prefix, const ClientState *cs, Bytes checksum) {
  Buf data = {0}, height = {0}, wasm = {0}, any = {0}, key = {0};
  write_client_state(&data, cs);
  pb_uint64(&height, 1, 0); /* revision_number: always 0 */
  pb_uint64(&height, 2, cs->sequence);
  pb_bytes(&wasm, 1, buf_view(&data));
  pb_bytes(&wasm, 2, checksum);
  pb_message(&wasm, 3, buf_view(&height));
  pb_bytes(&any, 1, LIT(TYPE_URL_WASM_CLIENT_STATE));
  pb_bytes(&any, 2, buf_view(&wasm));
  prefixed(&key, prefix, "clientState");
  store_write(buf_view(&key), buf_view(&any));
}

void save_consensus_state(const char *prefix, u64 sequence, const ConsensusState *cons) {
  Buf data = {0}, wasm = {0}, any = {0}, key = {0};
  write_consensus_state(&data, cons);
  pb_bytes(&wasm, 1, buf_view(&data));
  pb_bytes(&any, 1, LIT(TYPE_URL_WASM_CONSENSUS_STATE));
  pb_bytes(&any, 2, buf_view(&wasm));
  consensus_state_key(&key, prefix, sequence);
  store_write(buf_view(&key), buf_view(&any));
}
