package io.wasm08.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.core.context.BlockInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTest {
  @Test
  void eventsKeepAttributeOrder() {
    Event e = Event.of("create_client", "client_id", "08-wasm-0", "client_type", "08-wasm");
    assertThat(e.attributes())
        .containsExactly(
            EventAttribute.of("client_id", "08-wasm-0"),
            EventAttribute.of("client_type", "08-wasm"));
    assertThat(e.attribute("client_type")).contains("08-wasm");
    assertThat(e.attribute("nope")).isEmpty();
    assertThat(Event.message("ibc_client"))
        .isEqualTo(new Event("message", List.of(EventAttribute.of("module", "ibc_client"))));
    assertThatThrownBy(() -> Event.of("t", "k")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void managerCollectsInOrder() {
    EventManager manager = new EventManager();
    manager.emit(Event.of("a"));
    manager.emitAll(List.of(Event.of("b"), Event.of("c")));
    assertThat(manager.events()).extracting(Event::type).containsExactly("a", "b", "c");
  }

  @Test
  void blockInfoTimeInNanos() {
    BlockInfo block = new BlockInfo(12, Instant.ofEpochSecond(1_700_000_000L, 5), "testchain-1");
    assertThat(block.timeUnixNanos()).isEqualTo(1_700_000_000_000_000_005L);
    assertThatThrownBy(() -> new BlockInfo(-1, Instant.EPOCH, "c"))
        .hasMessage("block height must never be negative");
  }
}
