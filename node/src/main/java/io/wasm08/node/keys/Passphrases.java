package io.wasm08.node.keys;

import io.wasm08.common.Wasm08Exception;
import io.wasm08.node.NodeErrorCode;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the keyring passphrase comes from, first match wins: a file named by a flag (first line),
 * the environment variable {@value #ENV}, or a terminal prompt. Scripts and CI use the first two; a
 * passphrase is never taken from a plain command-line argument, which other users can see.
 */
public final class Passphrases {
  public static final String ENV = "WASM08_KEYRING_PASSPHRASE";

  /** Minimum length for a new keyring's passphrase, as the SDK's file keyring asks. */
  public static final int MIN_LENGTH = 8;

  private Passphrases() {}

  public static char[] obtain(
      Optional<Path> passphraseFile, Map<String, String> env, Console console, boolean confirm) {
    if (passphraseFile.isPresent()) {
      try {
        String text = Files.readString(passphraseFile.get(), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return checked((end < 0 ? text : text.substring(0, end)).strip().toCharArray());
      } catch (IOException e) {
        throw NodeErrorCode.NO_PASSPHRASE.wrap(
            "cannot read passphrase file " + passphraseFile.get() + ": " + e.getMessage(), e);
      }
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return checked(fromEnv.toCharArray());
    }
    if (console == null) {
      throw NodeErrorCode.NO_PASSPHRASE.wrap(
          "set " + ENV + ", pass --keyring-passphrase-file, or run in a terminal");
    }
    char[] first = console.readPassword("Enter keyring passphrase: ");
    if (first == null) {
      throw NodeErrorCode.NO_PASSPHRASE.wrap("no passphrase entered");
    }
    if (confirm) {
      char[] again = console.readPassword("Re-enter keyring passphrase: ");
      if (again == null || !java.util.Arrays.equals(first, again)) {
        throw NodeErrorCode.NO_PASSPHRASE.wrap("passphrases do not match");
      }
    }
    return checked(first);
  }

  private static char[] checked(char[] passphrase) throws Wasm08Exception {
    if (passphrase.length < MIN_LENGTH) {
      throw NodeErrorCode.NO_PASSPHRASE.wrap(
          "passphrase must be at least " + MIN_LENGTH + " characters");
    }
    return passphrase;
  }
}
