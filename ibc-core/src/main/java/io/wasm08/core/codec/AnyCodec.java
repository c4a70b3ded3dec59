package io.wasm08.core.codec;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.wasm08.core.errors.IbcException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The protobuf {@code Any} registry, keyed by type URL, with the SDK {@code InterfaceRegistry}'s
 * semantics: a type URL resolves only against the interfaces it was registered for; an empty type
 * URL unpacks to nothing (no error); unknown URLs and undecodable values fail with the SDK's texts.
 * Type URLs are Cosmos-style: {@code "/" + full message name}. Immutable once built; share one per
 * application.
 */
public final class AnyCodec {
  private final Map<AnyInterface<?>, Map<String, AnyDecoder<?>>> implementations;
  private final Map<String, Descriptor> descriptors;

  private AnyCodec(
      Map<AnyInterface<?>, Map<String, AnyDecoder<?>>> implementations,
      Map<String, Descriptor> descriptors) {
    this.implementations = implementations;
    this.descriptors = descriptors;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code "/" + full name}: the type URL the SDK packs a message with. */
  public static String typeUrl(Descriptor descriptor) {
    return "/" + descriptor.getFullName();
  }

  public static String typeUrl(Message message) {
    return typeUrl(message.getDescriptorForType());
  }

  /** {@code codectypes.NewAnyWithValue}: the message under its Cosmos type URL. */
  public static Any pack(Message message) {
    return Any.newBuilder().setTypeUrl(typeUrl(message)).setValue(message.toByteString()).build();
  }

  /**
   * {@code UnpackAny(any, &iface)}: the decoded value, or empty when the type URL is empty (the SDK
   * leaves the target nil). Throws a plain error (SDK code {@code undefined}/1) for an interface
   * with no implementations, a type URL not registered against it, or undecodable bytes.
   */
  public <T> Optional<T> unpack(Any any, AnyInterface<T> iface) {
    Objects.requireNonNull(any, "any");
    return unpack(any.getTypeUrl(), any.getValue(), iface);
  }

  public <T> Optional<T> unpack(String typeUrl, ByteString value, AnyInterface<T> iface) {
    if (typeUrl.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AnyDecoder<?>> byUrl = implementations.get(iface);
    if (byUrl == null) {
      throw IbcException.plainf("no registered implementations of type %s", iface.goTypeName());
    }
    AnyDecoder<?> decoder = byUrl.get(typeUrl);
    if (decoder == null) {
      throw IbcException.plainf(
          "no concrete type registered for type URL %s against interface %s",
          typeUrl, iface.goTypeName());
    }
    Object decoded;
    try {
      decoded = decoder.decode(value);
    } catch (InvalidProtocolBufferException e) {
      throw IbcException.plain(e.getMessage());
    }
    return Optional.of(iface.type().cast(decoded));
  }

  /** True when {@code typeUrl} is registered against {@code iface}. */
  public boolean isRegistered(String typeUrl, AnyInterface<?> iface) {
    Map<String, AnyDecoder<?>> byUrl = implementations.get(iface);
    return byUrl != null && byUrl.containsKey(typeUrl);
  }

  /** The type URLs registered against {@code iface}, in registration order. */
  public Set<String> typeUrls(AnyInterface<?> iface) {
    return implementations.getOrDefault(iface, Map.of()).keySet();
  }

  /** The protobuf descriptor of a type registered as a protobuf message, if any. */
  public Optional<Descriptor> descriptor(String typeUrl) {
    return Optional.ofNullable(descriptors.get(typeUrl));
  }

  /** Collects registrations; registering a type URL twice for one interface is a wiring bug. */
  public static final class Builder {
    private final Map<AnyInterface<?>, Map<String, AnyDecoder<?>>> implementations =
        new LinkedHashMap<>();
    private final Map<String, Descriptor> descriptors = new HashMap<>();

    private Builder() {}

    /** Declares an interface with no implementations yet (the SDK's RegisterInterface). */
    public Builder registerInterface(AnyInterface<?> iface) {
      implementations.computeIfAbsent(iface, k -> new LinkedHashMap<>());
      return this;
    }

    /** Registers a decoder for {@code typeUrl} as an implementation of {@code iface}. */
    public <T> Builder register(
        AnyInterface<T> iface, String typeUrl, AnyDecoder<? extends T> decoder) {
      Objects.requireNonNull(decoder, "decoder");
      if (!typeUrl.startsWith("/")) {
        throw new IllegalArgumentException("type URL must start with '/': " + typeUrl);
      }
      Map<String, AnyDecoder<?>> byUrl =
          implementations.computeIfAbsent(iface, k -> new LinkedHashMap<>());
      if (byUrl.putIfAbsent(typeUrl, decoder) != null) {
        throw new IllegalStateException(
            "type URL " + typeUrl + " is already registered against " + iface.name());
      }
      return this;
    }

    /**
     * Registers a generated protobuf message type (decoded as that message) under its Cosmos type
     * URL; the interface's Java type must accept the message class.
     */
    public <M extends Message> Builder registerMessage(
        AnyInterface<? super M> iface, M defaultInstance) {
      String url = typeUrl(defaultInstance);
      @SuppressWarnings("unchecked")
      AnyDecoder<M> decoder = value -> (M) defaultInstance.getParserForType().parseFrom(value);
      register(iface, url, decoder);
      descriptors.put(url, defaultInstance.getDescriptorForType());
      return this;
    }

    /** Remembers the descriptor of a type URL decoded into a non-protobuf value. */
    public Builder describe(Descriptor descriptor) {
      descriptors.put(typeUrl(descriptor), descriptor);
      return this;
    }

    public AnyCodec build() {
      Map<AnyInterface<?>, Map<String, AnyDecoder<?>>> copy = new LinkedHashMap<>();
      implementations.forEach(
          (k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
      return new AnyCodec(Map.copyOf(copy), Map.copyOf(descriptors));
    }
  }
}
