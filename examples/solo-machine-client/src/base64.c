/*
 * Base64 as cosmwasm-std `Binary` does it: standard alphabet (RFC 4648 §4), padded on encode; on decode padding is
 * optional ("indifferent") but non-zero trailing bits and characters outside the alphabet are rejected.
 * Table-driven and four characters per iteration: branches are the expensive operators under CosmWasm metering.
 */
#include "cw.h"

static const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* sextet + 1; 0 marks a character outside the alphabet. */
static const u8 DECODE[256] = {
    ['A'] = 1, ['B'] = 2, ['C'] = 3, ['D'] = 4, ['E'] = 5, ['F'] = 6, ['G'] = 7, ['H'] = 8, ['I'] = 9,
    ['J'] = 10, ['K'] = 11, ['L'] = 12, ['M'] = 13, ['N'] = 14, ['O'] = 15, ['P'] = 16, ['Q'] = 17, ['R'] = 18,
    ['S'] = 19, ['T'] = 20, ['U'] = 21, ['V'] = 22, ['W'] = 23, ['X'] = 24, ['Y'] = 25, ['Z'] = 26, ['a'] = 27,
    ['b'] = 28, ['c'] = 29, ['d'] = 30, ['e'] = 31, ['f'] = 32, ['g'] = 33, ['h'] = 34, ['i'] = 35, ['j'] = 36,
    ['k'] = 37, ['l'] = 38, ['m'] = 39, ['n'] = 40, ['o'] = 41, ['p'] = 42, ['q'] = 43, ['r'] = 44, ['s'] = 45,
    ['t'] = 46, ['u'] = 47, ['v'] = 48, ['w'] = 49, ['x'] = 50, ['y'] = 51, ['z'] = 52, ['0'] = 53, ['1'] = 54,
    ['2'] = 55, ['3'] = 56, ['4'] = 57, ['5'] = 58, ['6'] = 59, ['7'] = 60, ['8'] = 61, ['9'] = 62, ['+'] = 63,
    ['/'] = 64,
};

void base64_encode(Buf *out, Bytes in) {
  buf_reserve(out, (in.len + 2u) / 3u * 4u);
  u8 *o = out->ptr + out->len;
  const u8 *p = in.ptr;
  u32 full = in.len / 3u;
  for (u32 i = 0; i < full; i++, p += 3, o += 4) {
    u32 v = (u32)p[0] << 16 | (u32)p[1] << 8 | p[2];
    o[0] = (u8)ALPHABET[v >> 18];
    o[1] = (u8)ALPHABET[v >> 12 & 63u];
    o[2] = (u8)ALPHABET[v >> 6 & 63u];
    o[3] = (u8)ALPHABET[v & 63u];
  }
  u32 rest = in.len - full * 3u;
  if (rest) {
    u32 v = (u32)p[0] << 16 | (rest == 2u ? (u32)p[1] << 8 : 0u);
    o[0] = (u8)ALPHABET[v >> 18];
    o[1] = (u8)ALPHABET[v >> 12 & 63u];
    o[2] = rest == 2u ? (u8)ALPHABET[v >> 6 & 63u] : (u8)'=';
    o[3] = '=';
    o += 4;
  }
  out->len = (u32)(o - out->ptr);
}

bool base64_decode(Buf *out, Bytes in) {
  u32 n = in.len;
  if (n % 4u == 0u && n >= 4u) { /* padding only completes a final quantum */
    if (in.ptr[n - 1] == '=') n--;
    if (in.ptr[n - 1] == '=') n--;
  }
  if (n % 4u == 1u) return fail("invalid base64: bad length");
  buf_reserve(out, n / 4u * 3u + 2u);
  u8 *o = out->ptr + out->len;
  const u8 *p = in.ptr;
  u32 quanta = n / 4u;
  for (u32 i = 0; i < quanta; i++, p += 4, o += 3) {
    u32 a = DECODE[p[0]], b = DECODE[p[1]], c = DECODE[p[2]], d = DECODE[p[3]];
    if ((a == 0) | (b == 0) | (c == 0) | (d == 0)) return fail("invalid base64: bad character");
    u32 v = (a - 1u) << 18 | (b - 1u) << 12 | (c - 1u) << 6 | (d - 1u);
    o[0] = (u8)(v >> 16);
    o[1] = (u8)(v >> 8);
    o[2] = (u8)v;
  }
  u32 rest = n - quanta * 4u; /* 0, 2 or 3 characters */
  if (rest) {
    u32 a = DECODE[p[0]], b = DECODE[p[1]], c = rest == 3u ? DECODE[p[2]] : 1u;
    if ((a == 0) | (b == 0) | (c == 0)) return fail("invalid base64: bad character");
    u32 v = (a - 1u) << 18 | (b - 1u) << 12 | (c - 1u) << 6;
    if (v & (rest == 3u ? 0xFFu : 0xFFFFu)) return fail("invalid base64: non-zero trailing bits");
    *o++ = (u8)(v >> 16);
    if (rest == 3u) *o++ = (u8)(v >> 8);
  }
  out->len = (u32)(o - out->ptr);
  return true;
}
