/*
 * Base64 as cosmwasm-std `Binary` does it: standard alphabet (RFC 4648 §4), padded on encode; on decode padding is
 * optional ("indifferent") but non-zero trailing bits and characters outside the alphabet are rejected.
 */
#include "cw.h"

static const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void base64_encode(Buf *out, Bytes in) {
  buf_reserve(out, (in.len + 2u) / 3u * 4u);
  u32 i = 0;
  for (; i + 3u <= in.len; i += 3u) {
    u32 v = (u32)in.ptr[i] << 16 | (u32)in.ptr[i + 1] << 8 | in.ptr[i + 2];
    buf_byte(out, (u8)ALPHABET[v >> 18 & 63u]);
    buf_byte(out, (u8)ALPHABET[v >> 12 & 63u]);
    buf_byte(out, (u8)ALPHABET[v >> 6 & 63u]);
    buf_byte(out, (u8)ALPHABET[v & 63u]);
  }
  u32 rest = in.len - i;
  if (rest == 1u) {
    u32 v = (u32)in.ptr[i] << 16;
    buf_byte(out, (u8)ALPHABET[v >> 18 & 63u]);
    buf_byte(out, (u8)ALPHABET[v >> 12 & 63u]);
    buf_str(out, "==");
  } else if (rest == 2u) {
    u32 v = (u32)in.ptr[i] << 16 | (u32)in.ptr[i + 1] << 8;
    buf_byte(out, (u8)ALPHABET[v >> 18 & 63u]);
    buf_byte(out, (u8)ALPHABET[v >> 12 & 63u]);
    buf_byte(out, (u8)ALPHABET[v >> 6 & 63u]);
    buf_byte(out, '=');
  }
}

static int sextet(u8 c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool base64_decode(Buf *out, Bytes in) {
  u32 n = in.len;
  if (n % 4u == 0u && n >= 4u) { /* padding only completes a final quantum */
    if (in.ptr[n - 1] == '=') n--;
    if (in.ptr[n - 1] == '=') n--;
  }
  if (n % 4u == 1u) return fail("invalid base64: bad length");
  buf_reserve(out, n / 4u * 3u + 2u);
  u32 acc = 0, bits = 0;
  for (u32 i = 0; i < n; i++) {
    int s = sextet(in.ptr[i]);
    if (s < 0) return fail("invalid base64: bad character");
    acc = acc << 6 | (u32)s;
    bits += 6u;
    if (bits >= 8u) {
      bits -= 8u;
      buf_byte(out, (u8)(acc >> bits));
      acc &= (1u << bits) - 1u;
    }
  }
  if (acc != 0u) return fail("invalid base64: non-zero trailing bits");
  return true;
}
