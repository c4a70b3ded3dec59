/*
 * Entry points of the ibc-go 08-wasm contract API (generation G5: ibc-go v10/v11, `merkle_path`):
 * instantiate; query status / timestamp_at_height / verify_client_message / check_for_misbehaviour; sudo
 * update_state / update_state_on_misbehaviour / verify_membership / verify_non_membership /
 * verify_upgrade_and_update_state / migrate_client_store; migrate.
 *
 * Every handler validates everything and only then writes, so a failing call (a contract error) writes nothing.
 * The `env` and `info` arguments are not needed: a solo machine has no notion of the host's time or height.
 */
#include "json.h"
#include "solomachine.h"
#include "store.h"

static Bytes argument(u32 region_ptr) {
  const Region *r = (const Region *)(uintptr_t)region_ptr;
  return (Bytes){(const u8 *)(uintptr_t)r->offset, r->length};
}

static u32 into_region(Buf *out) {
  Region *r = smc_alloc(sizeof(Region));
  r->offset = (u32)(uintptr_t)out->ptr;
  r->capacity = out->cap;
  r->length = out->len;
  return (u32)(uintptr_t)r;
}

/* ContractResult::Err */
static u32 respond_error(void) {
  Buf out = {0};
  buf_lit(&out, "{\"error\":");
  json_write_string(&out, err_message());
  buf_byte(&out, '}');
  return into_region(&out);
}

