package io.wasm08.gov.bank;

import io.wasm08.common.Bytes;

/** The x/bank v0.50 store layout this minimal bank keeps (collections prefixes and codecs). */
public final class BankKeys {
  private BankKeys() {}

  /** {@code types.StoreKey}. */
  public static final String STORE_KEY = "bank";

  public static final Bytes SUPPLY = Bytes.of((byte) 0x00);
  public static final Bytes DENOM_METADATA = Bytes.of((byte) 0x01);
  public static final Bytes BALANCES = Bytes.of((byte) 0x02);
  public static final Bytes SEND_ENABLED = Bytes.of((byte) 0x04);
  public static final Bytes PARAMS = Bytes.of((byte) 0x05);

  /** Balances are keyed by the length-prefixed address, then the denom. */
  public static Bytes addressPrefix(Bytes address) {
    return Bytes.of((byte) address.size()).concat(address);
  }

  public static Bytes balance(Bytes address, String denom) {
    return BALANCES.concat(addressPrefix(address)).concat(Bytes.ofUtf8(denom));
  }

  public static Bytes supply(String denom) {
    return SUPPLY.concat(Bytes.ofUtf8(denom));
  }

  public static Bytes denomMetadata(String denom) {
    return DENOM_METADATA.concat(Bytes.ofUtf8(denom));
  }

  public static Bytes sendEnabled(String denom) {
    return SEND_ENABLED.concat(Bytes.ofUtf8(denom));
  }
}
