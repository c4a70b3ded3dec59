package io.wasm08.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors ibc-go {@code 02-client/types/router_test.go} and {@code params_test.go}. */
class ClientRouterAndParamsTest {
  private static final LightClientModule MODULE =
      new FakeLightClient(new ClientStoreProvider(ClientKeeper.STORE_KEY));

  @Test
  void addRoute() {
    ClientRouter router = new ClientRouter().addRoute("07-tendermint", MODULE);
    assertThat(router.hasRoute("07-tendermint")).isTrue();
    assertThat(router.getRoute("07-tendermint")).containsSame(MODULE);
    assertThatThrownBy(() -> router.addRoute("07-tendermint", MODULE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("route 07-tendermint has already been registered");
    assertThatThrownBy(() -> router.addRoute("", MODULE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failed to add route: client type cannot be blank: invalid client type");
    assertThat(router.hasRoute("06-solomachine")).isFalse();
    assertThat(router.getRoute("invalid-client-type")).isEmpty();
  }

  static Stream<Arguments> isAllowedClient() {
    return Stream.of(
        arguments("success: valid client", "07-tendermint", ClientParams.DEFAULT, true),
        arguments(
            "success: valid client with custom params",
            "07-tendermint",
            ClientParams.of("07-tendermint"),
            true),
        arguments("success: invalid blank client", " ", ClientParams.DEFAULT, false),
        arguments(
            "success: invalid client with custom params",
            "09-localhost",
            ClientParams.of("07-tendermint"),
            false),
        arguments(
            "success: wildcard allow all clients", "test-client-type", ClientParams.of("*"), true),
        arguments(
            "success: wildcard allow all clients with blank client",
            " ",
            ClientParams.of("*"),
            false),
        arguments("no clients allowed", "07-tendermint", ClientParams.of(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void isAllowedClient(String name, String clientType, ClientParams params, boolean allowed) {
    assertThat(params.isAllowedClient(clientType)).isEqualTo(allowed);
  }

  static Stream<Arguments> validateParams() {
    return Stream.of(
        arguments("default params", ClientParams.DEFAULT, null),
        arguments("custom params", ClientParams.of("07-tendermint"), null),
        arguments("blank client", ClientParams.of(" "), "client type 0 cannot be blank"),
        arguments(
            "duplicate clients",
            ClientParams.of("07-tendermint", "07-tendermint"),
            "duplicate client type: 07-tendermint"),
        arguments(
            "allow all clients plus valid client",
            ClientParams.of("*", "07-tendermint"),
            "allow list must have only one element because the allow all clients wildcard (*) is"
                + " present"),
        arguments(
            "too many allowed clients",
            new ClientParams(Collections.nCopies(201, "")),
            "allowed clients length must not exceed 200 items"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void validateParams(String name, ClientParams params, String error) {
    if (error == null) {
      assertThatCode(params::validate).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(params::validate).hasMessage(error);
    }
  }

  @Test
  void protoRoundTrip() {
    ClientParams params = ClientParams.of("07-tendermint", "08-wasm");
    assertThat(ClientParams.fromProto(params.toProto())).isEqualTo(params);
    assertThat(ClientParams.DEFAULT.allowedClients()).isEqualTo(List.of("*"));
  }
}
