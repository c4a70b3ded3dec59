#include "json.h"

#define MAX_DEPTH 64

typedef struct {
  const u8 *start;
  const u8 *p;
  const u8 *end;
  const char *what;
} Cursor;

static bool syntax(Cursor *c, const char *problem) {
  err_begin("invalid JSON in ");
  err_str(c->what);
  err_str(": ");
  err_str(problem);
  err_str(" at byte ");
  err_u64((u64)(c->p - c->start));
  return err_end();
}

static void skip_ws(Cursor *c) {
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) c->p++;
}

static int hex_digit(u8 h) {
  if (h >= '0' && h <= '9') return h - '0';
  if (h >= 'a' && h <= 'f') return h - 'a' + 10;
  if (h >= 'A' && h <= 'F') return h - 'A' + 10;
  return -1;
}

/* Reads 4 hex digits after "\u"; -1 when malformed. */
static i32 hex4(const u8 *p, const u8 *end) {
  if (end - p < 4) return -1;
  i32 v = 0;
  for (int i = 0; i < 4; i++) {
    int d = hex_digit(p[i]);
    if (d < 0) return -1;
    v = v << 4 | d;
  }
  return v;
}

/* Length of the well-formed UTF-8 sequence at p (1–4), or 0 (RFC 3629: no overlongs, surrogates, > U+10FFFF). */
static u32 utf8_len(const u8 *p, const u8 *end) {
  u8 b = p[0];
  if (b < 0x80u) return 1;
  u32 n;
  u8 lo = 0x80u, hi = 0xBFu;
  if (b >= 0xC2u && b <= 0xDFu) {
    n = 2;
  } else if (b >= 0xE0u && b <= 0xEFu) {
    n = 3;
    if (b == 0xE0u) lo = 0xA0u;
    if (b == 0xEDu) hi = 0x9Fu;
  } else if (b >= 0xF0u && b <= 0xF4u) {
    n = 4;
    if (b == 0xF0u) lo = 0x90u;
    if (b == 0xF4u) hi = 0x8Fu;
  } else {
    return 0;
  }
  if ((u32)(end - p) < n) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (u32 i = 2; i < n; i++) {
    if (p[i] < 0x80u || p[i] > 0xBFu) return 0;
  }
  return n;
}

/* 1 for bytes that stand for themselves inside a JSON string: printable ASCII except '"' and '\\'. */
static const u8 PLAIN[256] = {[0x20] = 1, [0x21] = 1, [0x23 ... 0x5B] = 1, [0x5D ... 0x7F] = 1};

