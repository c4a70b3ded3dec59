package io.wasm08.store.rootmulti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.store.CommitId;
import io.wasm08.store.KvStore;
import io.wasm08.store.StoreErrorCode;
import io.wasm08.store.TestHashes;
import io.wasm08.store.db.MemDatabase;
import io.wasm08.store.db.RocksDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootMultiStoreTest {
  @TempDir Path dir;

  static Bytes utf8(String s) {
    return Bytes.ofUtf8(s);
  }

  /**
   * The app hash by hand ({@code CommitInfo.Hash} → {@code maps.ProofsFromMap}): stores sorted by
   * name (acc, bank, ibc); each leaf item {@code uvarint(len name) name 20 sha256(storeRoot)}; the
   * simple Merkle tree of three leaves splits 2 | 1: {@code sha256(01 ‖ sha256(01 ‖ L(acc) ‖
   * L(bank)) ‖ L(ibc))} with {@code L(x) = sha256(00 ‖ item)}.
   */
  @Test
  void appHashIsTheSimpleMerkleRootOfTheStoreRoots() {
    RootMultiStore rms = RootMultiStore.inMemory(List.of("ibc", "acc", "bank"));
    rms.kvStore("ibc").set(utf8("clients/07-tendermint-0/clientState"), utf8("cs"));
    rms.kvStore("bank").set(utf8("balance"), utf8("100"));
    // acc stays empty: its root is sha256("")
    CommitId id = rms.commit();

    String acc = rms.tree("acc", 1).hash().toHex();
    assertThat(acc).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    String bank = rms.tree("bank", 1).hash().toHex();
    String ibc = rms.tree("ibc", 1).hash().toHex();
    String leafAcc = sha("00" + "03" + Bytes.ofUtf8("acc").toHex() + "20" + sha(acc));
    String leafBank = sha("00" + "04" + Bytes.ofUtf8("bank").toHex() + "20" + sha(bank));
    String leafIbc = sha("00" + "03" + Bytes.ofUtf8("ibc").toHex() + "20" + sha(ibc));
    String expected = sha("01" + sha("01" + leafAcc + leafBank) + leafIbc);
    assertThat(id).isEqualTo(new CommitId(1, Bytes.fromHex(expected)));
    assertThat(rms.lastCommitId()).isEqualTo(id);
    assertThat(rms.commitInfo(1).storeInfo("ibc").commitId())
        .isEqualTo(new CommitId(1, Bytes.fromHex(ibc)));
  }

  @Test
  void branchesWriteOrVanish() {
    RootMultiStore rms = RootMultiStore.inMemory(List.of("ibc", "bank"));
    Bytes before = rms.workingHash();
    CacheMultiStore failing = rms.cacheMultiStore();
    failing.kvStore("ibc").set(utf8("k"), utf8("v"));
    failing.cacheMultiStore().kvStore("bank").set(utf8("nested"), utf8("x"));
    // dropped: nothing reaches the stores
    assertThat(rms.workingHash()).isEqualTo(before);

    CacheMultiStore tx = rms.cacheMultiStore();
    CacheMultiStore msg = tx.cacheMultiStore();
    msg.kvStore("ibc").set(utf8("k"), utf8("v"));
    msg.write();
    assertThat(rms.kvStore("ibc").get(utf8("k"))).isNull();
    tx.write();
    assertThat(rms.kvStore("ibc").get(utf8("k"))).isEqualTo(utf8("v"));
    assertThat(rms.workingHash()).isNotEqualTo(before);
    assertThat(rms.commit().hash()).isEqualTo(rms.commitInfo(1).hash());
  }

  @Test
  void reopensAtLatestVersionOnRocksDb() {
    Path path = dir.resolve("app");
    CommitId last;
    try (RootMultiStore rms =
        RootMultiStore.open(RocksDatabase.open(path), List.of("ibc", "bank"))) {
      for (int v = 1; v <= 5; v++) {
        rms.kvStore("ibc").set(utf8("height"), utf8(Integer.toString(v)));
        rms.kvStore("bank").set(utf8("b" + v), utf8("x"));
      }
      for (int v = 1; v <= 5; v++) {
        rms.kvStore("ibc").set(utf8("h" + v), utf8("y"));
        rms.commit();
      }
      last = rms.lastCommitId();
      rms.kvStore("ibc").set(utf8("uncommitted"), utf8("z"));
    }
    try (RootMultiStore rms =
        RootMultiStore.open(RocksDatabase.open(path), List.of("ibc", "bank"))) {
      assertThat(rms.lastCommitId()).isEqualTo(last);
      assertThat(rms.kvStore("ibc").get(utf8("h5"))).isEqualTo(utf8("y"));
      assertThat(rms.kvStore("ibc").get(utf8("uncommitted"))).isNull();
      assertThat(rms.tree("ibc", 2).get(utf8("h3"))).isNull();
      assertThat(rms.tree("ibc", 3).get(utf8("h3"))).isEqualTo(utf8("y"));
    }
  }

  @Test
  void rollbackThenReplayReproducesTheSameHashes() {
    MemDatabase db = new MemDatabase();
    RootMultiStore rms = RootMultiStore.open(db, List.of("ibc", "bank"));
    CommitId[] ids = new CommitId[6];
    for (int v = 1; v <= 5; v++) {
      write(rms, v);
      ids[v] = rms.commit();
    }
    rms.rollbackTo(2);
    assertThat(rms.lastCommitId()).isEqualTo(ids[2]);
    assertThatThrownBy(() -> rms.commitInfo(3)).isInstanceOf(Wasm08Exception.class);
    assertThat(rms.kvStore("ibc").tree().versionExists(3)).isFalse();
    for (int v = 3; v <= 5; v++) {
      write(rms, v);
      assertThat(rms.commit()).isEqualTo(ids[v]);
    }
    // and survives a reopen after the rollback
    RootMultiStore reopened = RootMultiStore.open(db, List.of("ibc", "bank"));
    assertThat(reopened.lastCommitId()).isEqualTo(ids[5]);
  }

  @Test
  void pruningKeepsRecentVersionsOnly() {
    MemDatabase db = new MemDatabase();
    RootMultiStore rms =
        RootMultiStore.open(
            db, List.of("ibc"), new RootMultiStore.Options(1000, PruningOptions.EVERYTHING));
    for (int v = 1; v <= 20; v++) {
      write(rms, v);
      rms.commit();
    }
    // committing 20 (a multiple of the interval 10) pruned up to 20 - 2 - 1 = 17
    assertThat(rms.firstVersion()).isEqualTo(18);
    assertThat(rms.kvStore("ibc").tree().availableVersions()).containsExactly(18L, 19L, 20L);
    assertThatThrownBy(() -> rms.tree("ibc", 17))
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(StoreErrorCode.NOT_FOUND)).isTrue());
    assertThat(rms.tree("ibc", 18).get(utf8("key-18"))).isEqualTo(utf8("v18"));
    assertThat(PruningOptions.DEFAULT.pruningHeight(362_890)).isEqualTo(9);
    assertThat(PruningOptions.NOTHING.pruningHeight(1_000)).isZero();
  }

  @Test
  void storeAddedLaterStartsAtTheNextVersion() {
    MemDatabase db = new MemDatabase();
    RootMultiStore rms = RootMultiStore.open(db, List.of("ibc"));
    write(rms, 1);
    rms.commit();
    rms.commit();
    RootMultiStore upgraded = RootMultiStore.open(db, List.of("ibc", "08-wasm"));
    upgraded.kvStore("08-wasm").set(utf8("checksums"), utf8("x"));
    CommitId id = upgraded.commit();
    assertThat(id.version()).isEqualTo(3);
    assertThat(upgraded.kvStore("08-wasm").tree().availableVersions()).containsExactly(3L);
    assertThat(upgraded.commitInfo(3).storeInfos())
        .extracting(StoreInfo::name)
        .containsExactly("08-wasm", "ibc");
    // rolling back past the upgrade empties the new store again
    upgraded.rollbackTo(2);
    assertThat(upgraded.kvStore("08-wasm").get(utf8("checksums"))).isNull();
    assertThat(upgraded.commit().version()).isEqualTo(3);

    assertThatThrownBy(() -> RootMultiStore.open(db, List.of("08-wasm")))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessageContaining("ibc");
  }

  @Test
  void initialVersionAndNames() {
    RootMultiStore rms = RootMultiStore.inMemory(List.of("ibc"));
    rms.setInitialVersion(100);
    assertThat(rms.commit().version()).isEqualTo(100);
    assertThat(rms.commit().version()).isEqualTo(101);
    assertThatThrownBy(() -> RootMultiStore.inMemory(List.of("a/b")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rms.kvStore("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  static void write(RootMultiStore rms, int v) {
    KvStore ibc = rms.kvStore("ibc");
    ibc.set(utf8("key-" + v), utf8("v" + v));
    ibc.set(utf8("latest"), utf8(Integer.toString(v)));
    if (v > 2) {
      ibc.delete(utf8("key-" + (v - 2)));
    }
    if (rms.storeNames().contains("bank")) {
      rms.kvStore("bank").set(utf8("supply"), utf8(Integer.toString(v * 10)));
    }
  }

  static String sha(String hex) {
    return TestHashes.sha256Hex(hex);
  }
}
