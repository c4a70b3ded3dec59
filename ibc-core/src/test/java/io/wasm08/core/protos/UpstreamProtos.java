package io.wasm08.core.protos;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.GeneratedMessage.GeneratedExtension;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The upstream reference protos of {@code ../shared/proto}, compiled at test time with the protoc
 * executable the build already downloaded, so our own wire-compatible protos can be compared with
 * them descriptor by descriptor: full names, field numbers, types, labels, message/enum type names,
 * oneofs, enum values, services and the options Cosmos reads at run time. Skips when the shared
 * folder or protoc is absent.
 */
public final class UpstreamProtos {
  private static final String[] WELL_KNOWN = {
    "any.proto", "descriptor.proto", "duration.proto", "empty.proto", "timestamp.proto"
  };

  private final Map<String, DescriptorProto> messages = new HashMap<>();
  private final Map<String, EnumDescriptorProto> enums = new HashMap<>();
  private final Map<String, ServiceDescriptorProto> services = new HashMap<>();
  private final Map<String, FieldDescriptorProto> extensions = new HashMap<>();
  private final ExtensionRegistry registry;

  private UpstreamProtos(FileDescriptorSet set, ExtensionRegistry registry) {
    this.registry = registry;
    for (FileDescriptorProto file : set.getFileList()) {
      String pkg = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
      file.getMessageTypeList().forEach(m -> index(pkg + m.getName(), m));
      file.getEnumTypeList().forEach(e -> enums.put(pkg + e.getName(), e));
      file.getServiceList().forEach(s -> services.put(pkg + s.getName(), s));
      file.getExtensionList().forEach(x -> extensions.put(pkg + x.getName(), x));
    }
  }

  private void index(String fullName, DescriptorProto message) {
    messages.put(fullName, message);
    message.getNestedTypeList().forEach(n -> index(fullName + "." + n.getName(), n));
    message.getEnumTypeList().forEach(e -> enums.put(fullName + "." + e.getName(), e));
  }

