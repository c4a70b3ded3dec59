package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.HostApi;
import io.wasm08.wasm.vm.testing.Bech32;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * addr_validate / addr_canonicalize / addr_humanize against cosmwasm-vm's MockApi (canonicalize 700
 * 000, humanize 560 000, validate both), on both engines. Gas by hand: host call 18 000, read
 * region 200 000 + 115·n, string decoding 28 700 + 1 400·n, write region 230 000 + 570·n.
 */
class ApiImportsTest {
  static final long HOST = 18_000;
  static final long CANON = 700_000;
  static final long HUMAN = 560_000;
  static final String RUNTIME = StorageImportsTest.RUNTIME;
  static final String CREATOR = new MockApi().addrMake("creator");

  static long rr(long n) {
    return StorageImportsTest.rr(n);
  }

  static long wr(long n) {
    return StorageImportsTest.wr(n);
  }

  static long sfb(long n) {
    return 28_700 + 1_400 * n;
  }

  record Result(Harness.Outcome outcome, String message, String destination) {}

  static Result run(HostApi api, byte[] input, String export, int destinationCapacity) {
    return DualEngine.same(
        mode -> {
          Harness h = new Harness(mode, new MockStorage(), api, Harness.GAS_LIMIT);
          int source = h.region(input);
          Harness.Outcome outcome;
          int destination = 0;
          if (destinationCapacity < 0) {
            outcome = h.call(export, source);
          } else {
            destination = h.buffer(destinationCapacity);
            outcome = h.call(export, source, destination);
          }
          String message =
              outcome.error() == null && outcome.single() != 0 ? h.text(outcome.single()) : null;
          String dest =
              outcome.error() == null && outcome.single() == 0 && destinationCapacity >= 0
                  ? Bytes.wrapOwned(h.contents(destination)).toHex()
                  : null;
          return new Result(outcome, message, dest);
        });
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> addrValidate() {
    int n = CREATOR.length();
    String juno = Bech32.encode("juno", Bech32.decode(CREATOR).data().toByteArray());
    return Stream.of(
        Arguments.of("valid", utf8(CREATOR), null, HOST + rr(n) + sfb(n) + CANON + HUMAN, null),
        Arguments.of("empty input", new byte[0], "Input is empty", HOST + rr(0) + wr(14), null),
        Arguments.of(
            "invalid UTF-8",
            new byte[] {(byte) 0xff},
            "Input is not valid UTF-8",
            HOST + rr(1) + sfb(1) + wr(24),
            null),
        Arguments.of(
            "not bech32",
            utf8("foo"),
            "Error decoding bech32",
            HOST + rr(3) + sfb(3) + CANON + wr(21),
            null),
        Arguments.of(
            "wrong prefix",
            utf8(juno),
            "Wrong bech32 prefix",
            HOST + rr(juno.length()) + sfb(juno.length()) + CANON + wr(19),
            null),
        Arguments.of(
            "upper case is decodable but not normalized",
            utf8(CREATOR.toUpperCase(Locale.ROOT)),
            "Invalid input: address not normalized",
            HOST + rr(n) + sfb(n) + CANON + HUMAN + wr(37),
            null),
        Arguments.of(
            "over 256 bytes traps",
            utf8("a".repeat(257)),
            null,
            HOST + rr(257),
            RUNTIME
                + "Error in guest/host communication: Region length too big. Got 257, limit 256"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void addrValidate(
      String name, byte[] input, String expectedMessage, long expectedGas, String expectedError) {
    Result r = run(new MockApi(), input, "call_addr_validate", -1);
    assertThat(r.outcome().error()).isEqualTo(expectedError);
    assertThat(r.outcome().gasUsed()).isEqualTo(expectedGas);
    if (expectedError == null) {
      assertThat(r.message()).isEqualTo(expectedMessage);
    }
  }

  @Test
  void canonicalizeWritesTheCanonicalBytes() {
    int n = CREATOR.length();
    Result r = run(new MockApi(), utf8(CREATOR), "call_addr_canonicalize", 64);
    assertThat(r.outcome().error()).isNull();
    assertThat(r.outcome().single()).isZero();
    assertThat(r.destination()).isEqualTo(Bech32.decode(CREATOR).data().toHex());
    assertThat(r.outcome().gasUsed()).isEqualTo(HOST + rr(n) + sfb(n) + CANON + wr(32));
  }

  @Test
  void canonicalizeIntoTooSmallRegionTraps() {
    Result r = run(new MockApi(), utf8(CREATOR), "call_addr_canonicalize", 10);
    assertThat(r.outcome().error())
        .isEqualTo(
            RUNTIME + "Error in guest/host communication: Region too small. Got 10, required 32");
  }

  @Test
  void canonicalizeUserErrorIsAMessage() {
    Result r = run(new MockApi(), utf8("foo"), "call_addr_canonicalize", 64);
    assertThat(r.message()).isEqualTo("Error decoding bech32");
  }

  @Test
  void humanizeWritesTheAddress() {
    byte[] canonical = Bech32.decode(CREATOR).data().toByteArray();
    Result r = run(new MockApi(), canonical, "call_addr_humanize", 100);
    assertThat(r.outcome().single()).isZero();
    assertThat(r.destination()).isEqualTo(Bytes.ofUtf8(CREATOR).toHex());
    assertThat(r.outcome().gasUsed())
        .as("no string decoding charge on humanize")
        .isEqualTo(HOST + rr(32) + HUMAN + wr(CREATOR.length()));
  }

  @Test
  void humanizeRejectsEmptyCanonicalWithAMessage() {
    Result r = run(new MockApi(), new byte[0], "call_addr_humanize", 100);
    assertThat(r.message()).isEqualTo("Invalid canonical address length");
    assertThat(r.outcome().gasUsed()).isEqualTo(HOST + rr(0) + HUMAN + wr(32));
  }

  @Test
  void humanizeInputOver64BytesTraps() {
    Result r = run(new MockApi(), new byte[65], "call_addr_humanize", 100);
    assertThat(r.outcome().error())
        .isEqualTo(
            RUNTIME + "Error in guest/host communication: Region length too big. Got 65, limit 64");
  }

  @Test
  void failingApiTrapsWithTheBackendMessage() {
    // cosmwasm-vm errors_in_imports: a non-user backend error becomes a trap.
    Result r =
        run(MockApi.failing("Api failed intentionally"), utf8(CREATOR), "call_addr_validate", -1);
    assertThat(r.outcome().error())
        .isEqualTo(
            RUNTIME
                + "Error calling into the VM's backend: Unknown error during call into backend:"
                + " Api failed intentionally");
  }
}
