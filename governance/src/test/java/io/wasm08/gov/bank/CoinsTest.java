package io.wasm08.gov.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cosmos.base.v1beta1.CoinOuterClass;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sdk.Coins semantics against SDK v0.50.5 {@code types/coin_test.go} (TestCoins_Validate,
 * TestCoinsGTE/LTE, TestAddCoins), with the texts of {@code Coins.Validate}.
 */
class CoinsTest {
  private static Coins coins(Object... denomAmount) {
    Coin[] out = new Coin[denomAmount.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = Coin.of((String) denomAmount[2 * i], ((Number) denomAmount[2 * i + 1]).longValue());
    }
    return Coins.of(out);
  }

  static Stream<Arguments> validity() {
    return Stream.of(
        Arguments.of("valid lowercase coins", coins("gas", 1, "mineral", 1, "tree", 1), null),
        Arguments.of("valid uppercase coins", coins("GAS", 1, "MINERAL", 1, "TREE", 1), null),
        Arguments.of("lower and upper case", coins("ATOM", 1, "Atom", 1, "atom", 1), null),
        Arguments.of("mixed case", coins("MineraL", 1, "TREE", 1, "gAs", 1), null),
        Arguments.of("unicode letters", coins("𐀀𐀆𐀉Ⅲ", 1), "invalid denom: 𐀀𐀆𐀉Ⅲ"),
        Arguments.of(
            "IBC denomination",
            coins("ibc/7F1D3FCF4AE79E1554D670D1AD949A9BA4E4A3C76C63093E17E446A46061A7A2", 1),
            null),
        Arguments.of("empty", coins(), null),
        Arguments.of("zero amount", coins("gas", 0), "coin 0gas amount is not positive"),
        Arguments.of(
            "second not positive", coins("gas", 1, "tree", 0), "coin tree amount is not positive"),
        Arguments.of("unsorted", coins("tree", 1, "gas", 1), "denomination gas is not sorted"),
        Arguments.of("duplicate", coins("gas", 1, "gas", 2), "duplicate denomination gas"),
        Arguments.of("short denom", coins("ab", 1), "invalid denom: ab"),
        Arguments.of("digit first", coins("1atom", 1), "invalid denom: 1atom"),
        Arguments.of("trailing newline", coins("atom\n", 1), "invalid denom: atom\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validity")
  void validatesAsUpstream(String name, Coins c, String error) {
    if (error == null) {
      assertThat(c.isValid()).isTrue();
    } else {
      assertThat(c.isValid()).isFalse();
      assertThatThrownBy(c::validate).isInstanceOf(IbcException.class).hasMessage(error);
    }
  }

  @Test
  void comparesLikeUpstream() {
    // TestCoinsGTE / TestCoinsLTE with testDenom1 = "atom", testDenom2 = "muon".
    assertThat(coins().isAllGte(coins())).isTrue();
    assertThat(coins("atom", 1).isAllGte(coins())).isTrue();
    assertThat(coins().isAllGte(coins("atom", 1))).isFalse();
    assertThat(coins("atom", 1).isAllGte(coins("muon", 1))).isFalse();
    assertThat(coins("atom", 1, "muon", 1).isAllGte(coins("muon", 1))).isTrue();
    assertThat(coins("atom", 1, "muon", 1).isAllGte(coins("muon", 2))).isFalse();
    assertThat(coins().isAllLte(coins())).isTrue();
    assertThat(coins("atom", 1).isAllLte(coins())).isFalse();
    assertThat(coins("atom", 1, "muon", 1).isAllLte(coins("atom", 1, "muon", 2))).isTrue();
    assertThat(coins().isAllLte(coins("atom", 1))).isTrue();
  }

  @Test
  void addsSumsSortsAndDropsZeros() {
    assertThat(coins("atom", 1, "muon", 1).add(coins("atom", 1, "muon", 1)))
        .isEqualTo(coins("atom", 2, "muon", 2));
    assertThat(coins("atom", 0, "muon", 1).add(coins("atom", 0, "muon", 0)))
        .isEqualTo(coins("muon", 1));
    assertThat(coins("atom", 1).add(coins("atom", -1))).isEqualTo(coins());
    assertThat(coins("muon", 1).add(coins("atom", 2))).isEqualTo(coins("atom", 2, "muon", 1));
    assertThatThrownBy(() -> coins("muon", 1, "atom", 1).add(coins()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(coins("atom", 5).safeSubOrNull(coins("atom", 6))).isNull();
    assertThat(coins("atom", 5).safeSubOrNull(coins("atom", 5))).isEqualTo(coins());
  }

  @Test
  void printsAndFindsLikeUpstream() {
    assertThat(coins().toString()).isEmpty();
    assertThat(coins("atom", 10, "muon", 5).toString()).isEqualTo("10atom,5muon");
    assertThat(coins("atom", 1, "muon", 2, "tree", 3).amountOf("muon")).hasToString("2");
    assertThat(coins("atom", 1).amountOf("gas")).hasToString("0");
    assertThatThrownBy(() -> coins("atom", 1).amountOf("x")).hasMessage("invalid denom: x");
    // Binary search on unsorted input misses what a linear scan would find, as in Go.
    assertThat(coins("tree", 1, "muon", 1, "atom", 1).find("tree")).isNull();
    assertThat(coins().isAllPositive()).isFalse();
    assertThat(coins().isZero()).isTrue();
  }

  @Test
  void decodesWireAmountsAsGogoprotoDoes() {
    var proto =
        List.of(
            CoinOuterClass.Coin.newBuilder().setDenom("stake").setAmount("0x10").build(),
            CoinOuterClass.Coin.newBuilder().setDenom("stake").setAmount("abc").build());
    assertThat(Coin.fromProto(proto.get(0))).isEqualTo(Coin.of("stake", 16));
    assertThat(Coin.fromProto(proto.get(0)).toProto().getAmount()).isEqualTo("16");
    assertThatThrownBy(() -> Coin.fromProto(proto.get(1)))
        .satisfies(e -> assertThat(((IbcException) e).is(SdkErrorCode.TX_DECODE)).isTrue())
        .hasMessage("math/big: cannot unmarshal \"abc\" into a *big.Int: tx parse error");
  }

  @Test
  void newCoinsSanitizesAndRejectsDuplicates() {
    assertThat(Coins.newCoins(List.of(Coin.of("muon", 1), Coin.of("atom", 0), Coin.of("atom", 2))))
        .isEqualTo(coins("atom", 2, "muon", 1));
    assertThatThrownBy(() -> Coins.newCoins(List.of(Coin.of("atom", 1), Coin.of("atom", 2))))
        .hasMessage("invalid coin set 1atom,2atom: duplicate denomination atom");
  }
}
