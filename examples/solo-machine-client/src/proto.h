/*
 * Protobuf wire format (proto3, as gogoproto/protobuf-java emit it): fields in ascending number order, zero
 * scalars and empty bytes omitted. Only what this client writes and reads.
 */
#ifndef SMC_PROTO_H
#define SMC_PROTO_H

#include "cw.h"

void pb_varint(Buf *out, u64 v);
/* Field with wire type 0; omitted when v == 0. */
void pb_uint64(Buf *out, u32 field, u64 v);
/* Field with wire type 2; omitted when empty. */
void pb_bytes(Buf *out, u32 field, Bytes v);
/* Embedded message field, always written (gogoproto nullable=false). */
void pb_message(Buf *out, u32 field, Bytes encoded);

/* Reads the fields of one message; unknown fields are skipped. */
typedef struct {
  const u8 *p;
  const u8 *end;
} PbReader;

typedef struct {
  u32 field;
  u32 wire_type;
  u64 varint;  /* wire type 0 */
  Bytes bytes; /* wire type 2 */
} PbField;

/* Returns 1 with the next field, 0 at the end, -1 on malformed input. */
int pb_next(PbReader *r, PbField *f);

#endif
