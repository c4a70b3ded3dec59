/*
 * Memory: the libc functions clang may call, a size-class free-list allocator on a bump heap, and the CosmWasm
 * `allocate` / `deallocate` exports.
 *
 * The host creates a fresh instance for every call, so the heap only has to serve one call well; free lists still
 * matter because buffers grow by doubling and the host frees every argument Region it passes in.
 */
#include "cw.h"

/*
 * Eight bytes per iteration: under CosmWasm metering each loop iteration pays for its branch (14 operators), so
 * word-wise copying is several times cheaper than byte-wise. LLVM does not turn the loops inside functions named
 * memcpy/memset back into calls to themselves.
 */
typedef u64 __attribute__((aligned(1), may_alias)) unaligned_u64;

void *memcpy(void *dst, const void *src, size_t n) {
  u8 *d = dst;
  const u8 *s = src;
  for (; n >= 8; n -= 8, d += 8, s += 8) *(unaligned_u64 *)d = *(const unaligned_u64 *)s;
  while (n--) *d++ = *s++;
  return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
  u8 *d = dst;
  const u8 *s = src;
  if (d == s || n == 0) return dst;
  if (d < s || d >= s + n) return memcpy(dst, src, n);
  d += n;
  s += n;
  for (; n >= 8; n -= 8) {
    d -= 8;
    s -= 8;
    *(unaligned_u64 *)d = *(const unaligned_u64 *)s;
  }
  while (n--) *--d = *--s;
  return dst;
}

void *memset(void *dst, int c, size_t n) {
  u8 *d = dst;
  u64 word = 0x0101010101010101ull * (u8)c;
  for (; n >= 8; n -= 8, d += 8) *(unaligned_u64 *)d = word;
  while (n--) *d++ = (u8)c;
  return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
  const u8 *x = a, *y = b;
  for (; n >= 8 && *(const unaligned_u64 *)x == *(const unaligned_u64 *)y; n -= 8, x += 8, y += 8) {
  }
  for (size_t i = 0; i < n; i++) {
    if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return 0;
}

u32 smc_strlen(const char *s) {
  u32 n = 0;
  while (s[n]) n++;
  return n;
}

/*
 * Aborts the call through the `abort` import: the VM reports "Aborted: <message>". Used only for states that no
 * input can produce (heap exhausted, corrupted allocator metadata); every input error is a contract error instead.
 */
_Noreturn void smc_trap(const char *message) {
  static Region r;
  r.offset = (u32)(uintptr_t)message;
  r.capacity = r.length = smc_strlen(message);
  cw_abort(&r);
  __builtin_unreachable();
}

/*
 * Blocks are powers of two from 16 bytes (class 4) up to 1 GiB (class 30), each with an 8-byte header holding the
 * class and a tag that catches double frees and foreign pointers. Freed blocks go to their class's list.
 */
#define HEADER 8u
#define MIN_CLASS 4u
#define MAX_CLASS 30u
#define TAG_LIVE 0x534d4331u /* "SMC1" */
#define TAG_FREE 0x534d4330u /* "SMC0" */

extern u8 __heap_base;

static u32 heap_top;
static u32 free_list[MAX_CLASS + 1];

static u32 class_for(u32 size) {
  if (size > (1u << MAX_CLASS) - HEADER) smc_trap("allocation too large");
  u32 need = size + HEADER, cls = MIN_CLASS;
  while ((1u << cls) < need) cls++;
  return cls;
}

static u32 bump(u32 block_size) {
  if (heap_top == 0) heap_top = ((u32)(uintptr_t)&__heap_base + 15u) & ~15u;
  /* Block sizes are multiples of 16, so heap_top stays 16-byte aligned. */
  u32 start = heap_top;
  if (start > 0xFFFFFFFFu - block_size) smc_trap("out of memory");
  u32 end = start + block_size;
  u32 have = (u32)__builtin_wasm_memory_size(0) * 65536u;
  if (end > have) {
    u32 pages = (end - have + 65535u) / 65536u;
    if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) smc_trap("out of memory");
  }
  heap_top = end;
  return start;
}

void *smc_alloc(u32 size) {
  u32 cls = class_for(size);
  u32 block = free_list[cls];
  u32 *hdr;
  if (block) {
    hdr = (u32 *)(uintptr_t)block;
    if (hdr[1] != TAG_FREE) smc_trap("heap corrupted");
    free_list[cls] = *(u32 *)(uintptr_t)(block + HEADER);
  } else {
    block = bump(1u << cls);
    hdr = (u32 *)(uintptr_t)block;
  }
  hdr[0] = cls;
  hdr[1] = TAG_LIVE;
  return (void *)(uintptr_t)(block + HEADER);
}

void smc_free(void *ptr) {
  if (!ptr) return;
  u32 block = (u32)(uintptr_t)ptr - HEADER;
  u32 *hdr = (u32 *)(uintptr_t)block;
  if (hdr[1] != TAG_LIVE || hdr[0] < MIN_CLASS || hdr[0] > MAX_CLASS) smc_trap("invalid free");
  hdr[1] = TAG_FREE;
  *(u32 *)ptr = free_list[hdr[0]];
  free_list[hdr[0]] = block;
}

/* CosmWasm ABI: a Region of `size` capacity and length 0; the offset is never 0, even for size 0. */
EXPORT("allocate") u32 allocate(u32 size) {
  Region *r = smc_alloc(sizeof(Region));
  r->offset = (u32)(uintptr_t)smc_alloc(size);
  r->capacity = size;
  r->length = 0;
  return (u32)(uintptr_t)r;
}

EXPORT("deallocate") void deallocate(u32 region_ptr) {
  Region *r = (Region *)(uintptr_t)region_ptr;
  smc_free((void *)(uintptr_t)r->offset);
  smc_free(r);
}

/* Marker exports checked by cosmwasm-vm's static analysis. */
EXPORT("interface_version_8") void interface_version_8(void) {}
EXPORT("requires_iterator") void requires_iterator(void) {}
