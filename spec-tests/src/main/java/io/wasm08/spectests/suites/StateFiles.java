package io.wasm08.spectests.suites;

import io.wasm08.common.Bytes;
import io.wasm08.spectests.ConformanceErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * State files of {@code ics08}: the bytes the contract receives as {@code client_state} / {@code
 * consensus_state} — verbatim (JSON states such as the Ethereum client's, or binary protobuf), or
 * hex text when the file name ends in {@code .hex} (white space ignored).
 */
public final class StateFiles {
  private StateFiles() {}

  public static Bytes read(Path file) {
    InputFiles.requireFile(file);
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("cannot read " + file + ": " + e.getMessage());
    }
    if (!file.getFileName().toString().endsWith(".hex")) {
      return Bytes.wrapOwned(content);
    }
    String hex =
        new String(content, java.nio.charset.StandardCharsets.US_ASCII).replaceAll("\\s", "");
    try {
      return Bytes.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(file + " is not hex: " + e.getMessage());
    }
  }
}
