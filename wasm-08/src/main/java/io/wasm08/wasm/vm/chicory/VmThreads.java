package io.wasm08.wasm.vm.chicory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs contract code on threads with a large stack, so that the deterministic Wasm call-depth limit
 * (instrumented into the module) is always reached before the JVM's own, non-deterministic stack
 * limit (chicory.md §6.2). The stack is reserved address space; only touched pages cost memory.
 */
final class VmThreads {
  /** Stack reserved per VM thread. */
  static final long STACK_SIZE = 512L << 20;

  private static final ThreadGroup GROUP = new ThreadGroup("wasm08-vm");
  private static final ExecutorService POOL = Executors.newCachedThreadPool(new Factory());

  private VmThreads() {}

  static boolean onVmThread() {
    return Thread.currentThread().getThreadGroup() == GROUP;
  }

  /** Runs {@code task} on a VM thread (directly when already on one) and returns its result. */
  static <T> T run(Supplier<T> task) {
    if (onVmThread()) {
      return task.get();
    }
    Future<T> future = POOL.submit(task::get);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a contract call", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static final class Factory implements ThreadFactory {
    private final AtomicInteger counter = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(GROUP, r, "wasm08-vm-" + counter.incrementAndGet(), STACK_SIZE);
      t.setDaemon(true);
      return t;
    }
  }
}
