/*
 * Contract storage through the db_* imports. The host hands the client's prefix store `clients/{client-id}/` (or,
 * for migrate_client_store, the recovery store with `subject/` and `substitute/` prefixes) as the whole store.
 * Values read stay allocated until the call ends: the host creates a fresh instance per call.
 */
#include "store.h"

static Region view(Bytes b) { return (Region){(u32)(uintptr_t)b.ptr, b.len, b.len}; }

bool store_read(Bytes key, Bytes *value) {
  Region k = view(key);
  Region *r = cw_db_read(&k);
  if (!r) return false;
  *value = (Bytes){(const u8 *)(uintptr_t)r->offset, r->length};
  return true;
}

void store_write(Bytes key, Bytes value) {
  Region k = view(key), v = view(value);
  cw_db_write(&k, &v);
}

void store_remove(Bytes key) {
  Region k = view(key);
  cw_db_remove(&k);
}

u32 store_scan(Bytes start, Bytes end) {
  Region s = view(start), e = view(end);
  return cw_db_scan(&s, &e, 1 /* ascending */);
}

static u32 be32(const u8 *p) { return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3]; }

/* db_next answers `key ‖ u32be(len key) ‖ value ‖ u32be(len value)`; an empty key marks the end. */
bool store_next(u32 iterator, Bytes *key, Bytes *value) {
  Region *r = cw_db_next(iterator);
  const u8 *base = (const u8 *)(uintptr_t)r->offset;
  u32 n = r->length;
  if (n < 8) smc_trap("db_next: malformed sections");
  u32 value_len = be32(base + n - 4);
  if (value_len > n - 8) smc_trap("db_next: malformed sections");
  u32 key_end = n - 4 - value_len;
  u32 key_len = be32(base + key_end - 4);
  if (key_len != key_end - 4) smc_trap("db_next: malformed sections");
  *key = (Bytes){base, key_len};
  *value = (Bytes){base + key_end, value_len};
  return key_len != 0;
}
