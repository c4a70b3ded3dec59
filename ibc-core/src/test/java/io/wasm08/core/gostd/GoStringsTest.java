package io.wasm08.core.gostd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import org.junit.jupiter.api.Test;

class GoStringsTest {
  @Test
  void compareIsGoByteOrderNotJavaCharOrder() {
    // U+FF61 is EF BD A1 in UTF-8, U+1F600 is F0 9F 98 80: Go orders U+FF61 first, while Java's
    // UTF-16 compareTo puts the surrogate pair (D83D …) first.
    String halfwidth = "\uFF61";
    String emoji = "\uD83D\uDE00";
    assertThat(GoStrings.compare(halfwidth, emoji)).isNegative();
    assertThat(halfwidth.compareTo(emoji)).isPositive();
    assertThat(GoStrings.compare("07-tendermint-10", "07-tendermint-9")).isNegative();
  }

  @Test
  void latin1KeepsEveryByte() {
    Bytes raw = Bytes.fromHex("636c69656e74732fff00e9");
    String s = GoStrings.latin1(raw);
    assertThat(s.split("/")[0]).isEqualTo("clients");
    assertThat(Bytes.wrapOwned(GoStrings.latin1Bytes(s))).isEqualTo(raw);
  }

  @Test
  void lenAndTrimSpaceFollowGo() {
    assertThat(GoStrings.len("aé😀")).isEqualTo(1 + 2 + 4);
    assertThat(GoStrings.trimSpace("\u00A0\t x \u0085")).isEqualTo("x");
    // U+001C is whitespace to Java but not to Go.
    assertThat(GoStrings.trimSpace("\u001Cx")).isEqualTo("\u001Cx");
  }

  @Test
  void parseUintLikeStrconv() {
    assertThat(GoStrconv.parseUint("18446744073709551615")).isEqualTo(-1L);
    assertThatThrownBy(() -> GoStrconv.parseUint("18446744073709551616"))
        .hasMessage("strconv.ParseUint: parsing \"18446744073709551616\": value out of range");
    assertThatThrownBy(() -> GoStrconv.parseUint(" 1"))
        .hasMessage("strconv.ParseUint: parsing \" 1\": invalid syntax");
    assertThatThrownBy(() -> GoStrconv.parseUint("a\n"))
        .hasMessage("strconv.ParseUint: parsing \"a\\n\": invalid syntax");
  }
}
