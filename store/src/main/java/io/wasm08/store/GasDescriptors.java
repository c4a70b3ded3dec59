package io.wasm08.store;

/** The SDK's gas consumption descriptors ({@code store/types/gas.go}). */
public final class GasDescriptors {
  public static final String ITER_NEXT_COST_FLAT = "IterNextFlat";
  public static final String VALUE_PER_BYTE = "ValuePerByte";
  public static final String WRITE_PER_BYTE = "WritePerByte";
  public static final String READ_PER_BYTE = "ReadPerByte";
  public static final String WRITE_COST_FLAT = "WriteFlat";
  public static final String READ_COST_FLAT = "ReadFlat";
  public static final String HAS = "Has";
  public static final String DELETE = "Delete";

  private GasDescriptors() {}
}
