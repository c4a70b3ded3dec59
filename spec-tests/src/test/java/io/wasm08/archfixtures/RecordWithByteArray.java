package io.wasm08.archfixtures;

/** Deliberately wrong: a record holding a raw byte[]. */
public record RecordWithByteArray(byte[] data) {}