/* Scans a string starting at '"'; when `out` is set, appends the decoded UTF-8 bytes. */
static bool scan_string(Cursor *c, Buf *out) {
  c->p++; /* opening quote */
  for (;;) {
    /* Runs of plain characters, eight per test: most strings here are base64. */
    const u8 *run = c->p;
    const u8 *p = run;
    while (c->end - p >= 8 &&
           (PLAIN[p[0]] & PLAIN[p[1]] & PLAIN[p[2]] & PLAIN[p[3]] & PLAIN[p[4]] & PLAIN[p[5]] & PLAIN[p[6]] &
            PLAIN[p[7]])) {
      p += 8;
    }
    while (p < c->end && PLAIN[*p]) p++;
    if (out && p != run) buf_push(out, run, (u32)(p - run));
    c->p = p;
    if (c->p >= c->end) return syntax(c, "unterminated string");
    u8 b = *c->p;
    if (b == '"') {
      c->p++;
      return true;
    }
    if (b < 0x20u) return syntax(c, "control character in string");
    if (b == '\\') {
      if (c->end - c->p < 2) return syntax(c, "unterminated escape");
      u8 e = c->p[1];
      u8 simple = 0;
      switch (e) {
        case '"': simple = '"'; break;
        case '\\': simple = '\\'; break;
        case '/': simple = '/'; break;
        case 'b': simple = '\b'; break;
        case 'f': simple = '\f'; break;
        case 'n': simple = '\n'; break;
        case 'r': simple = '\r'; break;
        case 't': simple = '\t'; break;
        case 'u': break;
        default: return syntax(c, "invalid escape");
      }
      if (simple) {
        if (out) buf_byte(out, simple);
        c->p += 2;
        continue;
      }
      i32 cp = hex4(c->p + 2, c->end);
      if (cp < 0) return syntax(c, "invalid \\u escape");
      c->p += 6;
      if (cp >= 0xDC00 && cp <= 0xDFFF) return syntax(c, "lone trailing surrogate");
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (c->end - c->p < 6 || c->p[0] != '\\' || c->p[1] != 'u') return syntax(c, "lone leading surrogate");
        i32 lo = hex4(c->p + 2, c->end);
        if (lo < 0xDC00 || lo > 0xDFFF) return syntax(c, "lone leading surrogate");
        c->p += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      }
      if (out) {
        if (cp < 0x80) {
          buf_byte(out, (u8)cp);
        } else if (cp < 0x800) {
          buf_byte(out, (u8)(0xC0 | cp >> 6));
          buf_byte(out, (u8)(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
          buf_byte(out, (u8)(0xE0 | cp >> 12));
          buf_byte(out, (u8)(0x80 | (cp >> 6 & 0x3F)));
          buf_byte(out, (u8)(0x80 | (cp & 0x3F)));
        } else {
          buf_byte(out, (u8)(0xF0 | cp >> 18));
          buf_byte(out, (u8)(0x80 | (cp >> 12 & 0x3F)));
          buf_byte(out, (u8)(0x80 | (cp >> 6 & 0x3F)));
          buf_byte(out, (u8)(0x80 | (cp & 0x3F)));
        }
      }
      continue;
    }
    u32 n = utf8_len(c->p, c->end);
    if (n == 0) return syntax(c, "invalid UTF-8");
    if (out) buf_push(out, c->p, n);
    c->p += n;
  }
}

static bool is_digit(u8 b) { return b >= '0' && b <= '9'; }

static bool scan_number(Cursor *c) {
  if (c->p < c->end && *c->p == '-') c->p++;
  if (c->p >= c->end || !is_digit(*c->p)) return syntax(c, "invalid number");
  if (*c->p == '0') {
    c->p++;
  } else {
    while (c->p < c->end && is_digit(*c->p)) c->p++;
  }
  if (c->p < c->end && *c->p == '.') {
    c->p++;
    if (c->p >= c->end || !is_digit(*c->p)) return syntax(c, "invalid number");
    while (c->p < c->end && is_digit(*c->p)) c->p++;
  }
  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
    c->p++;
    if (c->p < c->end && (*c->p == '+' || *c->p == '-')) c->p++;
    if (c->p >= c->end || !is_digit(*c->p)) return syntax(c, "invalid number");
    while (c->p < c->end && is_digit(*c->p)) c->p++;
  }
  return true;
}

static bool scan_literal(Cursor *c, const char *lit) {
  u32 n = smc_strlen(lit);
  if ((u32)(c->end - c->p) < n || memcmp(c->p, lit, n) != 0) return syntax(c, "invalid literal");
  c->p += n;
  return true;
}

/* Validates one value at the cursor (after whitespace) and moves past it. */
static bool scan_value(Cursor *c, int depth) {
  skip_ws(c);
  if (c->p >= c->end) return syntax(c, "unexpected end of input");
  switch (*c->p) {
    case '"': return scan_string(c, 0);
    case 't': return scan_literal(c, "true");
    case 'f': return scan_literal(c, "false");
    case 'n': return scan_literal(c, "null");
    case '{':
    case '[': {
      if (depth >= MAX_DEPTH) return syntax(c, "nesting too deep");
      bool object = *c->p == '{';
      u8 close = object ? '}' : ']';
      c->p++;
      skip_ws(c);
      if (c->p < c->end && *c->p == close) {
        c->p++;
        return true;
      }
      for (;;) {
        if (object) {
          skip_ws(c);
          if (c->p >= c->end || *c->p != '"') return syntax(c, "expected object key");
          if (!scan_string(c, 0)) return false;
          skip_ws(c);
          if (c->p >= c->end || *c->p != ':') return syntax(c, "expected ':'");
          c->p++;
        }
        if (!scan_value(c, depth + 1)) return false;
        skip_ws(c);
        if (c->p < c->end && *c->p == ',') {
          c->p++;
          continue;
        }
        if (c->p < c->end && *c->p == close) {
          c->p++;
          return true;
        }
        return syntax(c, object ? "expected ',' or '}'" : "expected ',' or ']'");
      }
    }
    default:
      if (*c->p == '-' || is_digit(*c->p)) return scan_number(c);
      return syntax(c, "unexpected character");
  }
}

