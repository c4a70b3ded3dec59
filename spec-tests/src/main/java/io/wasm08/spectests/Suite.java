package io.wasm08.spectests;

import java.util.List;

/**
 * A conformance suite over one subject (a fixture folder, a contract). {@link #cases} lists the
 * checks; building them may read the input, and throws {@link ConformanceErrorCode#BAD_INPUT} when
 * it is unusable — the runner then records the suite as failed, never as empty.
 */
public interface Suite {
  /** The command name: {@code ics23}, {@code check}, {@code vm-gas}, … */
  String name();

  /** What the suite runs over, as the user gave it. */
  String subject();

  /** What the suite checks, one line each, for the report. */
  List<String> checks();

  /** The cases, in a stable order. */
  List<ConformanceCase> cases();

  /** Documented deviations from upstream expectations, and other remarks for the report. */
  default List<String> notes() {
    return List.of();
  }
}