/* ContractResult<Response>::Ok with only `data` (the host rejects messages, attributes and events). */
static u32 respond_response(const Buf *data) {
  Buf out = {0};
  buf_lit(&out, "{\"ok\":{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":");
  if (data) {
    json_write_base64(&out, buf_view(data));
  } else {
    buf_lit(&out, "null");
  }
  buf_lit(&out, "}}");
  return into_region(&out);
}

/* ContractResult<Binary>::Ok for queries: the JSON answer, base64'd. */
static u32 respond_query(const Buf *answer) {
  Buf out = {0};
  buf_lit(&out, "{\"ok\":");
  json_write_base64(&out, buf_view(answer));
  buf_byte(&out, '}');
  return into_region(&out);
}

static bool empty_object(Bytes value, const char *what) { return json_object(value, 0, 0, what); }

static bool read_base64_field(JsonField *f, Buf *out) { return json_base64(f->value, out, f->name); }

/* clienttypes.Height; ibc-go ≥ v9 always writes both fields, older hosts omit zeros. */
static bool read_height(Bytes value, u64 *revision_number, u64 *revision_height) {
  JsonField f[] = {{"revision_number", true}, {"revision_height", true}};
  *revision_number = *revision_height = 0;
  if (!json_object(value, f, 2, "height")) return false;
  if (f[0].present && !json_u64(f[0].value, revision_number, "revision_number")) return false;
  if (f[1].present && !json_u64(f[1].value, revision_height, "revision_height")) return false;
  return true;
}

static void write_height(Buf *out, u64 revision_height) {
  buf_lit(out, "{\"revision_number\":0,\"revision_height\":");
  buf_u64(out, revision_height);
  buf_byte(out, '}');
}

static bool next_sequence(const ClientState *cs, u64 *next) {
  if (cs->sequence == 0xFFFFFFFFFFFFFFFFull) return fail("sequence overflow");
  *next = cs->sequence + 1u;
  return true;
}

/* Moves the client to `next`: the client state plus the one consensus state it keeps, at its latest height. */
static void advance(const StoredClient *old, const ClientState *next) {
  Buf key = {0};
  consensus_state_key(&key, "", old->state.sequence);
  store_remove(buf_view(&key));
  save_client("", next, old->checksum);
  save_consensus_state("", next->sequence, &next->consensus_state);
}

static bool read_client_message(Bytes value, const char *what, ClientMessage *msg) {
  JsonField f[] = {{"client_message"}};
  Buf data = {0};
  return json_object(value, f, 1, what) && read_base64_field(&f[0], &data) &&
         parse_client_message(buf_view(&data), msg);
}

/* ================================================================ instantiate */

static bool do_instantiate(Bytes msg) {
  Bytes doc;
  if (!json_document(msg, &doc, "instantiate message")) return false;
  JsonField f[] = {{"client_state"}, {"consensus_state"}, {"checksum"}};
  Buf cs_data = {0}, cons_data = {0}, checksum = {0};
  if (!json_object(doc, f, 3, "instantiate message")) return false;
  if (!read_base64_field(&f[0], &cs_data) || !read_base64_field(&f[1], &cons_data) ||
      !read_base64_field(&f[2], &checksum)) {
    return false;
  }
  ClientState cs;
  ConsensusState cons;
  if (!parse_client_state(buf_view(&cs_data), &cs, "client_state")) return false;
  if (!parse_consensus_state(buf_view(&cons_data), &cons, "consensus_state")) return false;
  if (checksum.len != CHECKSUM_LEN) {
    err_begin("checksum must be 32 bytes, got ");
    err_u64(checksum.len);
    return err_end();
  }
  if (cs.is_frozen) return fail("cannot create a frozen client");
  if (!consensus_states_equal(&cs.consensus_state, &cons)) {
    return fail("consensus state in initial client does not equal initial consensus state");
  }
  save_client("", &cs, buf_view(&checksum));
  save_consensus_state("", cs.sequence, &cons);
  return true;
}

EXPORT("instantiate") u32 instantiate(u32 env, u32 info, u32 msg) {
  (void)env;
  (void)info;
  return do_instantiate(argument(msg)) ? respond_response(0) : respond_error();
}

/* ================================================================ query */

static bool query_status(Bytes value, Buf *answer) {
  StoredClient c;
  if (!empty_object(value, "status") || !load_client("", &c)) return false;
  if (c.state.is_frozen) {
    buf_lit(answer, "{\"status\":\"Frozen\"}");
  } else {
    buf_lit(answer, "{\"status\":\"Active\"}");
  }
  return true;
}

/* The client keeps one consensus state, at its latest height (0-{sequence}), like 06-solomachine. */
static bool query_timestamp_at_height(Bytes value, Buf *answer) {
  JsonField f[] = {{"height"}};
  u64 number, height;
  StoredClient c;
  if (!json_object(value, f, 1, "timestamp_at_height") || !read_height(f[0].value, &number, &height)) return false;
  if (!load_client("", &c)) return false;
  if (number != 0 || height != c.state.sequence) {
    err_begin("consensus state not found at height ");
    err_u64(number);
    err_str("-");
    err_u64(height);
    err_str(": the client keeps only its latest height 0-");
    err_u64(c.state.sequence);
    return err_end();
  }
  buf_lit(answer, "{\"timestamp\":");
  buf_u64(answer, c.state.consensus_state.timestamp);
  buf_byte(answer, '}');
  return true;
}

static bool query_verify_client_message(Bytes value, Buf *answer) {
  ClientMessage msg;
  StoredClient c;
  if (!read_client_message(value, "verify_client_message", &msg) || !load_client("", &c)) return false;
  bool ok = msg.is_misbehaviour ? verify_misbehaviour(&c.state, &msg) : verify_header(&c.state, &msg.header);
  if (ok) buf_lit(answer, "{}");
  return ok;
}

/* As in 06-solomachine, a (verified) misbehaviour message is the misbehaviour; a header never is. */
static bool query_check_for_misbehaviour(Bytes value, Buf *answer) {
  ClientMessage msg;
  if (!read_client_message(value, "check_for_misbehaviour", &msg)) return false;
  if (msg.is_misbehaviour) {
    buf_lit(answer, "{\"found_misbehaviour\":true}");
  } else {
    buf_lit(answer, "{\"found_misbehaviour\":false}");
  }
  return true;
}

EXPORT("query") u32 query(u32 env, u32 msg) {
  (void)env;
  Bytes doc, inner;
  Buf name = {0}, answer = {0};
  bool ok = json_document(argument(msg), &doc, "query message") &&
            json_variant(doc, &name, &inner, "query message");
  if (ok) {
    Bytes n = buf_view(&name);
    if (bytes_eq_str(n, "status")) {
      ok = query_status(inner, &answer);
    } else if (bytes_eq_str(n, "timestamp_at_height")) {
      ok = query_timestamp_at_height(inner, &answer);
    } else if (bytes_eq_str(n, "verify_client_message")) {
      ok = query_verify_client_message(inner, &answer);
    } else if (bytes_eq_str(n, "check_for_misbehaviour")) {
      ok = query_check_for_misbehaviour(inner, &answer);
    } else {
      err_begin("unknown variant `");
      err_bytes(n);
      err_str("`, expected one of `status`, `timestamp_at_height`, `verify_client_message`, "
              "`check_for_misbehaviour`");
      ok = err_end();
    }
  }
  return ok ? respond_query(&answer) : respond_error();
}

/* ================================================================ sudo */

/*
 * Re-verifies the header although the host ran verify_client_message just before: the sudo must be safe on its
 * own (one extra ed25519_verify). A misbehaviour message updates nothing (06-solomachine: no heights).
 */
static bool sudo_update_state(Bytes value, Buf *data) {
  ClientMessage msg;
  StoredClient c;
  if (!read_client_message(value, "update_state", &msg)) return false;
  if (msg.is_misbehaviour) {
    buf_lit(data, "{\"heights\":[]}");
    return true;
  }
  if (!load_client("", &c) || !verify_header(&c.state, &msg.header)) return false;
  ClientState next = {0};
  if (!next_sequence(&c.state, &next.sequence)) return false;
  next.is_frozen = false;
  memcpy(next.consensus_state.public_key, msg.header.new_public_key, PUBLIC_KEY_LEN);
  next.consensus_state.diversifier = msg.header.new_diversifier;
  next.consensus_state.timestamp = msg.header.timestamp;
  advance(&c, &next);
  buf_lit(data, "{\"heights\":[");
  write_height(data, next.sequence);
  buf_lit(data, "]}");
  return true;
}

static bool sudo_update_state_on_misbehaviour(Bytes value, Buf *data) {
  ClientMessage msg;
  StoredClient c;
  if (!read_client_message(value, "update_state_on_misbehaviour", &msg)) return false;
  if (!msg.is_misbehaviour) return fail("update_state_on_misbehaviour expects a misbehaviour, got a header");
  if (!load_client("", &c) || !verify_misbehaviour(&c.state, &msg)) return false;
  c.state.is_frozen = true;
  save_client("", &c.state, c.checksum);
  buf_lit(data, "{}");
  return true;
}

/*
 * verify_membership / verify_non_membership. The proof height names the sequence the solo machine signed for; like
 * 06-solomachine a proof is single-use: success consumes the sequence (sequence + 1, consensus timestamp = proof
 * timestamp), so the client's latest height moves to the next sequence. Delays are ignored (no block time).
 */
static bool sudo_verify(Bytes value, Buf *data, bool membership) {
  const char *what = membership ? "verify_membership" : "verify_non_membership";
  JsonField f[] = {{"height"},     {"delay_time_period"}, {"delay_block_period"},
                   {"proof"},      {"merkle_path"},       {"value", !membership}};
  u64 number, height, delay;
  Buf proof_data = {0}, value_bytes = {0};
  Proof proof;
  if (!json_object(value, f, membership ? 6 : 5, what)) return false;
  if (!read_height(f[0].value, &number, &height)) return false;
  if (!json_u64(f[1].value, &delay, "delay_time_period") || !json_u64(f[2].value, &delay, "delay_block_period")) {
    return false;
  }
  if (!read_base64_field(&f[3], &proof_data) || !parse_proof(buf_view(&proof_data), &proof)) return false;

  /* MerklePath{key_path}: omitempty, so an empty path arrives as {}. */
  JsonField mp[] = {{"key_path", true}};
  Buf keys[2] = {{0}, {0}};
  u32 count = 0;
  if (!json_object(f[4].value, mp, 1, "merkle_path")) return false;
  if (mp[0].present) {
    JsonArray it;
    Bytes element;
    if (!json_array(mp[0].value, &it, "key_path")) return false;
    while (json_array_next(&it, &element)) {
      if (count < 2 && !json_base64(element, &keys[count], "key_path")) return false;
      count++;
    }
  }
  if (count != 2) {
    err_begin("merkle_path must have 2 elements (prefix, path), got ");
    err_u64(count);
    return err_end();
  }
  if (membership) {
    if (!read_base64_field(&f[5], &value_bytes)) return false;
    /* An empty value would make the sign bytes those of a non-membership proof. */
    if (value_bytes.len == 0) return fail("value cannot be empty");
  }

  StoredClient c;
  if (!load_client("", &c) || !check_active(&c.state)) return false;
  if (number != 0) {
    err_begin("proof height revision number must be 0, got ");
    err_u64(number);
    return err_end();
  }
  if (!check_sequence(&c.state, height, "the proof")) return false;
  if (!verify_proof(&c.state, &proof, buf_view(&keys[1]), buf_view(&value_bytes),
                    membership ? "the membership proof" : "the non-membership proof")) {
    return false;
  }
  ClientState next = c.state;
  if (!next_sequence(&c.state, &next.sequence)) return false;
  next.consensus_state.timestamp = proof.timestamp;
  advance(&c, &next);
  buf_lit(data, "{}");
  return true;
}

static bool sudo_verify_upgrade_and_update_state(Bytes value, Buf *data) {
  (void)value;
  (void)data;
  return fail("cannot upgrade solomachine client: not supported");
}

/*
 * Recovery (MsgRecoverClient) on the recovery store: copies the substitute's state into the frozen subject, as
 * 06-solomachine's CheckSubstituteAndUpdateState does. Subject consensus states are found with db_scan: ibc-go's
 * recovery store answers keys without the "subject/" prefix, a host that keeps it is accepted too.
 */
static bool sudo_migrate_client_store(Bytes value, Buf *data) {
  StoredClient subject, substitute;
  if (!empty_object(value, "migrate_client_store")) return false;
  if (!load_client("subject/", &subject) || !load_client("substitute/", &substitute)) return false;
  if (!subject.state.is_frozen) return fail("cannot recover client: subject client is not frozen");
  if (substitute.state.is_frozen) return fail("cannot recover client: substitute client is frozen");
  if (memcmp(subject.state.consensus_state.public_key, substitute.state.consensus_state.public_key,
             PUBLIC_KEY_LEN) == 0) {
    return fail("cannot recover client: subject and substitute have the same public key");
  }
  if (substitute.state.sequence <= subject.state.sequence) {
    err_begin("cannot recover client: substitute sequence ");
    err_u64(substitute.state.sequence);
    err_str(" must be greater than subject sequence ");
    err_u64(subject.state.sequence);
    return err_end();
  }

  Buf stale = {0}; /* Bytes[] of full keys to remove */
  Bytes subject_prefix = LIT("subject/");
  u32 it = store_scan(LIT("subject/consensusStates/"), LIT("subject/consensusStates0"));
  Bytes key, ignored;
  while (store_next(it, &key, &ignored)) {
    Buf full = {0};
    if (!bytes_starts_with(key, subject_prefix)) buf_bytes(&full, subject_prefix);
    buf_bytes(&full, key);
    Bytes entry = buf_view(&full);
    buf_push(&stale, &entry, sizeof entry);
  }
  for (u32 i = 0; i < stale.len / sizeof(Bytes); i++) store_remove(((const Bytes *)stale.ptr)[i]);

  ClientState recovered = substitute.state;
  recovered.is_frozen = false;
  save_client("subject/", &recovered, subject.checksum);
  save_consensus_state("subject/", recovered.sequence, &recovered.consensus_state);
  buf_lit(data, "{}");
  return true;
}

EXPORT("sudo") u32 sudo(u32 env, u32 msg) {
  (void)env;
  Bytes doc, inner;
  Buf name = {0}, data = {0};
  bool ok = json_document(argument(msg), &doc, "sudo message") && json_variant(doc, &name, &inner, "sudo message");
  if (ok) {
    Bytes n = buf_view(&name);
    if (bytes_eq_str(n, "update_state")) {
      ok = sudo_update_state(inner, &data);
    } else if (bytes_eq_str(n, "update_state_on_misbehaviour")) {
      ok = sudo_update_state_on_misbehaviour(inner, &data);
    } else if (bytes_eq_str(n, "verify_membership")) {
      ok = sudo_verify(inner, &data, true);
    } else if (bytes_eq_str(n, "verify_non_membership")) {
      ok = sudo_verify(inner, &data, false);
    } else if (bytes_eq_str(n, "verify_upgrade_and_update_state")) {
      ok = sudo_verify_upgrade_and_update_state(inner, &data);
    } else if (bytes_eq_str(n, "migrate_client_store")) {
      ok = sudo_migrate_client_store(inner, &data);
    } else {
      err_begin("unknown variant `");
      err_bytes(n);
      err_str("`, expected one of `update_state`, `update_state_on_misbehaviour`, `verify_membership`, "
              "`verify_non_membership`, `verify_upgrade_and_update_state`, `migrate_client_store`");
      ok = err_end();
    }
  }
  return ok ? respond_response(&data) : respond_error();
}

/* ================================================================ migrate */

/* MsgMigrateContract to this code: accepts `{}` and requires the stored client state to be one of ours. */
static bool do_migrate(Bytes msg) {
  Bytes doc;
  StoredClient c;
  if (!json_document(msg, &doc, "migrate message") || !empty_object(doc, "migrate message")) return false;
  if (!load_client("", &c)) {
    Buf reason = {0};
    buf_bytes(&reason, err_message());
    err_begin("cannot migrate: ");
    err_bytes(buf_view(&reason));
    return err_end();
  }
  return true;
}

EXPORT("migrate") u32 migrate(u32 env, u32 msg) {
  (void)env;
  return do_migrate(argument(msg)) ? respond_response(0) : respond_error();
}
