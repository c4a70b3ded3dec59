/*
 * Solo-machine light client for ibc-go 08-wasm: shared declarations.
 *
 * Freestanding C for wasm32 (no libc). Everything crossing the host boundary goes through CosmWasm Regions
 * (three little-endian u32: offset, capacity, length); see cosmwasm-std `exports/memory.rs`.
 */
#ifndef SMC_CW_H
#define SMC_CW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint32_t u32;
typedef int32_t i32;
typedef uint64_t u64;

#define EXPORT(name) __attribute__((export_name(name), visibility("default")))
#define IMPORT(name) __attribute__((import_module("env"), import_name(name)))

typedef struct {
  u32 offset;
  u32 capacity;
  u32 length;
} Region;

/* CosmWasm imports (module "env"); only these seven are used. */
IMPORT("db_read") Region *cw_db_read(Region *key);
IMPORT("db_write") void cw_db_write(Region *key, Region *value);
IMPORT("db_remove") void cw_db_remove(Region *key);
IMPORT("db_scan") u32 cw_db_scan(Region *start, Region *end, i32 order);
IMPORT("db_next") Region *cw_db_next(u32 iterator_id);
IMPORT("ed25519_verify") u32 cw_ed25519_verify(Region *message, Region *signature, Region *public_key);
IMPORT("abort") void cw_abort(Region *message);

/* A read-only view of bytes. */
typedef struct {
  const u8 *ptr;
  u32 len;
} Bytes;

/* A growable, heap-owned byte buffer. */
typedef struct {
  u8 *ptr;
  u32 len;
  u32 cap;
} Buf;

/* mem.c: the four functions clang may emit calls to, plus the allocator. */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *smc_alloc(u32 size);
void smc_free(void *ptr);
_Noreturn void smc_trap(const char *message);
u32 smc_strlen(const char *s);

/* buf.c. Gas: every branch and call costs 14 Wasm operators, so hot paths reserve once and write directly. */
void buf_reserve(Buf *b, u32 extra);
void buf_push(Buf *b, const void *data, u32 len);
void buf_str(Buf *b, const char *s);
static inline void buf_byte(Buf *b, u8 c) {
  if (b->len == b->cap) buf_reserve(b, 1);
  b->ptr[b->len++] = c;
}
/* A string literal, its length known at compile time. */
#define buf_lit(b, s) buf_push((b), "" s, sizeof(s) - 1u)
#define LIT(s) ((Bytes){(const u8 *)"" s, sizeof(s) - 1u})
void buf_u64(Buf *b, u64 v);
void buf_bytes(Buf *b, Bytes v);
Bytes buf_view(const Buf *b);
Bytes bytes_of(const char *s);
bool bytes_eq(Bytes a, Bytes b);
bool bytes_eq_str(Bytes a, const char *s);
bool bytes_starts_with(Bytes a, Bytes prefix);

/*
 * Errors. A failing function writes its message into the single error buffer and returns false; the entry point
 * turns it into the contract result {"error":"..."}. Messages are built with err_* calls.
 */
bool fail(const char *message);
void err_begin(const char *message);
void err_str(const char *s);
void err_bytes(Bytes s);
void err_u64(u64 v);
bool err_end(void);
Bytes err_message(void);

/* base64.c: standard alphabet, padded on encode; decode accepts missing padding, rejects stray bits. */
void base64_encode(Buf *out, Bytes in);
bool base64_decode(Buf *out, Bytes in);

#endif
