/*
 * A small strict JSON reader (RFC 8259: UTF-8 only, no trailing data, nesting ≤ 64) and writer helpers, enough for
 * the 08-wasm payloads and this client's own data. Values are handled as raw spans of an already validated document.
 */
#ifndef SMC_JSON_H
#define SMC_JSON_H

#include "cw.h"

/* Validates a whole document and returns the span of its single top-level value. */
bool json_document(Bytes in, Bytes *value, const char *what);

bool json_is_null(Bytes value);
bool json_string(Bytes value, Buf *out, const char *what);
bool json_u64(Bytes value, u64 *out, const char *what);
bool json_bool(Bytes value, bool *out, const char *what);
/* A base64 string (cosmwasm `Binary`); `null` (Go's nil []byte) reads as empty. */
bool json_base64(Bytes value, Buf *out, const char *what);

typedef struct {
  const char *name;
  bool optional;
  bool present;
  Bytes value;
} JsonField;

/* Reads an object whose keys must all be among `fields` (like serde's deny_unknown_fields), without duplicates. */
bool json_object(Bytes value, JsonField *fields, u32 count, const char *what);
/* Reads an externally tagged enum variant: an object with exactly one key (cw_serde enums). */
bool json_variant(Bytes value, Buf *name, Bytes *inner, const char *what);

typedef struct {
  const u8 *p;
  const u8 *end;
  bool started;
} JsonArray;

bool json_array(Bytes value, JsonArray *it, const char *what);
/* Returns true and the next element, or false at the end. */
bool json_array_next(JsonArray *it, Bytes *element);

/* Writes `s` as a JSON string (quotes, escapes for '"', '\\' and control characters). */
void json_write_string(Buf *out, Bytes s);
void json_write_base64(Buf *out, Bytes data);

#endif
