package io.wasm08.spectests.suites;

import static io.wasm08.spectests.suites.ContractChecks.after;
import static io.wasm08.spectests.suites.ContractChecks.rejected;
import static io.wasm08.spectests.suites.ContractChecks.require;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.spectests.ConformanceCase;
import io.wasm08.spectests.ConformanceErrorCode;
import io.wasm08.wasm.fixtures.EurekaTendermintFixture;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tendermint-lc --contract C --fixtures D}: the eureka-format Tendermint fixtures in D
 * (recorded from a real chain: {@code update_client_*.json} with a header, {@code
 * verify_membership_*.json} with a proof) through an ICS-07 Tendermint light-client contract, with
 * upstream's positives and negatives ({@code packages/tendermint-light-client/update-client/tests},
 * {@code …/membership/tests}). Each fixture gets its own client, created from the fixture's states
 * an hour after their consensus time.
 */
public final class TendermintLcSuite extends FixtureReplaySuite {
  private final List<EurekaTendermintFixture> memberships = new ArrayList<>();

  public TendermintLcSuite(Path contract, Path fixtures) {
    super(contract, fixtures);
  }

  @Override
  public String name() {
    return "tendermint-lc";
  }

  @Override
  public List<String> checks() {
    return List.of(
        "MsgStoreCode of the contract; CreateClient from each fixture's Tendermint client and"
            + " consensus state (wrapped in 08-wasm states) an hour after the consensus time;"
            + " status Active",
        "update fixtures: the header updates the client to its height; the consensus state"
            + " stored there carries the app hash and next validators hash of the membership"
            + " fixture at that height; a corrupted commit signature, an unknown trusted height, a"
            + " header beyond the clock drift and an expired trusting period are rejected and"
            + " write nothing",
        "membership fixtures: the proof verifies at the client's latest height; a value with a"
            + " byte appended, another path and an empty proof are rejected",
        "the SDK gas of every call");
  }

