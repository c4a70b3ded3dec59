package io.wasm08.relayer.light.vectors;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.light.LightBlockProvider;
import io.wasm08.relayer.light.LightClient;
import io.wasm08.relayer.light.LightVerifier;
import io.wasm08.relayer.light.RecordedLightBlockProvider;
import io.wasm08.relayer.light.Supervisor;
import io.wasm08.relayer.light.TrustThreshold;
import io.wasm08.relayer.light.VerifierOptions;
import io.wasm08.relayer.rpc.JsonField;
import io.wasm08.relayer.tendermint.LightBlock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A tendermint-rs bisection vector ({@code bisection/{single_peer,multi_peer}/*.json}, reference
 * light-clients-and-rpc.md §3.2): a primary and witnesses serving recorded blocks, a trust anchor,
 * a target height, the time, and whether verifying to the target must succeed. tendermint-rs runs
 * the single-peer files with clock drift {@link #TENDERMINT_RS_CLOCK_DRIFT}, the file's trust level
 * and trusting period, the basic bisecting schedule and the primary only.
 */
public record BisectionVector(
    String name,
    String description,
    RecordedLightBlockProvider primary,
    List<RecordedLightBlockProvider> witnesses,
    VerifierOptions options,
    long trustedHeight,
    Bytes trustedHash,
    long heightToVerify,
    Instant now,
    boolean expectsSuccess,
    long expectedBisections) {

  /** The clock drift tendermint-rs' {@code light_client.rs} runs these vectors with. */
  public static final Duration TENDERMINT_RS_CLOCK_DRIFT = Duration.ofSeconds(10);

  public BisectionVector {
    witnesses = List.copyOf(witnesses);
  }

  /** Reads a bisection vector file. */
  public static BisectionVector read(Path file) {
    JsonField root = VectorFiles.read(file);
    JsonField trust = root.get("trust_options");
    JsonField level = trust.get("trust_level");
    VerifierOptions options =
        new VerifierOptions(
            new TrustThreshold(level.get("numerator").int64(), level.get("denominator").int64()),
            Duration.ofNanos(trust.get("period").int64()),
            TENDERMINT_RS_CLOCK_DRIFT);
    List<RecordedLightBlockProvider> witnesses = new ArrayList<>();
    List<JsonField> witnessFields = root.opt("witnesses").map(JsonField::array).orElse(List.of());
    for (int i = 0; i < witnessFields.size(); i++) {
      witnesses.add(provider("witness-" + i, witnessFields.get(i).get("value")));
    }
    String expected = root.get("expected_output").string();
    if (!expected.equals("no error") && !expected.equals("error")) {
      throw RelayerErrorCode.INVALID_VECTOR_FILE.wrap(
          "expected_output must be \"no error\" or \"error\", got \"" + expected + "\"");
    }
    return new BisectionVector(
        file.getFileName().toString(),
        root.opt("description").map(JsonField::string).orElse(""),
        provider("primary", root.get("primary")),
        witnesses,
        options,
        trust.get("height").int64(),
        trust.get("hash").hex(),
        root.get("height_to_verify").int64(),
        root.get("now").time(),
        expected.equals("no error"),
        root.opt("expected_num_of_bisections").map(JsonField::int64).orElse(-1L));
  }

  private static RecordedLightBlockProvider provider(String id, JsonField provider) {
    List<LightBlock> blocks = new ArrayList<>();
    for (JsonField b : provider.get("lite_blocks").array()) {
      blocks.add(VectorFiles.lightBlock(b, id));
    }
    return new RecordedLightBlockProvider(id, blocks);
  }

  /**
   * The trust anchor: the primary's block at the trusted height, whose commit must be for the
   * file's {@code trust_options.hash}. (Whether the header itself hashes to it under an encoding is
   * the caller's check: tendermint-rs seeds its store without hashing the anchor.)
   */
  public LightBlock trustedBlock() {
    LightBlock trusted = primary.lightBlock(trustedHeight);
    if (!trusted.commit().blockId().hash().equals(trustedHash)) {
      throw RelayerErrorCode.INVALID_VECTOR_FILE.wrap(
          "the commit at the trusted height "
              + trustedHeight
              + " is not for the trusted hash "
              + trustedHash.toHex());
    }
    return trusted;
  }

  /** True when every witness serves exactly the primary's blocks (a single-peer file in effect). */
  public boolean witnessesMirrorPrimary() {
    for (RecordedLightBlockProvider w : witnesses) {
      if (w.blocks().size() != primary.blocks().size()) {
        return false;
      }
      for (var e : primary.blocks().entrySet()) {
        LightBlock other = w.blocks().get(e.getKey());
        if (other == null || !other.signedHeader().equals(e.getValue().signedHeader())) {
          return false;
        }
      }
    }
    return true;
  }

  /** tendermint-rs' runner: the primary only, the file's options, the fixed clock {@link #now}. */
  public LightClient lightClient(LightVerifier verifier) {
    return new LightClient(options, verifier, primary, InstantSource.fixed(now));
  }

  /** The primary cross-checked against the witnesses (fork detection). */
  public Supervisor supervisor(LightVerifier verifier) {
    InstantSource clock = InstantSource.fixed(now);
    return new Supervisor(
        new LightClient(options, verifier, primary, clock),
        List.<LightBlockProvider>copyOf(witnesses),
        verifier,
        clock);
  }
}