bool json_document(Bytes in, Bytes *value, const char *what) {
  Cursor c = {in.ptr, in.ptr, in.ptr + in.len, what};
  skip_ws(&c);
  const u8 *start = c.p;
  if (!scan_value(&c, 0)) return false;
  *value = (Bytes){start, (u32)(c.p - start)};
  skip_ws(&c);
  if (c.p != c.end) return syntax(&c, "trailing characters");
  return true;
}

static bool type_error(const char *what, const char *expected) {
  err_begin("invalid type in ");
  err_str(what);
  err_str(": expected ");
  err_str(expected);
  return err_end();
}

bool json_is_null(Bytes v) { return v.len == 4 && memcmp(v.ptr, "null", 4) == 0; }

bool json_string(Bytes v, Buf *out, const char *what) {
  if (v.len == 0 || v.ptr[0] != '"') return type_error(what, "a string");
  Cursor c = {v.ptr, v.ptr, v.ptr + v.len, what};
  return scan_string(&c, out);
}

bool json_u64(Bytes v, u64 *out, const char *what) {
  if (v.len == 0 || v.len > 20) return type_error(what, "an unsigned 64-bit integer");
  u64 acc = 0;
  for (u32 i = 0; i < v.len; i++) {
    if (!is_digit(v.ptr[i])) return type_error(what, "an unsigned 64-bit integer");
    u64 d = (u64)(v.ptr[i] - '0');
    if (acc > (0xFFFFFFFFFFFFFFFFull - d) / 10u) return type_error(what, "an unsigned 64-bit integer");
    acc = acc * 10u + d;
  }
  *out = acc;
  return true;
}

bool json_bool(Bytes v, bool *out, const char *what) {
  if (v.len == 4 && memcmp(v.ptr, "true", 4) == 0) {
    *out = true;
    return true;
  }
  if (v.len == 5 && memcmp(v.ptr, "false", 5) == 0) {
    *out = false;
    return true;
  }
  return type_error(what, "a boolean");
}

bool json_base64(Bytes v, Buf *out, const char *what) {
  if (json_is_null(v)) return true;
  /* Base64 needs no escapes: decode straight from the document; only on failure take the general path. */
  u32 start = out->len;
  if (v.len >= 2 && v.ptr[0] == '"' && base64_decode(out, (Bytes){v.ptr + 1, v.len - 2})) return true;
  out->len = start;
  Buf text = {0};
  if (!json_string(v, &text, what)) return false;
  bool ok = base64_decode(out, buf_view(&text));
  smc_free(text.ptr);
  if (!ok) {
    Bytes reason = err_message();
    Buf copy = {0};
    buf_bytes(&copy, reason);
    err_begin(what);
    err_str(": ");
    err_bytes(buf_view(&copy));
    smc_free(copy.ptr);
    return err_end();
  }
  return true;
}

/* Walks the members of a validated object: returns 1 with key/value, 0 at the end. */
static int next_member(Cursor *c, Buf *key, Bytes *value) {
  skip_ws(c);
  if (*c->p == '}') return 0;
  if (*c->p == ',') c->p++;
  skip_ws(c);
  key->len = 0;
  scan_string(c, key);
  skip_ws(c);
  c->p++; /* ':' */
  skip_ws(c);
  const u8 *start = c->p;
  scan_value(c, 0);
  *value = (Bytes){start, (u32)(c->p - start)};
  return 1;
}

