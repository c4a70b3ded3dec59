#include "proto.h"

void pb_varint(Buf *out, u64 v) {
  while (v >= 0x80u) {
    buf_byte(out, (u8)(v | 0x80u));
    v >>= 7;
  }
  buf_byte(out, (u8)v);
}

static void pb_key(Buf *out, u32 field, u32 wire_type) { pb_varint(out, (u64)field << 3 | wire_type); }

void pb_uint64(Buf *out, u32 field, u64 v) {
  if (v == 0) return;
  pb_key(out, field, 0);
  pb_varint(out, v);
}

void pb_bytes(Buf *out, u32 field, Bytes v) {
  if (v.len == 0) return;
  pb_message(out, field, v);
}

void pb_message(Buf *out, u32 field, Bytes encoded) {
  pb_key(out, field, 2);
  pb_varint(out, encoded.len);
  buf_bytes(out, encoded);
}

static bool read_varint(PbReader *r, u64 *v) {
  u64 acc = 0;
  for (u32 shift = 0; shift < 64; shift += 7) {
    if (r->p >= r->end) return false;
    u8 b = *r->p++;
    if (shift == 63 && b > 1u) return false;
    acc |= (u64)(b & 0x7Fu) << shift;
    if (!(b & 0x80u)) {
      *v = acc;
      return true;
    }
  }
  return false;
}

int pb_next(PbReader *r, PbField *f) {
  if (r->p == r->end) return 0;
  u64 key;
  if (!read_varint(r, &key)) return -1;
  if (key >> 3 == 0 || key >> 3 > 0x1FFFFFFFu) return -1;
  f->field = (u32)(key >> 3);
  f->wire_type = (u32)(key & 7u);
  switch (f->wire_type) {
    case 0:
      return read_varint(r, &f->varint) ? 1 : -1;
    case 1:
      if (r->end - r->p < 8) return -1;
      r->p += 8;
      return 1;
    case 2: {
      u64 len;
      if (!read_varint(r, &len) || len > (u64)(r->end - r->p)) return -1;
      f->bytes = (Bytes){r->p, (u32)len};
      r->p += len;
      return 1;
    }
    case 5:
      if (r->end - r->p < 4) return -1;
      r->p += 4;
      return 1;
    default:
      return -1;
  }
}
