package io.wasm08.spectests.suites;

import static io.wasm08.spectests.suites.ContractChecks.after;
import static io.wasm08.spectests.suites.ContractChecks.rejected;
import static io.wasm08.spectests.suites.ContractChecks.require;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.spectests.ConformanceCase;
import io.wasm08.spectests.ConformanceErrorCode;
import io.wasm08.wasm.fixtures.EurekaEthFixture;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code eth-lc --contract C --fixtures D}: every eureka-format Ethereum fixture ({@code *.json}
 * with {@code steps}) directly in D replayed through MsgStoreCode, CreateClient, UpdateClient and
 * VerifyMembership on an Ethereum light-client contract, as upstream's contract tests do ({@code
 * test_ics20_transfer_from_ethereum_to_cosmos_flow}, {@code test_update_with_period_change}): each
 * update at its header's block time returns the finalized slot; every packet and acknowledgement
 * commitment of the relayer's transactions is proven; a tampered signature, proof or value is
 * rejected without writing.
 */
public final class EthLcSuite extends FixtureReplaySuite {

  public EthLcSuite(Path contract, Path fixtures) {
    super(contract, fixtures);
  }

  @Override
  public String name() {
    return "eth-lc";
  }

  @Override
  public List<String> checks() {
    return List.of(
        "MsgStoreCode of the contract (checksum, detected dialect), with the BLS12-381 custom"
            + " query ibc-go's wasm simapp wires",
        "per fixture: CreateClient from step 0's client and consensus state; every"
            + " MsgUpdateClient of the later steps at block time = attested execution timestamp +"
            + " 1000 s returns height 0-<finalized slot>; every MsgRecvPacket's packet commitment"
            + " and MsgAcknowledgement's acknowledgement commitment (IBC v2 formulas) is proven"
            + " with verify_membership at its proof height",
        "per fixture: a header with a changed sync-committee signature, a tampered storage proof"
            + " and a wrong commitment are rejected and write nothing",
        "the SDK gas of every update and proof");
  }