  /**
   * Compiles {@code files} (paths relative to {@code ../shared/proto}) and their imports. Option
   * extensions in {@code registry} are parsed into typed values so they can be compared.
   */
  public static UpstreamProtos compile(ExtensionRegistry registry, String... files) {
    Path protoRoot = SharedFixtures.get().dir("proto");
    Path protoc = findProtoc();
    try {
      Path work = Files.createTempDirectory("upstream-protos");
      try {
        Path wellKnown = work.resolve("include/google/protobuf");
        Files.createDirectories(wellKnown);
        for (String name : WELL_KNOWN) {
          try (InputStream in =
              FileDescriptor.class
                  .getClassLoader()
                  .getResourceAsStream("google/protobuf/" + name)) {
            Objects.requireNonNull(in, "protobuf-java lacks google/protobuf/" + name);
            Files.copy(in, wellKnown.resolve(name));
          }
        }
        Path out = work.resolve("set.pb");
        List<String> command = new ArrayList<>();
        command.add(protoc.toString());
        command.add("--include_imports");
        command.add("--descriptor_set_out=" + out);
        command.add("-I" + protoRoot);
        command.add("-I" + work.resolve("include"));
        command.addAll(List.of(files));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
          throw new IllegalStateException("protoc failed: " + command + "\n" + output);
        }
        return new UpstreamProtos(
            FileDescriptorSet.parseFrom(Files.readAllBytes(out), registry), registry);
      } finally {
        try (Stream<Path> paths = Files.walk(work)) {
          paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The protoc of this build: the module's {@code target/protoc-plugins} copy (executable), else
   * the local Maven repository's, copied to a temp file and made executable.
   */
  static Path findProtoc() {
    String version =
        com.google.protobuf.RuntimeVersion.MAJOR
            + "."
            + com.google.protobuf.RuntimeVersion.MINOR
            + "."
            + com.google.protobuf.RuntimeVersion.PATCH;
    String name = "protoc-" + version + "-" + classifier() + ".exe";
    Path local = Path.of(System.getProperty("user.dir"), "target", "protoc-plugins", name);
    if (Files.isExecutable(local)) {
      return local;
    }
    Path repo =
        Path.of(
            System.getProperty("user.home"),
            ".m2/repository/com/google/protobuf/protoc",
            version,
            name);
    Assumptions.assumeTrue(
        Files.isRegularFile(repo), () -> "protoc not found at " + local + " or " + repo);
    try {
      Path copy = Files.createTempFile("protoc", ".exe");
      Files.copy(repo, copy, StandardCopyOption.REPLACE_EXISTING);
      copy.toFile().setExecutable(true);
      copy.toFile().deleteOnExit();
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classifier() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart = os.contains("mac") ? "osx" : os.contains("win") ? "windows" : "linux";
    String archPart = arch.contains("aarch64") || arch.contains("arm64") ? "aarch_64" : "x86_64";
    return osPart + "-" + archPart;
  }

  public DescriptorProto message(String fullName) {
    return Objects.requireNonNull(messages.get(fullName), () -> "upstream lacks " + fullName);
  }

  /** Differences between our message and the upstream one of the same full name (empty = same). */
  public List<String> compareMessage(Descriptor ours) {
    List<String> diffs = new ArrayList<>();
    DescriptorProto theirs = messages.get(ours.getFullName());
    if (theirs == null) {
      diffs.add("upstream has no message " + ours.getFullName());
      return diffs;
    }
    compareMessage(ours, theirs, diffs);
    return diffs;
  }

  private void compareMessage(Descriptor ours, DescriptorProto theirs, List<String> diffs) {
    String where = ours.getFullName();
    Map<Integer, FieldDescriptorProto> theirFields = new HashMap<>();
    theirs.getFieldList().forEach(f -> theirFields.put(f.getNumber(), f));
    for (FieldDescriptor field : ours.getFields()) {
      FieldDescriptorProto mine = field.toProto();
      FieldDescriptorProto other = theirFields.remove(mine.getNumber());
      if (other == null) {
        diffs.add(where + ": field " + mine.getName() + " = " + mine.getNumber() + " not upstream");
        continue;
      }
      check(diffs, where + "." + mine.getName() + " name", mine.getName(), other.getName());
      check(diffs, where + "." + mine.getName() + " type", mine.getType(), other.getType());
      check(diffs, where + "." + mine.getName() + " label", mine.getLabel(), other.getLabel());
      check(
          diffs, where + "." + mine.getName() + " type name", typeName(field), other.getTypeName());
      check(
          diffs,
          where + "." + mine.getName() + " proto3 optional",
          mine.getProto3Optional(),
          other.getProto3Optional());
      check(
          diffs,
          where + "." + mine.getName() + " oneof",
          field.getRealContainingOneof() == null ? "" : field.getRealContainingOneof().getName(),
          other.hasOneofIndex() && !other.getProto3Optional()
              ? theirs.getOneofDecl(other.getOneofIndex()).getName()
              : "");
    }
    theirFields
        .values()
        .forEach(
            f ->
                diffs.add(
                    where
                        + ": upstream field "
                        + f.getName()
                        + " = "
                        + f.getNumber()
                        + " missing"));
    compareOptions(diffs, where + " options", ours.getOptions(), theirs.getOptions());
    for (Descriptor nested : ours.getNestedTypes()) {
      DescriptorProto theirsNested =
          theirs.getNestedTypeList().stream()
              .filter(n -> n.getName().equals(nested.getName()))
              .findFirst()
              .orElse(null);
      if (theirsNested == null) {
        diffs.add(where + ": nested " + nested.getName() + " not upstream");
      } else {
        compareMessage(nested, theirsNested, diffs);
      }
    }
    for (EnumDescriptor e : ours.getEnumTypes()) {
      diffs.addAll(compareEnum(e));
    }
  }

  /** Differences between our enum and the upstream one. */
  public List<String> compareEnum(EnumDescriptor ours) {
    List<String> diffs = new ArrayList<>();
    EnumDescriptorProto theirs = enums.get(ours.getFullName());
    if (theirs == null) {
      diffs.add("upstream has no enum " + ours.getFullName());
      return diffs;
    }
    Map<String, Integer> mine = new HashMap<>();
    ours.getValues().forEach(v -> mine.put(v.getName(), v.getNumber()));
    Map<String, Integer> other = new HashMap<>();
    theirs.getValueList().forEach(v -> other.put(v.getName(), v.getNumber()));
    check(diffs, ours.getFullName() + " values", mine, other);
    return diffs;
  }

  /** Differences between our service and the upstream one: methods, types, streaming, options. */
  public List<String> compareService(ServiceDescriptor ours) {
    List<String> diffs = new ArrayList<>();
    ServiceDescriptorProto theirs = services.get(ours.getFullName());
    if (theirs == null) {
      diffs.add("upstream has no service " + ours.getFullName());
      return diffs;
    }
    Map<String, MethodDescriptorProto> theirMethods = new HashMap<>();
    theirs.getMethodList().forEach(m -> theirMethods.put(m.getName(), m));
    for (MethodDescriptor method : ours.getMethods()) {
      MethodDescriptorProto other = theirMethods.remove(method.getName());
      String where = ours.getFullName() + "/" + method.getName();
      if (other == null) {
        diffs.add(where + " not upstream");
        continue;
      }
      check(
          diffs, where + " input", "." + method.getInputType().getFullName(), other.getInputType());
      check(
          diffs,
          where + " output",
          "." + method.getOutputType().getFullName(),
          other.getOutputType());
      check(
          diffs,
          where + " client streaming",
          method.isClientStreaming(),
          other.getClientStreaming());
      check(
          diffs,
          where + " server streaming",
          method.isServerStreaming(),
          other.getServerStreaming());
      compareOptions(diffs, where + " options", method.getOptions(), other.getOptions());
    }
    theirMethods
        .keySet()
        .forEach(m -> diffs.add(ours.getFullName() + ": upstream method " + m + " missing"));
    compareOptions(diffs, ours.getFullName() + " options", ours.getOptions(), theirs.getOptions());
    return diffs;
  }

  /** Differences between an extension we define and the upstream one of the same full name. */
  public List<String> compareExtension(FieldDescriptor ours) {
    List<String> diffs = new ArrayList<>();
    FieldDescriptorProto theirs = extensions.get(ours.getFullName());
    if (theirs == null) {
      diffs.add("upstream has no extension " + ours.getFullName());
      return diffs;
    }
    FieldDescriptorProto mine = ours.toProto();
    String where = ours.getFullName();
    check(diffs, where + " number", mine.getNumber(), theirs.getNumber());
    check(diffs, where + " type", mine.getType(), theirs.getType());
    check(diffs, where + " label", mine.getLabel(), theirs.getLabel());
    check(diffs, where + " extendee", mine.getExtendee(), theirs.getExtendee());
    return diffs;
  }

  /**
   * Compares the option extensions present in the registry (the ones Cosmos reads at run time);
   * Go-only options (gogoproto, amino, cosmos_proto) are ignored.
   */
  private void compareOptions(List<String> diffs, String where, Message ours, Message theirs) {
    for (FieldDescriptor ext : registeredExtensionsOf(ours.getDescriptorForType())) {
      Object mine = ext.isRepeated() || ours.hasField(ext) ? ours.getField(ext) : null;
      Object other = ext.isRepeated() || theirs.hasField(ext) ? theirs.getField(ext) : null;
      check(diffs, where + " (" + ext.getFullName() + ")", mine, other);
    }
  }

  private List<FieldDescriptor> registeredExtensionsOf(Descriptor optionsType) {
    return registry.getAllImmutableExtensionsByExtendedType(optionsType.getFullName()).stream()
        .map(info -> info.descriptor)
        .toList();
  }

  /** The top-level messages of our generated files, for parameterized comparisons. */
  public static Stream<Descriptor> messagesOf(FileDescriptor... files) {
    return Stream.of(files).flatMap(f -> f.getMessageTypes().stream());
  }

  /** An ExtensionRegistry holding the given option extensions. */
  @SafeVarargs
  public static ExtensionRegistry registryOf(GeneratedExtension<?, ?>... extensions) {
    ExtensionRegistry registry = ExtensionRegistry.newInstance();
    for (GeneratedExtension<?, ?> ext : extensions) {
      registry.add(ext);
    }
    return registry;
  }

  private static String typeName(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case MESSAGE -> "." + field.getMessageType().getFullName();
      case ENUM -> "." + field.getEnumType().getFullName();
      default -> "";
    };
  }

  private static void check(List<String> diffs, String what, Object ours, Object theirs) {
    if (!Objects.equals(ours, theirs)) {
      diffs.add(what + ": ours " + ours + ", upstream " + theirs);
    }
  }

  /** Parses bytes of an options message with the registry (for callers comparing raw options). */
  public <M extends Message> M parse(M prototype, byte[] bytes) {
    try {
      @SuppressWarnings("unchecked")
      M parsed = (M) prototype.getParserForType().parseFrom(bytes, registry);
      return parsed;
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
