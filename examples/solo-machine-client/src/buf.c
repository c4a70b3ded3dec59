/* Growable buffers, byte views and the contract-error message buffer. */
#include "cw.h"

void buf_reserve(Buf *b, u32 extra) {
  if (extra > 0xFFFFFFFFu - b->len) smc_trap("buffer too large");
  u32 need = b->len + extra;
  if (need <= b->cap) return;
  u32 cap = b->cap ? b->cap : 120u; /* a 128-byte block with the allocator's header */
  while (cap < need) cap = cap > 0x7FFFFFFFu ? need : cap * 2u;
  u8 *p = smc_alloc(cap);
  if (b->len) memcpy(p, b->ptr, b->len);
  smc_free(b->ptr);
  b->ptr = p;
  b->cap = cap;
}

void buf_push(Buf *b, const void *data, u32 len) {
  buf_reserve(b, len);
  if (len) memcpy(b->ptr + b->len, data, len);
  b->len += len;
}

void buf_str(Buf *b, const char *s) { buf_push(b, s, smc_strlen(s)); }

void buf_bytes(Buf *b, Bytes v) { buf_push(b, v.ptr, v.len); }

void buf_u64(Buf *b, u64 v) {
  char tmp[20];
  u32 n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10u);
    v /= 10u;
  } while (v);
  buf_reserve(b, n);
  while (n) b->ptr[b->len++] = (u8)tmp[--n];
}

Bytes buf_view(const Buf *b) { return (Bytes){b->ptr, b->len}; }

Bytes bytes_of(const char *s) { return (Bytes){(const u8 *)s, smc_strlen(s)}; }

bool bytes_eq(Bytes a, Bytes b) { return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0; }

/* Stops at the first difference, without measuring `s` first. */
bool bytes_eq_str(Bytes a, const char *s) {
  for (u32 i = 0; i < a.len; i++) {
    if (s[i] == 0 || (u8)s[i] != a.ptr[i]) return false;
  }
  return s[a.len] == 0;
}

bool bytes_starts_with(Bytes a, Bytes prefix) {
  return a.len >= prefix.len && memcmp(a.ptr, prefix.ptr, prefix.len) == 0;
}

static Buf error_buf;

void err_begin(const char *message) {
  error_buf.len = 0;
  buf_str(&error_buf, message);
}

void err_str(const char *s) { buf_str(&error_buf, s); }

void err_bytes(Bytes s) { buf_bytes(&error_buf, s); }

void err_u64(u64 v) { buf_u64(&error_buf, v); }

bool err_end(void) { return false; }

bool fail(const char *message) {
  err_begin(message);
  return false;
}

Bytes err_message(void) { return buf_view(&error_buf); }
