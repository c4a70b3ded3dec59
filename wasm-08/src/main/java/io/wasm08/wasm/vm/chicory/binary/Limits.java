package io.wasm08.wasm.vm.chicory.binary;

/**
 * Table or memory limits as declared in the binary.
 *
 * @param min the initial size (pages or elements)
 * @param max the declared maximum, or null when absent
 * @param shared the threads proposal's shared flag
 * @param is64 the memory64 flag
 */
public record Limits(long min, Long max, boolean shared, boolean is64) {}
