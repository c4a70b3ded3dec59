package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.runtime.Instance;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import io.wasm08.wasm.vm.chicory.instrument.Metering;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Where compiled code for one engine configuration lives on disk, as cosmwasm-vm's {@code
 * cache/modules/<discriminator>-wasmer<N>/<target>/}: a compiled artifact is valid only for the
 * exact code generator and the exact Wasm it was generated from, so everything that shapes either
 * goes into the directory name and a change starts an empty cache (old directories are simply no
 * longer read).
 *
 * <p>The discriminator hashes: our artifact format; Chicory's compiler and runtime versions plus
 * the bytes of the compiler's code generator and of the runtime support it copies into generated
 * classes (a patched build with an unchanged version still gets its own directory); our compiler
 * options; {@link Instrumenter#VERSION}, {@link InstrumentationConfig#cacheKey()} and {@link
 * Metering#RULES_VERSION} (the Wasm actually compiled). The checksum of the original code names the
 * file.
 *
 * <p>The target segment is the class-file version, not a CPU or JVM: unlike wasmer, which persists
 * native code (cosmwasm-vm puts the CPU features in the path since caches copied between machines
 * failed, wasmd #1688), Chicory persists portable Java 11 bytecode that each JVM verifies and
 * JIT-compiles for its own CPU when it loads it. Chicory's one JVM-dependent code path (its JDK 17
 * {@code memory.copy} workaround) is chosen when the classes are initialized, not when they are
 * generated.
 */
record CompiledCodeKey(String discriminator, String target) {
  /** Bumped whenever {@link CompiledArtifact}'s encoding or {@link Skeleton} changes. */
  static final int ARTIFACT_FORMAT = 1;

  /** Chicory's generated classes are Java 11 class files (major version 55). */
  static final String TARGET = "jvm-classfile-55";

  /** The key for modules instrumented with {@code instrumentation} (null: run as stored). */
  static CompiledCodeKey of(InstrumentationConfig instrumentation) {
    List<String> facts =
        List.of(
            "format=" + ARTIFACT_FORMAT,
            "chicory-compiler=" + mavenVersion("compiler"),
            "chicory-runtime=" + mavenVersion("runtime"),
            "generator=" + classDigest(Compiler.class),
            "shaded-runtime=" + classDigest(compilerSupportClass()),
            "options=" + ModuleCompiler.OPTIONS,
            "instrumenter="
                + (instrumentation == null
                    ? "none"
                    : Instrumenter.VERSION
                        + "/"
                        + instrumentation.cacheKey()
                        + "/"
                        + Metering.RULES_VERSION));
    byte[] digest = sha256(String.join("\n", facts).getBytes(StandardCharsets.UTF_8));
    String discriminator = HexFormat.of().formatHex(digest, 0, 5);
    return new CompiledCodeKey(discriminator + "-chicory" + mavenVersion("compiler"), TARGET);
  }

  private static Class<?> compilerSupportClass() {
    try {
      return Class.forName("com.dylibso.chicory.compiler.internal.Shaded");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Chicory's compiler lacks its runtime support class", e);
    }
  }

  /** The version in Chicory's jar metadata; "unknown" when a repackaged jar dropped it. */
  static String mavenVersion(String artifact) {
    String resource = "/META-INF/maven/com.dylibso.chicory/" + artifact + "/pom.properties";
    Class<?> anchor = artifact.equals("compiler") ? Cache.class : Instance.class;
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classDigest(Class<?> type) {
    String resource = type.getSimpleName() + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("cannot read " + type.getName() + "'s class file");
      }
      return HexFormat.of().formatHex(sha256(in.readAllBytes()), 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
