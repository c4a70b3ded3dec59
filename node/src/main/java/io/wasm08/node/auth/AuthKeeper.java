package io.wasm08.node.auth;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.auth.v1beta1.Auth.BaseAccount;
import cosmos.auth.v1beta1.Auth.ModuleAccount;
import cosmos.auth.v1beta1.Auth.Params;
import io.wasm08.common.Bytes;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.core.crypto.Secp256k1PublicKey;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.KvStores;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * x/auth's account keeper (SDK v0.50 collections layout in the {@code "acc"} store): params under
 * {@code 0x00}, accounts under {@code 0x01 ‖ address} as {@code Any}-wrapped {@code BaseAccount} or
 * {@code ModuleAccount}, the global account number under {@code 0x02} (big-endian uint64). Methods
 * take the store they run on, so the ante handler can meter it and queries can read a committed
 * version.
 */
public final class AuthKeeper {
  public static final String STORE_KEY = "acc";
  public static final String MODULE_NAME = "auth";
  public static final String FEE_COLLECTOR = "fee_collector";

  static final Bytes PARAMS_KEY = Bytes.of((byte) 0x00);
  static final Bytes ACCOUNTS_PREFIX = Bytes.of((byte) 0x01);
  static final Bytes ACCOUNT_NUMBER_KEY = Bytes.of((byte) 0x02);

  /** {@code DefaultParams()} of x/auth v0.50. */
  public static final Params DEFAULT_PARAMS =
      Params.newBuilder()
          .setMaxMemoCharacters(256)
          .setTxSigLimit(7)
          .setTxSizeCostPerByte(10)
          .setSigVerifyCostEd25519(590)
          .setSigVerifyCostSecp256K1(1000)
          .build();

  private final AddressCodec addressCodec;

  public AuthKeeper(AddressCodec addressCodec) {
    this.addressCodec = addressCodec;
  }

  public AddressCodec addressCodec() {
    return addressCodec;
  }

  public Params params(KvStore store) {
    Bytes raw = store.get(PARAMS_KEY);
    if (raw == null) {
      return DEFAULT_PARAMS;
    }
    try {
      return Params.parseFrom(raw.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrorCode.LOGIC.wrap("corrupt auth params: " + e.getMessage());
    }
  }

  public void setParams(KvStore store, Params params) {
    store.set(PARAMS_KEY, Bytes.wrapOwned(params.toByteArray()));
  }

  /** {@code GetAccount}: the account at {@code address}, if it exists. */
  public Optional<Account> account(KvStore store, Bytes address) {
    Bytes raw = store.get(ACCOUNTS_PREFIX.concat(address));
    return raw == null ? Optional.empty() : Optional.of(decode(raw));
  }

  public boolean hasAccount(KvStore store, Bytes address) {
    return store.has(ACCOUNTS_PREFIX.concat(address));
  }

  /** {@code SetAccount}. */
  public void setAccount(KvStore store, Account account) {
    store.set(ACCOUNTS_PREFIX.concat(account.address()), encode(account));
  }

  /** {@code NextAccountNumber}: the current global number, which is then incremented. */
  public long nextAccountNumber(KvStore store) {
    Bytes raw = store.get(ACCOUNT_NUMBER_KEY);
    long n = raw == null ? 0 : ByteBuffer.wrap(raw.toByteArray()).getLong();
    store.set(ACCOUNT_NUMBER_KEY, Bytes.wrapOwned(ByteBuffer.allocate(8).putLong(n + 1).array()));
    return n;
  }

  /** {@code NewAccountWithAddress} + {@code SetAccount}: a fresh base account with a new number. */
  public Account createAccount(KvStore store, Bytes address) {
    Account account = Account.base(address, null, nextAccountNumber(store), 0);
    setAccount(store, account);
    return account;
  }

  /** A module account ({@code GetModuleAccount} creates it on first use). */
  public Account moduleAccount(KvStore store, String name, List<String> permissions) {
    Bytes address = AccAddress.module(name).bytes();
    Optional<Account> existing = account(store, address);
    if (existing.isPresent()) {
      return existing.get();
    }
    Account account =
        new Account(address, null, nextAccountNumber(store), 0, Optional.of(name), permissions);
    setAccount(store, account);
    return account;
  }

  /** All accounts in address order. */
  public List<Account> accounts(KvStore store) {
    List<Account> out = new ArrayList<>();
    try (KvIterator it = store.iterator(ACCOUNTS_PREFIX, KvStores.prefixEnd(ACCOUNTS_PREFIX))) {
      for (; it.valid(); it.next()) {
        out.add(decode(it.value()));
      }
    }
    return out;
  }

  /** The account as the auth query returns it: an {@code Any} of its proto type. */
  public Any toAny(Account account) {
    return AnyCodec.pack(toProto(account));
  }

  public com.google.protobuf.Message toProto(Account account) {
    BaseAccount.Builder base =
        BaseAccount.newBuilder()
            .setAddress(addressCodec.bytesToString(account.address()))
            .setAccountNumber(account.accountNumber())
            .setSequence(account.sequence());
    if (account.pubKey() != null) {
      base.setPubKey(account.pubKey().toAny());
    }
    if (account.moduleName().isPresent()) {
      return ModuleAccount.newBuilder()
          .setBaseAccount(base)
          .setName(account.moduleName().get())
          .addAllPermissions(account.permissions())
          .build();
    }
    return base.build();
  }

  private Bytes encode(Account account) {
    return Bytes.wrapOwned(toAny(account).toByteArray());
  }

  private Account decode(Bytes raw) {
    try {
      Any any = Any.parseFrom(raw.toByteArray());
      if (any.getTypeUrl().equals(AnyCodec.typeUrl(ModuleAccount.getDescriptor()))) {
        ModuleAccount m = ModuleAccount.parseFrom(any.getValue());
        Account base = fromBase(m.getBaseAccount());
        return new Account(
            base.address(),
            base.pubKey(),
            base.accountNumber(),
            base.sequence(),
            Optional.of(m.getName()),
            m.getPermissionsList());
      }
      return fromBase(BaseAccount.parseFrom(any.getValue()));
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrorCode.LOGIC.wrap("corrupt account: " + e.getMessage());
    }
  }

  private Account fromBase(BaseAccount b) {
    Secp256k1PublicKey pub = null;
    if (b.hasPubKey()) {
      try {
        ByteString key =
            cosmos.crypto.secp256k1.Keys.PubKey.parseFrom(b.getPubKey().getValue()).getKey();
        pub = new Secp256k1PublicKey(Bytes.of(key.toByteArray()));
      } catch (InvalidProtocolBufferException e) {
        throw SdkErrorCode.LOGIC.wrap("corrupt account key: " + e.getMessage());
      }
    }
    return Account.base(
        addressCodec.stringToBytes(b.getAddress()), pub, b.getAccountNumber(), b.getSequence());
  }
}
