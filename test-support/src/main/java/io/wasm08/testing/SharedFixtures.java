package io.wasm08.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the read-only {@code ../shared} folder beside the project root (env {@code
 * WASM08_SHARED_DIR} overrides, absolute or relative to the root) and hands out fixture paths.
 *
 * <ul>
 *   <li>Shared folder absent: the calling test is <em>skipped</em> with a message saying where it
 *       looked, so a fresh clone stays green.
 *   <li>Shared folder present but a requested file missing, or its sha256 differing from the
 *       fixture folder's {@code SHA256SUMS}: that is a real error and throws.
 * </ul>
 *
 * Fixtures are read in place and never copied into the repository.
 */
public final class SharedFixtures {
  public static final String ENV_VAR = "WASM08_SHARED_DIR";
  public static final String ROOT_PROPERTY = "wasm08.projectRoot";

  /** Upper bound for in-memory gunzip of fixtures; the largest shared contract is ~3 MiB. */
  private static final long MAX_GUNZIPPED_BYTES = 64L << 20;

  private static volatile SharedFixtures instance;

  private final Path projectRoot;
  private final Path sharedDir;
  private final Map<Path, Map<String, String>> checksumFiles = new ConcurrentHashMap<>();

  SharedFixtures(Path projectRoot, Path sharedDir) {
    this.projectRoot = projectRoot;
    this.sharedDir = sharedDir;
  }

  /** The locator for this JVM, resolved from the real environment and system properties. */
  public static SharedFixtures get() {
    SharedFixtures local = instance;
    if (local == null) {
      synchronized (SharedFixtures.class) {
        local = instance;
        if (local == null) {
          local =
              resolve(
                  System.getenv(),
                  System.getProperty(ROOT_PROPERTY),
                  Path.of(System.getProperty("user.dir")));
          instance = local;
        }
      }
    }
    return local;
  }

  /**
   * Resolves the project root and the shared folder. The root comes from {@code rootProperty} (set
   * by surefire from {@code maven.multiModuleProjectDirectory}) or, failing that, by walking up
   * from {@code workingDir} to the directory holding {@code mvnw} and {@code pom.xml}.
   */
  static SharedFixtures resolve(Map<String, String> env, String rootProperty, Path workingDir) {
    Path root =
        rootProperty != null && !rootProperty.isBlank()
            ? Path.of(rootProperty).toAbsolutePath().normalize()
            : findProjectRoot(workingDir.toAbsolutePath().normalize());
    String override = env.get(ENV_VAR);
    Path shared =
        override != null && !override.isBlank()
            ? root.resolve(override).toAbsolutePath().normalize()
            : root.resolve("../shared").normalize();
    return new SharedFixtures(root, shared);
  }

  private static Path findProjectRoot(Path start) {
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    return start;
  }

  public Path projectRoot() {
    return projectRoot;
  }

  /** The resolved shared folder, whether or not it exists. */
  public Path sharedDir() {
    return sharedDir;
  }

  public boolean isPresent() {
    return Files.isDirectory(sharedDir);
  }

  /** Skips the calling test unless the shared folder exists. */
  public void assumePresent() {
    Assumptions.assumeTrue(
        isPresent(),
        () ->
            "shared fixtures not found at "
                + sharedDir
                + "; set "
                + ENV_VAR
                + " or place the shared folder beside the project root");
  }

  /** A directory under the shared folder; skips when the folder is absent, throws when missing. */
  public Path dir(String relative) {
    assumePresent();
    Path dir = sharedDir.resolve(relative).normalize();
    requireInside(dir);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "fixture directory missing: " + dir + " (the shared folder exists at " + sharedDir + ")");
    }
    return dir;
  }

  /**
   * A file under the shared folder, verified against the nearest {@code SHA256SUMS} that lists it.
   * Skips when the shared folder is absent; throws when the file is missing or differs.
   */
  public Path file(String relative) {
    assumePresent();
    Path file = sharedDir.resolve(relative).normalize();
    requireInside(file);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "fixture file missing: " + file + " (the shared folder exists at " + sharedDir + ")");
    }
    verifyChecksum(file);
    return file;
  }

  /** The bytes of a fixture file. */
  public byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a fixture file, gunzipped in memory when its name ends in {@code .gz}. */
  public byte[] contents(String relative) {
    byte[] raw = bytes(relative);
    return relative.endsWith(".gz") ? gunzip(raw, relative) : raw;
  }

  private void requireInside(Path path) {
    if (!path.startsWith(sharedDir)) {
      throw new IllegalArgumentException("fixture path escapes the shared folder: " + path);
    }
  }

  private void verifyChecksum(Path file) {
    for (Path dir = file.getParent();
        dir != null && dir.startsWith(sharedDir);
        dir = dir.getParent()) {
      Path sums = dir.resolve("SHA256SUMS");
      if (!Files.isRegularFile(sums)) {
        continue;
      }
      String key = "./" + dir.relativize(file).toString().replace('\\', '/');
      String expected = checksumFiles.computeIfAbsent(sums, SharedFixtures::readSums).get(key);
      if (expected != null) {
        String actual = sha256Hex(file);
        if (!expected.equals(actual)) {
          throw new IllegalStateException(
              "fixture " + file + " has sha256 " + actual + " but " + sums + " says " + expected);
        }
        return;
      }
    }
  }

  static Map<String, String> readSums(Path sums) {
    try {
      List<String> lines = Files.readAllLines(sums);
      Map<String, String> byName = new HashMap<>();
      for (String line : lines) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int space = trimmed.indexOf(' ');
        if (space != 64) {
          throw new IllegalStateException("malformed line in " + sums + ": " + line);
        }
        String name = trimmed.substring(space).strip();
        if (name.startsWith("*")) {
          name = name.substring(1);
        }
        if (!name.startsWith("./")) {
          name = "./" + name;
        }
        byName.put(name, trimmed.substring(0, 64).toLowerCase(java.util.Locale.ROOT));
      }
      return Map.copyOf(byName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256Hex(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  static byte[] gunzip(byte[] gz, String name) {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(gz.length * 4);
      byte[] buffer = new byte[1 << 16];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > MAX_GUNZIPPED_BYTES) {
          throw new IllegalStateException(
              name + " inflates past " + MAX_GUNZIPPED_BYTES + " bytes");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot gunzip " + name, e);
    }
  }

  @Override
  public String toString() {
    return "SharedFixtures[" + Objects.toString(sharedDir) + (isPresent() ? "" : " (absent)") + "]";
  }
}
