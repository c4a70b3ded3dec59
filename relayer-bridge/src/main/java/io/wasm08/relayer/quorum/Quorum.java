package io.wasm08.relayer.quorum;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an update on every executor in parallel and decides whether enough of them agree: the
 * executors vote with {@link ExecutionResult#digest()}; an outcome is agreed when the executors
 * that produced it are at least the threshold of <em>all</em> executors (a failed or silent
 * executor counts against), and no other outcome also reaches it.
 */
public final class Quorum implements AutoCloseable {
  /** One executor's answer: its result, or why it produced none. */
  public record Vote(String executor, Optional<ExecutionResult> result, String error) {
    public Optional<Bytes> digest() {
      return result.map(ExecutionResult::digest);
    }

    public String describe() {
      return executor
          + ": "
          + result.map(ExecutionResult::describe).orElse("no result (" + error + ")");
    }
  }

  /** The decision on one update. */
  public record Verdict(
      boolean agreed,
      Optional<ExecutionResult> result,
      int agreeing,
      int total,
      int required,
      List<Vote> votes) {
    public Verdict {
      votes = List.copyOf(votes);
    }

    /** The executors whose answer differs from the agreed one (all of them when none agreed). */
    public List<Vote> dissent() {
      Optional<Bytes> agreedDigest = result.map(ExecutionResult::digest);
      return votes.stream()
          .filter(v -> agreedDigest.isEmpty() || !v.digest().equals(agreedDigest))
          .toList();
    }

    public String describe() {
      StringBuilder sb =
          new StringBuilder(agreed ? "agreed" : "NO QUORUM")
              .append(" (")
              .append(agreeing)
              .append(" of ")
              .append(total)
              .append(", ")
              .append(required)
              .append(" required)");
      for (Vote v : votes) {
        sb.append("; ").append(v.describe());
      }
      return sb.toString();
    }
  }

  private final List<UpdateExecutor> executors;
  private final QuorumThreshold threshold;
  private final Duration timeout;
  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

  public Quorum(List<UpdateExecutor> executors, QuorumThreshold threshold, Duration timeout) {
    if (executors.isEmpty()) {
      throw new IllegalArgumentException("a quorum needs at least one executor");
    }
    this.executors = List.copyOf(executors);
    this.threshold = Objects.requireNonNull(threshold, "threshold");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  public List<UpdateExecutor> executors() {
    return executors;
  }

  public QuorumThreshold threshold() {
    return threshold;
  }

  public Verdict run(UpdateRequest request) {
    List<Future<ExecutionResult>> futures = new ArrayList<>();
    for (UpdateExecutor e : executors) {
      futures.add(pool.submit(() -> e.execute(request)));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Vote> votes = new ArrayList<>();
    for (int i = 0; i < executors.size(); i++) {
      String id = executors.get(i).id();
      Future<ExecutionResult> f = futures.get(i);
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        votes.add(new Vote(id, Optional.of(f.get(left, TimeUnit.NANOSECONDS)), ""));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        String why = cause instanceof Wasm08Exception w ? w.getMessage() : String.valueOf(cause);
        votes.add(new Vote(id, Optional.empty(), why));
      } catch (TimeoutException e) {
        f.cancel(true);
        votes.add(new Vote(id, Optional.empty(), "no answer within " + timeout));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(x -> x.cancel(true));
        votes.add(new Vote(id, Optional.empty(), "interrupted"));
        break;
      }
    }
    while (votes.size() < executors.size()) {
      votes.add(new Vote(executors.get(votes.size()).id(), Optional.empty(), "interrupted"));
    }
    return decide(votes, threshold);
  }

  /** The decision for a set of votes (pure: table-tested). */
  public static Verdict decide(List<Vote> votes, QuorumThreshold threshold) {
    Map<Bytes, List<Vote>> groups = new LinkedHashMap<>();
    for (Vote v : votes) {
      v.digest().ifPresent(d -> groups.computeIfAbsent(d, k -> new ArrayList<>()).add(v));
    }
    int total = votes.size();
    List<List<Vote>> meeting =
        groups.values().stream().filter(g -> threshold.isMet(g.size(), total)).toList();
    int largest = groups.values().stream().mapToInt(List::size).max().orElse(0);
    if (meeting.size() == 1) {
      List<Vote> winners = meeting.get(0);
      return new Verdict(
          true, winners.get(0).result(), winners.size(), total, threshold.required(total), votes);
    }
    return new Verdict(false, Optional.empty(), largest, total, threshold.required(total), votes);
  }

  @Override
  public void close() {
    pool.shutdownNow();
    executors.forEach(UpdateExecutor::close);
  }
}
