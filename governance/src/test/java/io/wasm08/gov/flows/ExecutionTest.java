package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.PROBE_STORE;
import static io.wasm08.gov.testing.GovTestChain.account;
import static io.wasm08.gov.testing.GovTestChain.probe;
import static io.wasm08.gov.testing.GovTestChain.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.VoteOption;
import io.wasm08.common.Bytes;
import io.wasm08.core.events.Event;
import io.wasm08.gov.bank.BankKeys;
import io.wasm08.gov.testing.GovTestChain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import wasm08.testing.gov.v1.ProbeProto.MsgProbe;

/**
 * Execution of passed proposals: the messages run in order in one branch of the block's state (SDK
 * v0.50 {@code CacheContext}); all are written with their events, or — on the first failure —
 * nothing is, and the proposal is FAILED with the error text as {@code failed_reason}. The gov
 * account holds 100stake of its own (sent to it after genesis) besides the deposit, which is
 * refunded before execution. The probe and bank stores are compared before and after the block.
 */
class ExecutionTest {
  static final String VOTER = account("voter");
  static final String PROPOSER = account("proposer");
  static final String RECIPIENT = account("recipient");
  static final long DEPOSIT = 10_000_000;

  /** Expected outcome: status, failed_reason (null: none), probe entries written. */
  record Expect(
      ProposalStatus status, String failedReason, String log, Map<String, String> probe) {}

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "all succeed: written, with their events",
            List.of(send(GOV, RECIPIENT, 60), probe("k1", "v1", false), probe("k2", "v2", false)),
            new Expect(
                ProposalStatus.PROPOSAL_STATUS_PASSED,
                null,
                "passed",
                Map.of("k1", "v1", "k2", "v2"))),
        Arguments.of(
            "a failing last message undoes the earlier ones",
            List.of(send(GOV, RECIPIENT, 60), probe("k1", "v1", false), send(GOV, RECIPIENT, 60)),
            new Expect(
                ProposalStatus.PROPOSAL_STATUS_FAILED,
                "spendable balance 40stake is smaller than 60stake: insufficient funds",
                "passed, but msg 2 (/cosmos.bank.v1beta1.MsgSend) failed on execution: spendable"
                    + " balance 40stake is smaller than 60stake: insufficient funds",
                Map.of())),
        Arguments.of(
            "a handler error is the failed reason, its own writes discarded too",
            List.of(probe("k1", "v1", false), probe("k2", "v2", true)),
            new Expect(
                ProposalStatus.PROPOSAL_STATUS_FAILED,
                "probe asked to fail: invalid request",
                "passed, but msg 1 (/wasm08.testing.gov.v1.MsgProbe) failed on execution: probe"
                    + " asked to fail: invalid request",
                Map.of())),
        Arguments.of(
            "a handler that panics fails the proposal instead of halting the chain",
            List.of(
                probe("k1", "v1", false),
                MsgProbe.newBuilder().setAuthority(GOV).setKey("k").setPanic(true).build()),
            new Expect(
                ProposalStatus.PROPOSAL_STATUS_FAILED,
                "handling x/gov proposal msg [authority:\""
                    + GOV
                    + "\" key:\"k\" panic:true ]"
                    + " PANICKED: java.lang.IllegalStateException: probe panicked",
                null,
                Map.of())),
        Arguments.of(
            "a proposal without messages passes and does nothing",
            List.of(),
            new Expect(ProposalStatus.PROPOSAL_STATUS_PASSED, null, "passed", Map.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void passedProposalsExecuteAllOrNothing(String name, List<Message> msgs, Expect expect) {
    GovTestChain chain =
        GovTestChain.builder().voter(VOTER, 1).balance(PROPOSER, DEPOSIT + 100).build();
    chain.deliver(send(PROPOSER, GOV, 100));
    long id =
        chain.submit(
            GovTestChain.proposal(PROPOSER, DEPOSIT, msgs.toArray(Message[]::new))
                .setMetadata("m")
                .build());
    chain.vote(id, VOTER, VoteOption.VOTE_OPTION_YES);
    chain.advance(Duration.ofHours(48));
    Map<String, TreeMap<Bytes, Bytes>> before = chain.snapshot();

    List<Event> events = chain.endBlock();

    Proposal p = chain.proposal(id);
    assertThat(p.getStatus()).isEqualTo(expect.status());
    assertThat(p.getFailedReason())
        .isEqualTo(expect.failedReason() == null ? "" : expect.failedReason());
    Event active = events.get(events.size() - 1);
    assertThat(active.attribute("proposal_result"))
        .contains(
            expect.status() == ProposalStatus.PROPOSAL_STATUS_PASSED
                ? "proposal_passed"
                : "proposal_failed");
    if (expect.log() != null) {
      assertThat(active.attribute("proposal_log")).contains(expect.log());
    }
    Map<String, TreeMap<Bytes, Bytes>> after = chain.snapshot();
    TreeMap<Bytes, Bytes> expectedProbe = new TreeMap<>();
    expect.probe().forEach((k, v) -> expectedProbe.put(Bytes.ofUtf8(k), Bytes.ofUtf8(v)));
    if (expect.status() == ProposalStatus.PROPOSAL_STATUS_PASSED) {
      assertThat(after.get(PROBE_STORE)).isEqualTo(expectedProbe);
      long sent =
          msgs.stream().filter(m -> m instanceof cosmos.bank.v1beta1.Tx.MsgSend).count() * 60;
      assertThat(chain.balance(RECIPIENT)).isEqualTo(sent);
      assertThat(chain.balance(GOV)).isEqualTo(100 - sent);
      // The messages' events reach the block, before the proposal's own event.
      if (!msgs.isEmpty()) {
        assertThat(events).contains(Event.of("probe", "key", "k1"));
      }
    } else {
      // Nothing the messages did was written: the probe store is as before, and the bank store
      // differs from before only by the deposit refund (gov -> proposer).
      assertThat(after.get(PROBE_STORE)).isEqualTo(before.get(PROBE_STORE));
      TreeMap<Bytes, Bytes> bankBefore = before.get(BankKeys.STORE_KEY);
      TreeMap<Bytes, Bytes> expectedBank = new TreeMap<>(bankBefore);
      expectedBank.put(BankKeys.balance(chain.bytes(GOV), GovTestChain.DENOM), Bytes.ofUtf8("100"));
      expectedBank.put(
          BankKeys.balance(chain.bytes(PROPOSER), GovTestChain.DENOM), Bytes.ofUtf8("10000000"));
      assertThat(after.get(BankKeys.STORE_KEY)).isEqualTo(expectedBank);
      assertThat(events).noneMatch(e -> e.type().equals("probe"));
      assertThat(events)
          .noneMatch(
              e ->
                  e.type().equals("transfer")
                      && e.attribute("recipient").orElse("").equals(RECIPIENT));
    }
  }
}
