package io.wasm08.gov;

/**
 * {@code types.Config}: keeper configuration that is not a parameter. {@code maxMetadataLen} bounds
 * proposal metadata and titles and vote metadata; summaries may be 40 times longer.
 */
public record GovConfig(long maxMetadataLen) {
  /** {@code DefaultConfig().MaxMetadataLen}. */
  public static final long DEFAULT_MAX_METADATA_LEN = 255;

  public static final GovConfig DEFAULT = new GovConfig(DEFAULT_MAX_METADATA_LEN);

  /** Zero means the default, as upstream's NewKeeper substitutes it. */
  public GovConfig {
    if (maxMetadataLen < 0) {
      throw new IllegalArgumentException("maxMetadataLen must not be negative");
    }
    if (maxMetadataLen == 0) {
      maxMetadataLen = DEFAULT_MAX_METADATA_LEN;
    }
  }
}
