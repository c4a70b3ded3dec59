package io.wasm08.store.rootmulti;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimpleMerkleTest {
  /** cometbft crypto/merkle {@code TestHashFromByteSlices} vectors. */
  static Stream<Arguments> cometbftVectors() {
    return Stream.of(
        Arguments.of(List.of(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Arguments.of(
            List.of("010203"), "054edec1d0211f624fed0cbca9d4f9400b0e491c43742af2c5b0abebf0c990d8"),
        Arguments.of(
            List.of(""), "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
        Arguments.of(
            List.of("010203", "040506"),
            "82e6cfce00453804379b53962939eaa7906b39904be0813fcadd31b100773c4b"),
        Arguments.of(
            List.of("0102", "0304", "0506", "0708", "090a"),
            "f326493eceab4f2d9ffbc78c59432a0a005d6ea98392045c74df5d14a113be18"));
  }

  @ParameterizedTest
  @MethodSource("cometbftVectors")
  void hashFromByteSlices(List<String> items, String expected) {
    assertThat(SimpleMerkle.hashFromByteSlices(items.stream().map(Bytes::fromHex).toList()).toHex())
        .isEqualTo(expected);
  }

  @Test
  void splitPointIsTheLargestPowerOfTwoBelow() {
    assertThat(List.of(2, 3, 4, 5, 8, 9, 100).stream().map(SimpleMerkle::splitPoint))
        .containsExactly(1, 2, 2, 4, 4, 8, 64);
  }

  @Test
  void auntsFoldBackToTheRoot() {
    for (int n = 1; n <= 13; n++) {
      List<Bytes> items = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        items.add(Bytes.of((byte) i, (byte) n));
      }
      Bytes root = SimpleMerkle.hashFromByteSlices(items);
      for (int i = 0; i < n; i++) {
        Bytes h = SimpleMerkle.leafHash(items.get(i));
        for (SimpleMerkle.Aunt aunt : SimpleMerkle.aunts(items, i)) {
          h =
              aunt.onRight()
                  ? SimpleMerkle.innerHash(h, aunt.hash())
                  : SimpleMerkle.innerHash(aunt.hash(), h);
        }
        assertThat(h).as("n=%d i=%d", n, i).isEqualTo(root);
      }
    }
  }
}
