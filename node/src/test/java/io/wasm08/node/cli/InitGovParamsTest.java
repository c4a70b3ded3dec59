package io.wasm08.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.node.config.GenesisDoc;
import io.wasm08.node.config.NodeHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code wasm08 init}'s governance periods: a voting period alone brings the expedited one down to
 * half of it (upstream's defaults are 48h and 24h), and params x/gov's {@code ValidateBasic}
 * refuses are refused by {@code init} with its message (x/gov/types/v1/params.go), before anything
 * is written, rather than by the node at start.
 */
class InitGovParamsTest {
  @TempDir Path dir;

  static Stream<Arguments> periods() {
    return Stream.of(
        Arguments.of(List.of(), "172800s", "86400s", null),
        Arguments.of(List.of("--voting-period", "PT10S"), "10s", "5s", null),
        Arguments.of(List.of("--voting-period", "PT3S"), "3s", "1.500000000s", null),
        Arguments.of(
            List.of("--voting-period", "PT10S", "--expedited-voting-period", "PT2S"),
            "10s",
            "2s",
            null),
        Arguments.of(
            List.of("--voting-period", "PT10S", "--expedited-voting-period", "PT10S"),
            null,
            null,
            "expedited voting period 10s must be strictly less that the regular voting period 10s"),
        Arguments.of(
            List.of("--expedited-voting-period", "PT72H"),
            null,
            null,
            "expedited voting period 72h0m0s must be strictly less that the regular voting period"
                + " 48h0m0s"));
  }

  @ParameterizedTest
  @MethodSource("periods")
  void initWritesValidGovPeriodsOrRefuses(
      List<String> options, String voting, String expedited, String error) throws Exception {
    Path home = dir.resolve("home");
    List<String> args =
        new ArrayList<>(List.of("init", "n", "--home", home.toString(), "--chain-id", "c-1"));
    args.addAll(options);

    Wasm08CliTest.Run init = Wasm08CliTest.run(args.toArray(String[]::new));

    NodeHome h = new NodeHome(home);
    if (error != null) {
      assertThat(init.exitCode()).isEqualTo(1);
      assertThat(init.err()).contains(error);
      assertThat(h.genesis()).doesNotExist();
      assertThat(h.nodeConfig()).doesNotExist();
      return;
    }
    assertThat(init.exitCode()).as(init.err()).isZero();
    var params = GenesisDoc.read(h.genesis()).section("gov").orElseThrow().path("params");
    assertThat(params.path("voting_period").asText()).isEqualTo(voting);
    assertThat(params.path("expedited_voting_period").asText()).isEqualTo(expedited);
  }
}
