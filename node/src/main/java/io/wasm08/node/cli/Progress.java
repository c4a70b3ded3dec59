package io.wasm08.node.cli;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A progress line on stderr for long waits (compiling, waiting for a tx or a proposal): a bar with
 * the elapsed time, redrawn in place on a terminal, a dot per second otherwise (logs, CI).
 */
final class Progress implements AutoCloseable {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final String label;
  private final long totalMillis;
  private final boolean terminal;
  private long lastDot;

  Progress(PrintWriter err, String label, long totalMillis) {
    this.err = err;
    this.label = label;
    this.totalMillis = totalMillis;
    this.terminal = System.console() != null;
    if (!terminal) {
      err.print(label + " ");
      err.flush();
    }
  }

  /**
   * Runs {@code work} (e.g. compiling a large contract) on its own thread while this thread redraws
   * a progress line labelled {@code label}; its result, or its exception as thrown.
   */
  static <T> T during(PrintWriter err, String label, Supplier<T> work) {
    CompletableFuture<T> done =
        CompletableFuture.supplyAsync(work, task -> Thread.ofVirtual().start(task));
    long start = System.nanoTime();
    try (Progress p = new Progress(err, label, 0)) {
      while (true) {
        try {
          return done.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          p.update((System.nanoTime() - start) / 1_000_000);
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.cancel(true);
      throw new IllegalStateException("interrupted while " + label, e);
    }
  }

  /** Redraws for {@code elapsedMillis}. */
  void update(long elapsedMillis) {
    if (terminal) {
      int filled =
          totalMillis <= 0
              ? (int) ((elapsedMillis / 200) % (WIDTH + 1))
              : (int) Math.min(WIDTH, elapsedMillis * WIDTH / totalMillis);
      err.print(
          "\r"
              + label
              + " ["
              + "#".repeat(filled)
              + " ".repeat(WIDTH - filled)
              + "] "
              + String.format("%.1fs", elapsedMillis / 1000.0));
      err.flush();
    } else if (elapsedMillis - lastDot >= 1000) {
      lastDot = elapsedMillis;
      err.print(".");
      err.flush();
    }
  }

  @Override
  public void close() {
    err.println(terminal ? "" : " done");
    err.flush();
  }
}
