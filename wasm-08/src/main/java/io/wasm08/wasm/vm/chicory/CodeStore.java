package io.wasm08.wasm.vm.chicory;

import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The original bytecode by checksum (cosmwasm-vm's {@code state/wasm/<hex>.wasm}), kept in memory
 * or in a directory. Every load re-verifies the checksum: a file changed on disk is an {@code
 * IntegrityErr} ("Hash doesn't match stored data"), never silently run.
 */
abstract sealed class CodeStore {
  abstract void save(Checksum checksum, byte[] wasm);

  /** The code; "Error opening Wasm file for reading" when unknown. */
  final byte[] load(Checksum checksum) {
    byte[] code =
        read(checksum).orElseThrow(() -> cacheError("Error opening Wasm file for reading"));
    if (!Checksum.of(code).equals(checksum)) {
      throw new VmException(VmErrorKind.INTEGRITY_ERR, null);
    }
    return code;
  }

  abstract Optional<byte[]> read(Checksum checksum);

  /** Removes the code; "Wasm file does not exist" when unknown. */
  abstract void remove(Checksum checksum);

  static VmException cacheError(String msg) {
    return new VmException(VmErrorKind.CACHE_ERR, msg);
  }

  static CodeStore inMemory() {
    return new InMemory();
  }

  /** Code under {@code baseDir/state/wasm/}, created if absent. */
  static CodeStore onDisk(Path baseDir) {
    Path dir = baseDir.resolve("state").resolve("wasm");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new VmException(VmErrorKind.CACHE_ERR, "Error creating wasm directory", e);
    }
    return new OnDisk(dir);
  }

  static final class InMemory extends CodeStore {
    private final Map<Checksum, byte[]> codes = new ConcurrentHashMap<>();

    @Override
    void save(Checksum checksum, byte[] wasm) {
      codes.putIfAbsent(checksum, wasm.clone());
    }

    @Override
    Optional<byte[]> read(Checksum checksum) {
      return Optional.ofNullable(codes.get(checksum)).map(byte[]::clone);
    }

    @Override
    void remove(Checksum checksum) {
      if (codes.remove(checksum) == null) {
        throw cacheError("Wasm file does not exist");
      }
    }
  }

  static final class OnDisk extends CodeStore {
    private final Path dir;

    OnDisk(Path dir) {
      this.dir = dir;
    }

    Path path(Checksum checksum) {
      return dir.resolve(checksum.hex() + ".wasm");
    }

    @Override
    void save(Checksum checksum, byte[] wasm) {
      Path target = path(checksum);
      try {
        // Write-then-rename, so a crash never leaves a truncated file under a valid name.
        Path tmp = Files.createTempFile(dir, checksum.hex(), ".tmp");
        Files.write(tmp, wasm);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new VmException(
            VmErrorKind.CACHE_ERR, "Error writing Wasm file: " + e.getMessage(), e);
      }
    }

    @Override
    Optional<byte[]> read(Checksum checksum) {
      try {
        return Optional.of(Files.readAllBytes(path(checksum)));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new VmException(VmErrorKind.CACHE_ERR, "Error reading Wasm file", e);
      }
    }

    @Override
    void remove(Checksum checksum) {
      try {
        if (!Files.deleteIfExists(path(checksum))) {
          throw cacheError("Wasm file does not exist");
        }
      } catch (IOException e) {
        throw new VmException(VmErrorKind.CACHE_ERR, "Error removing Wasm file from disk", e);
      }
    }
  }
}
