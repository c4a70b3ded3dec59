package io.wasm08.wasm.vm.chicory;

import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Everything needed to run a compiled module without parsing or compiling its code again: the JVM
 * classes Chicory's compiler generated, and the <em>skeleton</em> of the instrumented module — all
 * of it but the code of the functions that were compiled (their bodies become {@code unreachable},
 * so Chicory still sees a well-formed module while the generated classes do the work). Functions
 * left to the interpreter keep their code.
 *
 * <p>Encoded as the jar Chicory's compiler {@code Cache} hook stores ({@code
 * wasm-module.properties} naming the main class, then the classes; Chicory's own loader reads it),
 * plus two entries of ours. Entries are stored uncompressed: loading is then a copy.
 */
final class CompiledArtifact {
  static final String CHICORY_PROPERTIES = "wasm-module.properties";
  static final String SKELETON = "wasm08/skeleton.wasm";
  static final String METADATA = "wasm08/artifact.properties";

  private final String mainClass;
  private final Map<String, byte[]> classes;
  private final byte[] skeleton;
  private final List<Integer> interpretedFunctions;
  private final int functionCount;
  private final boolean resettable;
  private final long preparedSize;

  CompiledArtifact(
      String mainClass,
      Map<String, byte[]> classes,
      byte[] skeleton,
      List<Integer> interpretedFunctions,
      int functionCount,
      boolean resettable,
      long preparedSize) {
    if (!classes.containsKey(mainClass)) {
      throw new IllegalArgumentException("main class " + mainClass + " missing");
    }
    this.mainClass = mainClass;
    this.classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    this.skeleton = skeleton;
    this.interpretedFunctions = List.copyOf(interpretedFunctions);
    this.functionCount = functionCount;
    this.resettable = resettable;
    this.preparedSize = preparedSize;
  }

  String mainClass() {
    return mainClass;
  }

  /** Class name → class file bytes (not copied: callers must not modify them). */
  Map<String, byte[]> classes() {
    return classes;
  }

  /** Not copied: callers must not modify it. */
  byte[] skeleton() {
    return skeleton;
  }

  List<Integer> interpretedFunctions() {
    return interpretedFunctions;
  }

  int functionCount() {
    return functionCount;
  }

  boolean resettable() {
    return resettable;
  }

  /** Bytes of the instrumented module the artifact was compiled from. */
  long preparedSize() {
    return preparedSize;
  }

  long generatedClassBytes() {
    long total = 0;
    for (byte[] c : classes.values()) {
      total += c.length;
    }
    return total;
  }

  /**
   * cosmwasm-vm's {@code size_estimate} counterpart: the generated classes and the skeleton this
   * module keeps in memory, plus the same 10 KiB engine allowance upstream adds.
   */
  long sizeEstimate() {
    return generatedClassBytes() + skeleton.length + ModuleCache.ENGINE_SIZE_ESTIMATE;
  }

  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(sizeEstimate(), 1 << 30));
    try (JarOutputStream jar = new JarOutputStream(out)) {
      Properties chicory = new Properties();
      chicory.setProperty("mainClass", mainClass);
      put(jar, CHICORY_PROPERTIES, store(chicory));
      for (Map.Entry<String, byte[]> c : classes.entrySet()) {
        put(jar, c.getKey().replace('.', '/') + ".class", c.getValue());
      }
      put(jar, SKELETON, skeleton);
      Properties meta = new Properties();
      meta.setProperty("functions", Integer.toString(functionCount));
      meta.setProperty(
          "interpreted",
          String.join(",", interpretedFunctions.stream().map(String::valueOf).toList()));
      meta.setProperty("resettable", Boolean.toString(resettable));
      meta.setProperty("preparedSize", Long.toString(preparedSize));
      put(jar, METADATA, store(meta));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void put(JarOutputStream jar, String name, byte[] data) throws IOException {
    JarEntry entry = new JarEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    entry.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    entry.setTime(0); // reproducible bytes for the same classes
    jar.putNextEntry(entry);
    jar.write(data);
    jar.closeEntry();
  }

  private static byte[] store(Properties p) throws IOException {
    // Properties.store writes a date comment; keep the bytes reproducible instead.
    StringBuilder s = new StringBuilder();
    p.stringPropertyNames().stream()
        .sorted()
        .forEach(k -> s.append(k).append('=').append(p.getProperty(k)).append('\n'));
    return s.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Reads an encoded artifact. The caller has already checked the bytes' integrity; a structurally
   * broken artifact is still a cache error, never a half-loaded module.
   */
  static CompiledArtifact decode(byte[] encoded) {
    String mainClass = null;
    Map<String, byte[]> classes = new LinkedHashMap<>();
    byte[] skeleton = null;
    Properties meta = null;
    try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(encoded))) {
      JarEntry entry;
      while ((entry = jar.getNextJarEntry()) != null) {
        byte[] data = jar.readAllBytes();
        String name = entry.getName();
        if (name.equals(CHICORY_PROPERTIES)) {
          Properties p = new Properties();
          p.load(new ByteArrayInputStream(data));
          mainClass = p.getProperty("mainClass");
        } else if (name.equals(SKELETON)) {
          skeleton = data;
        } else if (name.equals(METADATA)) {
          meta = new Properties();
          meta.load(new ByteArrayInputStream(data));
        } else if (name.endsWith(".class")) {
          classes.put(name.substring(0, name.length() - 6).replace('/', '.'), data);
        }
      }
    } catch (IOException e) {
      throw corrupt("unreadable artifact: " + e.getMessage());
    }
    if (mainClass == null || skeleton == null || meta == null || !classes.containsKey(mainClass)) {
      throw corrupt("incomplete artifact");
    }
    try {
      List<Integer> interpreted = new ArrayList<>();
      String list = meta.getProperty("interpreted", "");
      if (!list.isEmpty()) {
        for (String s : list.split(",", -1)) {
          interpreted.add(Integer.parseInt(s));
        }
      }
      return new CompiledArtifact(
          mainClass,
          classes,
          skeleton,
          interpreted,
          Integer.parseInt(required(meta, "functions")),
          Boolean.parseBoolean(required(meta, "resettable")),
          Long.parseLong(required(meta, "preparedSize")));
    } catch (NumberFormatException e) {
      throw corrupt("bad artifact metadata");
    }
  }

  private static String required(Properties meta, String key) {
    String value = meta.getProperty(key);
    if (value == null) {
      throw corrupt("artifact metadata lacks " + key);
    }
    return value;
  }

  private static VmException corrupt(String detail) {
    return new VmException(VmErrorKind.CACHE_ERR, "Error deserializing module: " + detail);
  }
}
