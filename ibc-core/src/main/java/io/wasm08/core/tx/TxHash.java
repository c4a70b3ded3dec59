package io.wasm08.core.tx;

import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.Hashes;
import java.util.Locale;

/** The transaction hash: SHA-256 of the TxRaw bytes as received, upper-case hex (CometBFT %X). */
public final class TxHash {
  private TxHash() {}

  public static String of(Bytes txRawBytes) {
    return Hashes.sha256(txRawBytes).toHex().toUpperCase(Locale.ROOT);
  }
}
