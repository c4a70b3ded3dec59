package io.wasm08.gov.bank;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.account;
import static io.wasm08.gov.testing.GovTestChain.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cosmos.bank.v1beta1.Bank.Metadata;
import cosmos.bank.v1beta1.Bank.Params;
import cosmos.bank.v1beta1.Bank.SendEnabled;
import cosmos.bank.v1beta1.Genesis.Balance;
import cosmos.bank.v1beta1.Genesis.GenesisState;
import cosmos.bank.v1beta1.Tx.MsgSend;
import io.wasm08.common.ErrorCode;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.gov.testing.GovTestChain;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The minimal bank: {@code Msg/Send} with x/bank v0.50's checks, texts and events, and its genesis
 * validation ({@code GenesisState.Validate}).
 */
class BankKeeperTest {
  static final String ALICE = account("alice");
  static final String BOB = account("bob");

  @Test
  void sendMovesCoinsWithUpstreamEvents() {
    GovTestChain chain = GovTestChain.builder().balance(ALICE, 100).build();
    GovTestChain.Delivered d = chain.deliver(send(ALICE, BOB, 30));
    assertThat(chain.balance(ALICE)).isEqualTo(70);
    assertThat(chain.balance(BOB)).isEqualTo(30);
    assertThat(chain.supply()).isEqualTo(100);
    assertThat(d.events())
        .containsExactly(
            Event.of("coin_spent", "spender", ALICE, "amount", "30stake"),
            Event.of("coin_received", "receiver", BOB, "amount", "30stake"),
            Event.of("transfer", "recipient", BOB, "sender", ALICE, "amount", "30stake"),
            Event.of("message", "sender", ALICE));
    // Spending everything removes the balance entry (zero balances are never stored).
    chain.deliver(send(ALICE, BOB, 70));
    assertThat(
            chain.stores.get(BankKeys.STORE_KEY).get(BankKeys.balance(chain.bytes(ALICE), "stake")))
        .isNull();
  }

  static Stream<Arguments> refusedSends() {
    return Stream.of(
        Arguments.of(
            "more than the balance",
            send(ALICE, BOB, 101),
            SdkErrorCode.INSUFFICIENT_FUNDS,
            "spendable balance 100stake is smaller than 101stake: insufficient funds"),
        Arguments.of(
            "a denom never held",
            MsgSend.newBuilder()
                .setFromAddress(ALICE)
                .setToAddress(BOB)
                .addAmount(Coin.of("atom", 1).toProto())
                .build(),
            SdkErrorCode.INSUFFICIENT_FUNDS,
            "spendable balance 0atom is smaller than 1atom: insufficient funds"),
        Arguments.of(
            "nothing",
            MsgSend.newBuilder().setFromAddress(ALICE).setToAddress(BOB).build(),
            SdkErrorCode.INVALID_COINS,
            ": invalid coins"),
        Arguments.of(
            "a zero amount",
            send(ALICE, BOB, 0),
            SdkErrorCode.INVALID_COINS,
            "0stake: invalid coins"),
        Arguments.of(
            "a bad sender",
            send("cosmos1", BOB, 1),
            SdkErrorCode.INVALID_ADDRESS,
            "invalid from address: decoding bech32 failed: invalid bech32 string length 7: invalid"
                + " address"),
        Arguments.of(
            "a bad recipient",
            send(ALICE, "", 1),
            SdkErrorCode.INVALID_ADDRESS,
            "invalid to address: empty address string is not allowed: invalid address"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedSends")
  void refusedSendsChangeNothing(String name, MsgSend msg, ErrorCode code, String message) {
    GovTestChain chain = GovTestChain.builder().balance(ALICE, 100).build();
    chain.assertRefused(msg, code, message);
  }

  @Test
  void sendsOfADisabledDenomAndToBlockedAddressesAreRefused() {
    GovTestChain chain = GovTestChain.builder().balance(ALICE, 100).build();
    chain.bank.setSendEnabled(chain.ctx(), "stake", false);
    assertThatThrownBy(() -> chain.deliver(send(ALICE, BOB, 1)))
        .hasMessage("stake transfers are currently disabled: send transactions are disabled")
        .satisfies(e -> assertThat(((Wasm08Exception) e).is(BankErrorCode.SEND_DISABLED)).isTrue());
    chain.bank.setSendEnabled(chain.ctx(), "stake", true);
    BankKeeper blocking =
        new BankKeeper(
            chain.addressCodec,
            java.util.List.of(ModuleAccount.of("gov", ModuleAccount.BURNER)),
            java.util.Set.of(chain.bytes(BOB)));
    assertThatThrownBy(() -> blocking.send(chain.ctx(), send(ALICE, BOB, 1)))
        .hasMessage(BOB + " is not allowed to receive funds: unauthorized");
    // The gov module account may receive (simapp does not block it).
    chain.deliver(send(ALICE, GOV, 1));
    assertThat(chain.balance(GOV)).isEqualTo(1);
  }

  static GenesisState.Builder genesis() {
    return GenesisState.newBuilder()
        .setParams(Params.newBuilder().setDefaultSendEnabled(true))
        .addBalances(Balance.newBuilder().setAddress(ALICE).addCoins(Coin.of("stake", 5).toProto()))
        .addBalances(
            Balance.newBuilder()
                .setAddress(BOB)
                .addCoins(Coin.of("atom", 1).toProto())
                .addCoins(Coin.of("stake", 2).toProto()));
  }

  static Stream<Arguments> invalidGenesis() {
    return Stream.of(
        Arguments.of(
            (UnaryOperator<GenesisState.Builder>)
                g -> g.addBalances(Balance.newBuilder().setAddress(ALICE)),
            "duplicate balance for address " + ALICE),
        Arguments.of(
            (UnaryOperator<GenesisState.Builder>) g -> g.addSupply(Coin.of("stake", 8).toProto()),
            "genesis supply is incorrect, expected 8stake, got 1atom,7stake"),
        Arguments.of(
            (UnaryOperator<GenesisState.Builder>)
                g ->
                    g.addBalances(
                        Balance.newBuilder()
                            .setAddress(GOV)
                            .addCoins(Coin.of("stake", 0).toProto())),
            "coin 0stake amount is not positive"),
        Arguments.of(
            (UnaryOperator<GenesisState.Builder>)
                g ->
                    g.addSendEnabled(SendEnabled.newBuilder().setDenom("stake"))
                        .addSendEnabled(SendEnabled.newBuilder().setDenom("stake")),
            "duplicate send enabled found: 'stake'"),
        Arguments.of(
            (UnaryOperator<GenesisState.Builder>)
                g ->
                    g.setParams(
                        Params.newBuilder()
                            .addSendEnabled(SendEnabled.newBuilder().setDenom("stake"))),
            "use of send_enabled in params is no longer supported"),
        Arguments.of(
            (UnaryOperator<GenesisState.Builder>)
                g ->
                    g.addDenomMetadata(Metadata.newBuilder().setBase("stake"))
                        .addDenomMetadata(Metadata.newBuilder().setBase("stake")),
            "duplicate client metadata for denom stake"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidGenesis")
  void genesisIsValidatedAsUpstream(UnaryOperator<GenesisState.Builder> change, String message) {
    BankGenesis.validate(
        genesis()
            .addSupply(Coin.of("atom", 1).toProto())
            .addSupply(Coin.of("stake", 7).toProto())
            .build(),
        "cosmos");
    assertThatThrownBy(() -> BankGenesis.validate(change.apply(genesis()).build(), "cosmos"))
        .hasMessage(message);
  }
}
