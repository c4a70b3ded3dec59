package io.wasm08.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** {@code wasm08 --version}: the project version and the runtime it executes on. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  static Properties buildProperties() {
    Properties props = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/io/wasm08/node/version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties missing from the node jar");
      }
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props;
  }

  /** One line naming this build and its runtime, e.g. for report headers. */
  public static String describe() {
    Properties props = buildProperties();
    return "wasm08 "
        + props.getProperty("version")
        + " (chicory "
        + props.getProperty("chicory")
        + ", java "
        + Runtime.version().feature()
        + ")";
  }

  /** The project version ({@code wasm08 x.y.z}'s number). */
  public static String version() {
    return buildProperties().getProperty("version");
  }

  @Override
  public String[] getVersion() {
    Properties props = buildProperties();
    return new String[] {
      "wasm08 " + props.getProperty("version"),
      "chicory " + props.getProperty("chicory") + ", java " + Runtime.version()
    };
  }
}
