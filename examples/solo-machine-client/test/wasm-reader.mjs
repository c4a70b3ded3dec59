// Reads the Wasm binary format (LEB128 integers, names, limits) for the harness's static checks, metering and
// profiling.
export class Reader {
  constructor(buf, pos = 0, end = buf.length) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }
  byte() {
    if (this.pos >= this.end) throw new Error('unexpected end of module');
    return this.buf[this.pos++];
  }
  u32() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result |= (b & 0x7f) << shift;
      if (!(b & 0x80)) return result >>> 0;
      shift += 7;
    }
  }
  /** Skips a signed or unsigned LEB128 integer (only its extent matters). */
  skipLeb() {
    while (this.byte() & 0x80);
  }
  name() {
    const n = this.u32();
    const s = new TextDecoder().decode(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }
  limits() {
    const flag = this.byte();
    const initial = this.u32();
    const maximum = flag & 1 ? this.u32() : null;
    return { flag, initial, maximum };
  }
}
