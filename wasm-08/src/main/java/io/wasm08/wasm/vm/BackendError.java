package io.wasm08.wasm.vm;

/**
 * cosmwasm-vm's {@code BackendError}: why a storage, API or querier call failed. Only {@link
 * UserErr} from the address functions is reported back to the contract; {@link OutOfGas} becomes a
 * gas depletion and every other variant a backend error that traps the contract.
 */
public sealed interface BackendError {
  /** Upstream's Display text. */
  String message();

  /** The VM error this backend error becomes ({@code From<BackendError> for VmError}). */
  default VmException toVmException() {
    return this instanceof OutOfGas
        ? VmException.gasDepletion()
        : new VmException(VmErrorKind.BACKEND_ERR, message());
  }

  record ForeignPanic() implements BackendError {
    @Override
    public String message() {
      return "Panic in FFI call";
    }
  }

  record BadArgument() implements BackendError {
    @Override
    public String message() {
      return "Bad argument";
    }
  }

  record InvalidUtf8() implements BackendError {
    @Override
    public String message() {
      return "VM received invalid UTF-8 data from backend";
    }
  }

  record IteratorDoesNotExist(int id) implements BackendError {
    @Override
    public String message() {
      return "Iterator with ID " + Integer.toUnsignedString(id) + " does not exist";
    }
  }

  record OutOfGas() implements BackendError {
    @Override
    public String message() {
      return "Ran out of gas during call into backend";
    }
  }

  record Unknown(String msg) implements BackendError {
    @Override
    public String message() {
      return "Unknown error during call into backend: " + msg;
    }
  }

  record UserErr(String msg) implements BackendError {
    @Override
    public String message() {
      return "User error during call into backend: " + msg;
    }
  }
}