  @Override
  public List<ConformanceCase> cases() {
    ConformanceCase storeCode = storeCode();
    List<Path> files = fixtureFiles().stream().filter(EthLcSuite::isEthFixture).toList();
    if (files.isEmpty()) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(
          "no eureka Ethereum fixtures (*.json with \"steps\") in " + fixtures);
    }
    List<ConformanceCase> cases = new ArrayList<>();
    cases.add(storeCode);
    for (Path file : files) {
      cases.addAll(new Replay(InputFiles.relative(fixtures, file), file).cases());
    }
    return cases;
  }

  static boolean isEthFixture(Path file) {
    try {
      String head = Files.readString(file);
      return head.contains("\"steps\"");
    } catch (IOException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** One fixture's replay: its cases share the client. */
  private final class Replay {
    final String name;
    final EurekaEthFixture fixture;
    final Wasm08Exception unusable;
    String clientId;

    Replay(String name, Path file) {
      this.name = name;
      EurekaEthFixture parsed = null;
      Wasm08Exception error = null;
      try {
        parsed = EurekaEthFixture.parse(Bytes.wrapOwned(Files.readAllBytes(file)));
      } catch (IOException e) {
        throw ConformanceErrorCode.BAD_INPUT.wrap("cannot read " + file + ": " + e.getMessage());
      } catch (Wasm08Exception e) {
        error = e;
      }
      this.fixture = parsed;
      this.unusable = error;
    }

    List<ConformanceCase> cases() {
      List<ConformanceCase> cases = new ArrayList<>();
      if (unusable != null) {
        cases.add(
            new ConformanceCase(
                name,
                () -> {
                  throw ConformanceErrorCode.MISMATCH.wrap(
                      "unusable fixture: " + unusable.getMessage());
                }));
        return cases;
      }
      cases.add(new ConformanceCase(name + ": instantiate", this::instantiate));
      if (!fixture.steps().isEmpty() && !fixture.steps().get(0).updates().isEmpty()) {
        cases.add(
            new ConformanceCase(
                name + ": tampered header rejected",
                () -> tamperedHeader(fixture.steps().get(0).updates().get(0))));
      }
      for (EurekaEthFixture.Step step : fixture.steps()) {
        for (EurekaEthFixture.Update update : step.updates()) {
          cases.add(
              new ConformanceCase(
                  name + "/" + step.name() + ": update to " + update.expectedHeight(),
                  () -> update(update)));
        }
        boolean first = true;
        for (EurekaEthFixture.Membership proof : step.proofs()) {
          String prefix = name + "/" + step.name() + ": " + proof.what();
          cases.add(new ConformanceCase(prefix + " proven", () -> prove(proof)));
          if (first) {
            cases.add(
                new ConformanceCase(
                    prefix + " with a tampered proof rejected",
                    () ->
                        disproved(
                            "a tampered proof",
                            proof,
                            EurekaEthFixture.tamperProof(proof.proof()),
                            proof.value())));
            cases.add(
                new ConformanceCase(
                    prefix + " with a wrong value rejected",
                    () ->
                        disproved(
                            "a wrong value",
                            proof,
                            proof.proof(),
                            proof.value().concat(Bytes.of((byte) 0)))));
            first = false;
          }
        }
      }
      return cases;
    }

    private String instantiate() {
      Bytes sum = stored();
      List<EurekaEthFixture.Update> firstUpdates =
          fixture.steps().isEmpty() ? List.of() : fixture.steps().get(0).updates();
      if (!firstUpdates.isEmpty()) {
        host.blockTime = Instant.ofEpochSecond(firstUpdates.get(0).blockTimeSeconds());
      }
      WasmClientState cs = new WasmClientState(fixture.clientState(), sum, fixture.latestHeight());
      WasmConsensusState cons = new WasmConsensusState(fixture.consensusState());
      Ics08Host.Metered<String> created = host.createClient(cs, cons);
      clientId = created.value();
      return clientId + " at " + fixture.latestHeight() + ", gas " + created.gas();
    }

    private String tamperedHeader(EurekaEthFixture.Update update) {
      String id = after("instantiate", () -> clientId);
      host.blockTime = Instant.ofEpochSecond(update.blockTimeSeconds());
      return rejected(
          host,
          "a header with a changed signature",
          () ->
              host.run(
                  ctx -> {
                    host.clientKeeper()
                        .updateClient(
                            ctx,
                            id,
                            new io.wasm08.wasm.types.WasmClientMessage(
                                EurekaEthFixture.tamperSignature(update.header())));
                    return null;
                  }));
    }

    private String update(EurekaEthFixture.Update update) {
      String id = after("instantiate", () -> clientId);
      host.blockTime = Instant.ofEpochSecond(update.blockTimeSeconds());
      Ics08Host.Metered<List<Height>> run = host.updateClient(id, update.clientMessage());
      List<Height> heights = run.value();
      require(
          heights.equals(List.of(update.expectedHeight())),
          "update returned " + heights + ", expected " + update.expectedHeight());
      return "block time " + update.blockTimeSeconds() + " s, gas " + run.gas();
    }

    private String prove(EurekaEthFixture.Membership proof) {
      Map<String, Bytes> before = host.snapshot();
      long gas = verify(proof, proof.proof(), proof.value());
      require(host.snapshot().equals(before), "verify_membership wrote to the store");
      return "at " + proof.proofHeight() + ", value " + proof.value().toHex() + ", gas " + gas;
    }

    private String disproved(
        String what, EurekaEthFixture.Membership proof, Bytes proofBytes, Bytes value) {
      return rejected(
          host, "verify_membership with " + what, () -> verify(proof, proofBytes, value));
    }

    /** {@code VerifyMembership} of {@code value} at the proof's path and height; the gas. */
    private long verify(EurekaEthFixture.Membership proof, Bytes proofBytes, Bytes value) {
      String id = after("instantiate", () -> clientId);
      return host.run(
              ctx -> {
                host.clientKeeper()
                    .verifyMembership(
                        ctx,
                        id,
                        proof.proofHeight(),
                        0,
                        0,
                        proofBytes,
                        MerklePath.of(proof.path()),
                        value);
                return null;
              })
          .gas();
    }
  }
}
