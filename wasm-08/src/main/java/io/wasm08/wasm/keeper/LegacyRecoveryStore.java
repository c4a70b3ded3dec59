package io.wasm08.wasm.keeper;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import java.util.Objects;

/**
 * The recovery store of the G1 host (ibc-go {@code types/store.go updateProposalWrappedStore},
 * Jul–Nov 2023), which G1 contracts' {@code check_substitute_and_update_state} relies on: keys
 * under {@code subject/} reach the subject client's store; <em>every other key</em> reaches the
 * substitute's store, with a leading {@code substitute/} stripped when present — reads, writes,
 * deletes and iterations alike (an iteration picks its store by its start bound). ComposableFi's
 * GRANDPA build, for one, reads the unprefixed {@code clientState} (the substitute's) to learn the
 * code hash before writing {@code subject/clientState}; under {@link ClientRecoveryStore} that read
 * finds nothing and the contract aborts.
 */
public final class LegacyRecoveryStore implements KvStore {
  private final KvStore subjectStore;
  private final KvStore substituteStore;

  public LegacyRecoveryStore(KvStore subjectStore, KvStore substituteStore) {
    this.subjectStore = Objects.requireNonNull(subjectStore, "subjectStore must not be nil");
    this.substituteStore =
        Objects.requireNonNull(substituteStore, "substituteStore must not be nil");
  }

  private static boolean isSubject(Bytes key) {
    return key != null && key.startsWith(ClientRecoveryStore.SUBJECT_PREFIX);
  }

  /** {@code getStore}: subject for {@code subject/…}, else the substitute. */
  private KvStore storeFor(Bytes key) {
    return isSubject(key) ? subjectStore : substituteStore;
  }

  /** {@code trimPrefix}: strips {@code subject/}, else a leading {@code substitute/}. */
  static Bytes trim(Bytes key) {
    if (key == null) {
      return null;
    }
    Bytes prefix =
        isSubject(key) ? ClientRecoveryStore.SUBJECT_PREFIX : ClientRecoveryStore.SUBSTITUTE_PREFIX;
    return key.startsWith(prefix) ? key.slice(prefix.size(), key.size()) : key;
  }

  @Override
  public Bytes get(Bytes key) {
    return storeFor(key).get(trim(key));
  }

  @Override
  public boolean has(Bytes key) {
    return storeFor(key).has(trim(key));
  }

  @Override
  public void set(Bytes key, Bytes value) {
    storeFor(key).set(trim(key), value);
  }

  @Override
  public void delete(Bytes key) {
    storeFor(key).delete(trim(key));
  }

  @Override
  public KvIterator iterator(Bytes start, Bytes end) {
    return storeFor(start).iterator(trim(start), trim(end));
  }

  @Override
  public KvIterator reverseIterator(Bytes start, Bytes end) {
    return storeFor(start).reverseIterator(trim(start), trim(end));
  }
}
