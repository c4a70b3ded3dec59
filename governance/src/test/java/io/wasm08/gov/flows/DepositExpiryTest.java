package io.wasm08.gov.flows;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import cosmos.gov.v1.Gov.ProposalStatus;
import io.wasm08.core.events.Event;
import io.wasm08.gov.testing.GovTestChain;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proposals whose deposit period (48 h by default) ends below the min deposit (10000000stake) are
 * deleted at the first block whose time is at or past the end; their deposits are refunded, or
 * burned when {@code burn_proposal_deposit_prevote} is set. Two depositors, 1000000stake each (each
 * at least the 1 % min_deposit_ratio).
 */
class DepositExpiryTest {
  static final String PROPOSER = account("proposer");
  static final String OTHER = account("other");
  static final long EACH = 1_000_000;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("refunded when burn_proposal_deposit_prevote=false", false),
        Arguments.of("burned when burn_proposal_deposit_prevote=true", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void expiredProposalsAreDropped(String name, boolean burn) {
    GovTestChain chain =
        GovTestChain.builder()
            .voter(PROPOSER, 1)
            .balance(PROPOSER, EACH)
            .balance(OTHER, EACH)
            .params(p -> p.setBurnProposalDepositPrevote(burn))
            .build();
    long supply = chain.supply();
    long id = chain.submit(GovTestChain.proposal(PROPOSER, EACH).setMetadata("m").build());
    chain.deposit(id, OTHER, EACH);
    assertThat(chain.proposal(id).getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD);
    assertThat(chain.balance(GOV)).isEqualTo(2 * EACH);

    assertThat(chain.advanceAndEndBlock(Duration.ofHours(48).minusNanos(1))).isEmpty();
    assertThat(chain.exists(id)).isTrue();

    List<Event> events = chain.advanceAndEndBlock(Duration.ofNanos(1));
    assertThat(chain.exists(id)).isFalse();
    assertThat(chain.keeper.store(chain.ctx()).deposits(id)).isEmpty();
    assertThat(chain.keeper.store(chain.ctx()).inactiveUntil(chain.block().time())).isEmpty();
    assertThat(events.get(events.size() - 1))
        .isEqualTo(
            Event.of(
                "inactive_proposal",
                "proposal_id",
                Long.toString(id),
                "proposal_result",
                "proposal_dropped"));
    assertThat(chain.balance(GOV)).isZero();
    if (burn) {
      assertThat(chain.balance(PROPOSER)).isZero();
      assertThat(chain.balance(OTHER)).isZero();
      assertThat(chain.supply()).isEqualTo(supply - 2 * EACH);
      assertThat(events).contains(Event.of("burn", "burner", GOV, "amount", "2000000stake"));
    } else {
      assertThat(chain.balance(PROPOSER)).isEqualTo(EACH);
      assertThat(chain.balance(OTHER)).isEqualTo(EACH);
      assertThat(chain.supply()).isEqualTo(supply);
      assertThat(events)
          .contains(
              Event.of("transfer", "recipient", PROPOSER, "sender", GOV, "amount", "1000000stake"));
    }
  }
}