static bool object_cursor(Bytes v, Cursor *c, const char *what) {
  if (v.len == 0 || v.ptr[0] != '{') return type_error(what, "an object");
  *c = (Cursor){v.ptr, v.ptr + 1, v.ptr + v.len, what};
  return true;
}

bool json_object(Bytes v, JsonField *fields, u32 count, const char *what) {
  Cursor c;
  if (!object_cursor(v, &c, what)) return false;
  for (u32 i = 0; i < count; i++) fields[i].present = false;
  Buf key = {0};
  Bytes value;
  bool ok = true;
  while (ok && next_member(&c, &key, &value)) {
    u32 i = 0;
    while (i < count && !bytes_eq_str(buf_view(&key), fields[i].name)) i++;
    if (i == count) {
      err_begin("unknown field `");
      err_bytes(buf_view(&key));
      err_str("` in ");
      err_str(what);
      ok = err_end();
    } else if (fields[i].present) {
      err_begin("duplicate field `");
      err_str(fields[i].name);
      err_str("` in ");
      err_str(what);
      ok = err_end();
    } else {
      fields[i].present = true;
      fields[i].value = value;
    }
  }
  smc_free(key.ptr);
  for (u32 i = 0; ok && i < count; i++) {
    if (!fields[i].present && !fields[i].optional) {
      err_begin("missing field `");
      err_str(fields[i].name);
      err_str("` in ");
      err_str(what);
      ok = err_end();
    }
  }
  return ok;
}

bool json_variant(Bytes v, Buf *name, Bytes *inner, const char *what) {
  Cursor c;
  if (!object_cursor(v, &c, what)) return false;
  name->len = 0;
  if (!next_member(&c, name, inner)) {
    err_begin("expected exactly one variant key in ");
    err_str(what);
    return err_end();
  }
  Buf other = {0};
  Bytes ignored;
  int more = next_member(&c, &other, &ignored);
  smc_free(other.ptr);
  if (more) {
    err_begin("expected exactly one variant key in ");
    err_str(what);
    return err_end();
  }
  return true;
}

bool json_array(Bytes v, JsonArray *it, const char *what) {
  if (v.len == 0 || v.ptr[0] != '[') return type_error(what, "an array");
  *it = (JsonArray){v.ptr + 1, v.ptr + v.len, false};
  return true;
}

bool json_array_next(JsonArray *it, Bytes *element) {
  Cursor c = {it->p, it->p, it->end, ""};
  skip_ws(&c);
  if (*c.p == ']') return false;
  if (*c.p == ',') c.p++;
  skip_ws(&c);
  const u8 *start = c.p;
  scan_value(&c, 0);
  *element = (Bytes){start, (u32)(c.p - start)};
  it->p = c.p;
  return true;
}

void json_write_string(Buf *out, Bytes s) {
  static const char HEX[] = "0123456789abcdef";
  buf_byte(out, '"');
  for (u32 i = 0; i < s.len; i++) {
    u8 b = s.ptr[i];
    switch (b) {
      case '"': buf_lit(out, "\\\""); break;
      case '\\': buf_lit(out, "\\\\"); break;
      case '\n': buf_lit(out, "\\n"); break;
      case '\r': buf_lit(out, "\\r"); break;
      case '\t': buf_lit(out, "\\t"); break;
      case '\b': buf_lit(out, "\\b"); break;
      case '\f': buf_lit(out, "\\f"); break;
      default:
        if (b < 0x20u) {
          buf_lit(out, "\\u00");
          buf_byte(out, (u8)HEX[b >> 4]);
          buf_byte(out, (u8)HEX[b & 15u]);
        } else {
          buf_byte(out, b);
        }
    }
  }
  buf_byte(out, '"');
}

void json_write_base64(Buf *out, Bytes data) {
  buf_byte(out, '"');
  base64_encode(out, data);
  buf_byte(out, '"');
}
