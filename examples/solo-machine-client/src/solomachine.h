/*
 * The solo-machine protocol (after ibc-go 06-solomachine v3, ed25519 keys): states, client messages, sign bytes and
 * their verification, and how states are kept in the client store. See ../README.md for the layouts.
 */
#ifndef SMC_SOLOMACHINE_H
#define SMC_SOLOMACHINE_H

#include "cw.h"

#define PUBLIC_KEY_LEN 32u
#define SIGNATURE_LEN 64u
#define CHECKSUM_LEN 32u
#define MAX_DIVERSIFIER_LEN 128u

typedef struct {
  u8 public_key[PUBLIC_KEY_LEN];
  Buf diversifier;
  u64 timestamp;
} ConsensusState;

typedef struct {
  u64 sequence;
  bool is_frozen;
  ConsensusState consensus_state;
} ClientState;

typedef struct {
  u64 sequence;
  u64 timestamp;
  u8 new_public_key[PUBLIC_KEY_LEN];
  Buf new_diversifier;
  Buf signature;
} Header;

typedef struct {
  bool is_misbehaviour;
  Header header;   /* the header, or header_1 of a misbehaviour */
  Header header_2; /* misbehaviour only */
} ClientMessage;

typedef struct {
  u64 timestamp;
  Buf signature;
} Proof;

/* A client as stored under `{prefix}clientState`: our state plus the 08-wasm checksum it was written with. */
typedef struct {
  ClientState state;
  Bytes checksum;
} StoredClient;

/* JSON data blobs. */
bool parse_client_state(Bytes data, ClientState *cs, const char *what);
bool parse_consensus_state(Bytes data, ConsensusState *cons, const char *what);
bool parse_client_message(Bytes data, ClientMessage *msg);
bool parse_proof(Bytes data, Proof *proof);
void write_client_state(Buf *out, const ClientState *cs);
void write_consensus_state(Buf *out, const ConsensusState *cons);
bool consensus_states_equal(const ConsensusState *a, const ConsensusState *b);

/* Sign bytes: protobuf ibc.lightclients.solomachine.v3.SignBytes. */
void header_sign_bytes(Buf *out, const ClientState *cs, const Header *h);
void proof_sign_bytes(Buf *out, const ClientState *cs, u64 timestamp, Bytes path, Bytes value);

/* Checks; each leaves a contract-error message on failure. */
bool check_active(const ClientState *cs);
bool check_sequence(const ClientState *cs, u64 sequence, const char *what);
bool verify_header(const ClientState *cs, const Header *h);
bool verify_misbehaviour(const ClientState *cs, const ClientMessage *msg);
bool verify_proof(const ClientState *cs, const Proof *proof, Bytes path, Bytes value, const char *what);

/* Store: `{prefix}clientState` = Any(wasm ClientState), `{prefix}consensusStates/0-{sequence}` = Any(wasm
 * ConsensusState). `prefix` is "" for the client store, "subject/" or "substitute/" in the recovery store. */
bool load_client(const char *prefix, StoredClient *out);
void save_client(const char *prefix, const ClientState *cs, Bytes checksum);
void save_consensus_state(const char *prefix, u64 sequence, const ConsensusState *cons);
void consensus_state_key(Buf *out, const char *prefix, u64 sequence);

#endif
