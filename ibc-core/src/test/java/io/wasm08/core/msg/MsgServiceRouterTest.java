package io.wasm08.core.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import ibc.core.client.v1.Client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.context.StoreSets;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.store.InfiniteGasMeter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Msg router: one route per type URL, ValidateBasic before the handler when a packed Msg is
 * handled, and ValidateBasic alone for governance's submit-time check. Height stands in for a Msg
 * type (the router only needs a protobuf message).
 */
class MsgServiceRouterTest {
  private final List<String> calls = new ArrayList<>();

  private MsgRoute<Height> route() {
    return MsgRoute.of(
        Height.getDefaultInstance(),
        h -> {
          calls.add("validate " + h.getRevisionHeight());
          if (h.getRevisionHeight() == 0) {
            throw SdkErrorCode.INVALID_REQUEST.wrap("zero height");
          }
        },
        (ctx, h) -> {
          calls.add("handle " + h.getRevisionHeight());
          return h;
        });
  }

  private static BlockContext ctx() {
    return BlockContext.builder()
        .block(new BlockInfo(1, Instant.EPOCH, "test"))
        .stores(StoreSets.of(Map.of()))
        .gasMeter(new InfiniteGasMeter())
        .build();
  }

  @Test
  void routesByTypeUrlAndValidatesBeforeHandling() {
    MsgServiceRouter router = new MsgServiceRouter().register(route());
    String url = "/ibc.core.client.v1.Height";
    assertThat(router.typeUrls()).containsExactly(url);
    assertThat(router.route("/other.Msg")).isEmpty();
    MsgRoute<?> route = router.route(url).orElseThrow();

    Height seven = Height.newBuilder().setRevisionHeight(7).build();
    assertThat(route.handle(ctx(), AnyCodec.pack(seven))).isEqualTo(seven);
    assertThat(calls).containsExactly("validate 7", "handle 7");

    calls.clear();
    assertThatThrownBy(() -> route.handle(ctx(), AnyCodec.pack(Height.getDefaultInstance())))
        .hasMessage("zero height: invalid request");
    assertThat(calls).containsExactly("validate 0");

    calls.clear();
    route.validateBasic(seven);
    assertThat(calls).containsExactly("validate 7");
    assertThatThrownBy(() -> route.validateBasic(Any.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> route.handle(ctx(), Any.newBuilder().setTypeUrl("/x.Y").build()))
        .hasMessage("expected /ibc.core.client.v1.Height, got /x.Y: tx parse error");
  }

  @Test
  void aTypeUrlIsRegisteredOnce() {
    MsgServiceRouter router = new MsgServiceRouter().register(route());
    assertThatThrownBy(() -> router.register(MsgRoute.of(Height.getDefaultInstance(), (c, h) -> h)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("msg service /ibc.core.client.v1.Height has already been registered");
  }

  @Test
  void routesWithoutValidateBasicOnlyHandle() {
    MsgRoute<Height> plain =
        MsgRoute.of(
            Height.getDefaultInstance(),
            (ctx, h) -> {
              calls.add("handle");
              return h;
            });
    plain.validateBasic(Height.getDefaultInstance());
    plain.handle(ctx(), AnyCodec.pack(Height.getDefaultInstance()));
    assertThat(calls).containsExactly("handle");
  }
}
