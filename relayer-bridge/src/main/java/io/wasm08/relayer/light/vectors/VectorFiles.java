package io.wasm08.relayer.light.vectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.rpc.JsonField;
import io.wasm08.relayer.rpc.TendermintJson;
import io.wasm08.relayer.tendermint.LightBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the tendermint-rs vector files. */
final class VectorFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VectorFiles() {}

  static JsonField read(Path file) {
    try {
      return JsonField.root(JSON.readTree(Files.readAllBytes(file)), file.getFileName().toString());
    } catch (JacksonException e) {
      throw RelayerErrorCode.INVALID_VECTOR_FILE.wrap(
          file + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw RelayerErrorCode.INVALID_VECTOR_FILE.wrap("cannot read " + file + ": " + e);
    }
  }

  /**
   * A light block of a vector file, with both validator sets re-sorted into canonical order without
   * proposer, as tendermint-rs' {@code ValidatorSet} deserialization does: JSON order is not
   * authoritative.
   */
  static LightBlock lightBlock(JsonField block, String provider) {
    LightBlock raw = TendermintJson.lightBlock(block, provider);
    return new LightBlock(
        raw.signedHeader(),
        raw.validators().sortedWithoutProposer(),
        raw.nextValidators().sortedWithoutProposer(),
        provider);
  }
}
