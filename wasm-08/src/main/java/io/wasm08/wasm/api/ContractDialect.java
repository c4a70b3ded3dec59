package io.wasm08.wasm.api;

/**
 * The generations of the 08-wasm contract API (08-wasm-host.md §2) a host can speak. The current
 * host speaks {@link #G5}; older contracts still run when the host encodes their dialect: ibc-go
 * itself cannot drive its historical contracts any more, this host can.
 */
public enum ContractDialect {
  /**
   * Jul–Oct 2023 before ibc-go PR #4820: wrapped types ({@code {"data":…}}), {@code code_hash},
   * {@code check_substitute_and_update_state}, membership as a <em>query</em> with string key
   * paths, Height with {@code omitempty}, empty contract address.
   */
  G1_EARLY(
      true, true, "path", KeyPathEncoding.STRINGS, true, true, "check_substitute_and_update_state"),
  /** As {@link #G1_EARLY} with membership as sudo (PR #4820, 2023-10-06). */
  G1(true, false, "path", KeyPathEncoding.STRINGS, true, true, "check_substitute_and_update_state"),
  /**
   * 08-wasm v0.1.x (PR #5154): bytes everywhere, instantiate carries {@code checksum}, membership
   * {@code "path"} with string key paths, Height with {@code omitempty}.
   */
  G3(false, false, "path", KeyPathEncoding.STRINGS, true, false, "migrate_client_store"),
  /** As {@link #G3} with base64 key paths (v0.2.0+ibc-go-v7.3, v0.3.0+ibc-go-v8.3). */
  G4(false, false, "path", KeyPathEncoding.BASE64, true, false, "migrate_client_store"),
  /** The current API (ibc-go v9+): {@code "merkle_path"} with base64 keys, full Heights. */
  G5(false, false, "merkle_path", KeyPathEncoding.BASE64, false, false, "migrate_client_store");

  /** How the elements of {@code key_path} are written. */
  public enum KeyPathEncoding {
    /** Go {@code []string}: each key as a JSON string of its bytes. */
    STRINGS,
    /** Go {@code [][]byte}: each key base64. */
    BASE64
  }

  private final boolean wrappedTypes;
  private final boolean membershipAsQuery;
  private final String membershipPathField;
  private final KeyPathEncoding keyPathEncoding;
  private final boolean heightOmitEmpty;
  private final boolean emptyContractAddress;
  private final String recoveryEntry;

  ContractDialect(
      boolean wrappedTypes,
      boolean membershipAsQuery,
      String membershipPathField,
      KeyPathEncoding keyPathEncoding,
      boolean heightOmitEmpty,
      boolean emptyContractAddress,
      String recoveryEntry) {
    this.wrappedTypes = wrappedTypes;
    this.membershipAsQuery = membershipAsQuery;
    this.membershipPathField = membershipPathField;
    this.keyPathEncoding = keyPathEncoding;
    this.heightOmitEmpty = heightOmitEmpty;
    this.emptyContractAddress = emptyContractAddress;
    this.recoveryEntry = recoveryEntry;
  }

  /** Client state, consensus state and client messages travel as {@code {"data":…}} objects. */
  public boolean wrappedTypes() {
    return wrappedTypes;
  }

  /** verify_(non_)membership go to the query entry point (read-only) instead of sudo. */
  public boolean membershipAsQuery() {
    return membershipAsQuery;
  }

  public String membershipPathField() {
    return membershipPathField;
  }

  public KeyPathEncoding keyPathEncoding() {
    return keyPathEncoding;
  }

  public boolean heightOmitEmpty() {
    return heightOmitEmpty;
  }

  /** {@code env.contract.address} was {@code ""} before ibc-go PR #4939 (2023-10-27). */
  public boolean emptyContractAddress() {
    return emptyContractAddress;
  }

  /**
   * RecoverClient runs over the G1 host's store ({@code updateProposalWrappedStore}: unprefixed
   * keys reach the substitute) instead of today's {@code ClientRecoveryStore}.
   */
  public boolean legacyRecoveryStore() {
    return wrappedTypes;
  }

  /** The sudo variant RecoverClient sends. */
  public String recoveryEntry() {
    return recoveryEntry;
  }
}