  @Override
  public List<ConformanceCase> cases() {
    ConformanceCase storeCode = storeCode();
    List<Path> files = fixtureFiles();
    List<ConformanceCase> cases = new ArrayList<>();
    cases.add(storeCode);
    List<EurekaTendermintFixture> updates = new ArrayList<>();
    for (Path file : files) {
      String name = InputFiles.relative(fixtures, file);
      try {
        EurekaTendermintFixture f =
            EurekaTendermintFixture.parse(name, Bytes.wrapOwned(Files.readAllBytes(file)));
        (f.update().isPresent() ? updates : memberships).add(f);
      } catch (IOException e) {
        throw ConformanceErrorCode.BAD_INPUT.wrap("cannot read " + file + ": " + e.getMessage());
      } catch (Wasm08Exception e) {
        cases.add(
            new ConformanceCase(
                name,
                () -> {
                  throw ConformanceErrorCode.MISMATCH.wrap("unusable fixture: " + e.getMessage());
                }));
      }
    }
    if (updates.isEmpty() && memberships.isEmpty() && cases.size() == 1) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("no eureka Tendermint fixtures in " + fixtures);
    }
    for (EurekaTendermintFixture f : updates) {
      cases.addAll(new Client(f).updateCases());
    }
    for (EurekaTendermintFixture f : memberships) {
      cases.addAll(new Client(f).membershipCases());
    }
    return cases;
  }

  /** One fixture's client. */
  private final class Client {
    final EurekaTendermintFixture f;
    String clientId;

    Client(EurekaTendermintFixture f) {
      this.f = f;
    }

    Instant now() {
      return f.consensusTime().plusSeconds(3600);
    }

    List<ConformanceCase> updateCases() {
      EurekaTendermintFixture.Update u = f.update().orElseThrow();
      String n = f.name() + ": ";
      return List.of(
          new ConformanceCase(n + "instantiate", this::instantiate),
          new ConformanceCase(n + "status", this::status),
          new ConformanceCase(
              n + "corrupted commit signature rejected",
              () ->
                  update(
                      "a corrupted commit signature",
                      now(),
                      EurekaTendermintFixture.corruptFirstSignature(u.header()))),
          new ConformanceCase(
              n + "unknown trusted height rejected",
              () ->
                  update(
                      "an unknown trusted height",
                      now(),
                      EurekaTendermintFixture.withTrustedHeight(
                          u.header(),
                          Height.of(
                              u.trustedHeight().revisionNumber(),
                              u.trustedHeight().revisionHeight() - 1)))),
          new ConformanceCase(
              n + "header beyond the clock drift rejected",
              () ->
                  update(
                      "a header from the future",
                      u.headerTime().minus(f.maxClockDrift()).minusSeconds(15),
                      u.header())),
          new ConformanceCase(
              n + "expired trusting period rejected",
              () ->
                  update(
                      "an expired client",
                      f.consensusTime().plus(f.trustingPeriod()).plusSeconds(3600),
                      u.header())),
          new ConformanceCase(n + "update to " + u.newHeight(), () -> applyUpdate(u)));
    }

    List<ConformanceCase> membershipCases() {
      EurekaTendermintFixture.Membership m = f.membership().orElseThrow();
      String n = f.name() + ": ";
      return List.of(
          new ConformanceCase(n + "instantiate", this::instantiate),
          new ConformanceCase(
              n + "membership at " + f.latestHeight(),
              () -> {
                String id = after("instantiate", () -> clientId);
                Ics08Host.Metered<Void> run =
                    host.run(
                        ctx -> {
                          host.clientKeeper()
                              .verifyMembership(
                                  ctx,
                                  id,
                                  f.latestHeight(),
                                  0,
                                  0,
                                  m.proof(),
                                  m.merklePath(),
                                  m.value());
                          return null;
                        });
                return String.join("/", m.path())
                    + " (queried at "
                    + m.queryHeight()
                    + "), gas "
                    + run.gas();
              }),
          new ConformanceCase(
              n + "value with a byte appended rejected",
              () ->
                  membership(
                      "a longer value",
                      m.proof(),
                      m.merklePath(),
                      m.value().concat(Bytes.of((byte) 0xFF)))),
          new ConformanceCase(
              n + "other path rejected",
              () ->
                  membership(
                      "another path",
                      m.proof(),
                      MerklePath.ofUtf8("different", "path"),
                      m.value())),
          new ConformanceCase(
              n + "empty proof rejected",
              () -> membership("an empty proof", Bytes.EMPTY, m.merklePath(), m.value())));
    }

    private String instantiate() {
      Bytes sum = stored();
      host.blockTime = now();
      WasmClientState cs = f.wasmClientState(sum);
      WasmConsensusState cons = f.wasmConsensusState();
      Ics08Host.Metered<String> created = host.createClient(cs, cons);
      clientId = created.value();
      return clientId + " at " + f.latestHeight() + ", gas " + created.gas();
    }

    private String status() {
      String id = after("instantiate", () -> clientId);
      host.blockTime = now();
      Ics08Host.Metered<Status> status = host.run(ctx -> host.module().status(ctx, id));
      require(status.value().equals(Status.ACTIVE), "status " + status.value());
      return "Active, gas " + status.gas();
    }

    private String update(String what, Instant at, Bytes header) {
      String id = after("instantiate", () -> clientId);
      host.blockTime = at;
      try {
        return rejected(
            host,
            "an update with " + what,
            () ->
                host.run(
                    ctx -> {
                      host.clientKeeper()
                          .updateClient(
                              ctx,
                              id,
                              new WasmClientMessage(
                                  EurekaTendermintFixture.any(
                                      EurekaTendermintFixture.HEADER_URL, header)));
                      return null;
                    }));
      } finally {
        host.blockTime = now();
      }
    }

    private String applyUpdate(EurekaTendermintFixture.Update u) {
      String id = after("instantiate", () -> clientId);
      host.blockTime = now();
      Ics08Host.Metered<List<Height>> run = host.updateClient(id, u.clientMessage());
      List<Height> heights = run.value();
      require(
          heights.equals(List.of(u.newHeight())),
          "update returned " + heights + ", expected " + u.newHeight());
      Bytes stored = host.clientStore(id).get(ClientKeys.consensusStateKey(u.newHeight()));
      require(stored != null, "no consensus state stored at " + u.newHeight());
      String seen = stored.toHex();
      List<String> matched = new ArrayList<>();
      for (EurekaTendermintFixture m : memberships) {
        if (m.latestHeight().equals(u.newHeight())) {
          require(
              seen.contains(m.root().toHex()) && seen.contains(m.nextValidatorsHash().toHex()),
              "consensus state at "
                  + u.newHeight()
                  + " lacks the app hash / next validators hash of "
                  + m.name());
          matched.add(m.name());
        }
      }
      return "gas "
          + run.gas()
          + (matched.isEmpty() ? "" : "; consensus state matches " + String.join(", ", matched));
    }

    private String membership(String what, Bytes proof, MerklePath path, Bytes value) {
      String id = after("instantiate", () -> clientId);
      return rejected(
          host,
          "verify_membership with " + what,
          () ->
              host.run(
                  ctx -> {
                    host.clientKeeper()
                        .verifyMembership(ctx, id, f.latestHeight(), 0, 0, proof, path, value);
                    return null;
                  }));
    }
  }
}
