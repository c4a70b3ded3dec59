package io.wasm08.gov.bank;

import io.wasm08.core.crypto.AccAddress;
import java.util.Objects;
import java.util.Set;

/**
 * A module account as x/auth defines it for the bank: a name, its address ({@code
 * sha256(name)[:20]}) and permissions ({@code "burner"}, {@code "minter"}).
 */
public record ModuleAccount(String name, AccAddress address, Set<String> permissions) {
  /** {@code authtypes.Burner}. */
  public static final String BURNER = "burner";

  public ModuleAccount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    permissions = Set.copyOf(permissions);
  }

  /** {@code authtypes.NewEmptyModuleAccount(name, permissions...)}. */
  public static ModuleAccount of(String name, String... permissions) {
    return new ModuleAccount(name, AccAddress.module(name), Set.of(permissions));
  }

  public boolean hasPermission(String permission) {
    return permissions.contains(permission);
  }
}
