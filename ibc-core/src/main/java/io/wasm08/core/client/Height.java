package io.wasm08.core.client;

import ibc.core.client.v1.Client;
import io.wasm08.core.errors.IbcErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.gostd.GoStrconv;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ibc-go's {@code clienttypes.Height}: a revision number and a height within it, both unsigned
 * 64-bit (held in {@code long} with unsigned semantics). Ordered by revision, then height; written
 * {@code "{revision}-{height}"}; its JSON always carries both fields (ibc-go ≥ v9).
 */
public record Height(long revisionNumber, long revisionHeight) implements Comparable<Height> {
  public static final Height ZERO = new Height(0, 0);

  // ^.*[^\n-]-{1}[1-9][0-9]*$ — Go's RE2 anchors at the ends of the text, as matches() does here.
  private static final Pattern REVISION_FORMAT = Pattern.compile(".*[^\\n-]-[1-9][0-9]*");

  public static Height of(long revisionNumber, long revisionHeight) {
    return new Height(revisionNumber, revisionHeight);
  }

  public static Height fromProto(Client.Height proto) {
    return new Height(proto.getRevisionNumber(), proto.getRevisionHeight());
  }

  public Client.Height toProto() {
    return Client.Height.newBuilder()
        .setRevisionNumber(revisionNumber)
        .setRevisionHeight(revisionHeight)
        .build();
  }

  /**
   * {@code ParseHeight}: {@code "{revision}-{height}"} with unsigned decimal numbers; errors are
   * {@code ibcerrors.ErrInvalidHeight} with ibc-go's texts.
   */
  public static Height parse(String text) {
    String[] parts = text.split("-", -1);
    if (parts.length != 2) {
      throw IbcErrorCode.INVALID_HEIGHT.wrapf(
          "expected height string format: {revision}-{height}. Got: %s", text);
    }
    long revision;
    try {
      revision = GoStrconv.parseUint(parts[0]);
    } catch (IbcException e) {
      throw IbcErrorCode.INVALID_HEIGHT.wrapf(
          "invalid revision number. parse err: %s", e.getMessage());
    }
    long height;
    try {
      height = GoStrconv.parseUint(parts[1]);
    } catch (IbcException e) {
      throw IbcErrorCode.INVALID_HEIGHT.wrapf(
          "invalid revision height. parse err: %s", e.getMessage());
    }
    return new Height(revision, height);
  }

  public boolean isZero() {
    return revisionNumber == 0 && revisionHeight == 0;
  }

  /** The same revision, one height later. */
  public Height increment() {
    return new Height(revisionNumber, revisionHeight + 1);
  }

  /** One height earlier in the same revision; empty at revision height 0. */
  public Optional<Height> decrement() {
    return revisionHeight == 0
        ? Optional.empty()
        : Optional.of(new Height(revisionNumber, revisionHeight - 1));
  }

  @Override
  public int compareTo(Height other) {
    int byRevision = Long.compareUnsigned(revisionNumber, other.revisionNumber);
    return byRevision != 0
        ? byRevision
        : Long.compareUnsigned(revisionHeight, other.revisionHeight);
  }

  public boolean lt(Height other) {
    return compareTo(other) < 0;
  }

  public boolean lte(Height other) {
    return compareTo(other) <= 0;
  }

  public boolean gt(Height other) {
    return compareTo(other) > 0;
  }

  public boolean gte(Height other) {
    return compareTo(other) >= 0;
  }

  /** {@code "{revision}-{height}"}, as {@code Height.String()} and the ICS-24 key segment. */
  @Override
  public String toString() {
    return Long.toUnsignedString(revisionNumber) + "-" + Long.toUnsignedString(revisionHeight);
  }

  /** Go {@code encoding/json} of the height: both fields, always, as JSON numbers. */
  public String toJson() {
    return "{\"revision_number\":"
        + Long.toUnsignedString(revisionNumber)
        + ",\"revision_height\":"
        + Long.toUnsignedString(revisionHeight)
        + "}";
  }

  /** {@code IsRevisionFormat}: a chain id of the form {@code {chainID}-{N}} with N ≥ 1. */
  public static boolean isRevisionFormat(String chainId) {
    return REVISION_FORMAT.matcher(chainId).matches();
  }

  /**
   * {@code ParseChainID}: the revision number of a chain id in revision format, else 0. Numbers
   * beyond uint64 cannot occur in practice; they are rejected as ibc-go would panic.
   */
  public static long parseChainId(String chainId) {
    if (!isRevisionFormat(chainId)) {
      return 0;
    }
    return GoStrconv.parseUint(chainId.substring(chainId.lastIndexOf('-') + 1));
  }

  /**
   * {@code SetRevisionNumber}: swaps the revision number of a chain id in revision format;
   * otherwise {@code ErrInvalidChainID}.
   */
  public static String setRevisionNumber(String chainId, long revision) {
    if (!isRevisionFormat(chainId)) {
      throw IbcErrorCode.INVALID_CHAIN_ID.wrapf("chainID is not in revision format: %s", chainId);
    }
    return chainId.substring(0, chainId.lastIndexOf('-') + 1) + Long.toUnsignedString(revision);
  }

  /** {@code GetSelfHeight}: the revision from the chain id, the block height as height. */
  public static Height selfHeight(String chainId, long blockHeight) {
    return new Height(parseChainId(chainId), blockHeight);
  }
}
