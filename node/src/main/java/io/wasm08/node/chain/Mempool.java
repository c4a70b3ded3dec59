package io.wasm08.node.chain;

import io.wasm08.common.Bytes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pending transactions in arrival order (FIFO, as CometBFT's default mempool), unique by hash and
 * bounded in count and bytes. Thread-safe.
 */
public final class Mempool {
  private final int maxTxs;
  private final long maxBytes;
  private final Map<String, Bytes> txs = new LinkedHashMap<>();
  private long bytes;

  /** Why {@link #add} refused a tx. */
  public enum Refusal {
    DUPLICATE,
    FULL
  }

  public Mempool(int maxTxs, long maxBytes) {
    this.maxTxs = maxTxs;
    this.maxBytes = maxBytes;
  }

  /** Adds the tx; returns the refusal, or null when added. */
  public synchronized Refusal add(String hash, Bytes tx) {
    if (txs.containsKey(hash)) {
      return Refusal.DUPLICATE;
    }
    if (txs.size() >= maxTxs || bytes + tx.size() > maxBytes) {
      return Refusal.FULL;
    }
    txs.put(hash, tx);
    bytes += tx.size();
    return null;
  }

  public synchronized boolean contains(String hash) {
    return txs.containsKey(hash);
  }

  /** The oldest txs, up to {@code max} and {@code maxBlockBytes} in total, not removed. */
  public synchronized List<Map.Entry<String, Bytes>> reap(int max, long maxBlockBytes) {
    List<Map.Entry<String, Bytes>> out = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, Bytes> e : txs.entrySet()) {
      if (out.size() >= max || total + e.getValue().size() > maxBlockBytes) {
        break;
      }
      out.add(Map.entry(e.getKey(), e.getValue()));
      total += e.getValue().size();
    }
    return out;
  }

  public synchronized void removeAll(Collection<String> hashes) {
    for (String h : hashes) {
      Bytes removed = txs.remove(h);
      if (removed != null) {
        bytes -= removed.size();
      }
    }
  }

  /** A snapshot of the pending txs in order. */
  public synchronized List<Map.Entry<String, Bytes>> snapshot() {
    return reap(Integer.MAX_VALUE, Long.MAX_VALUE);
  }

  public synchronized int size() {
    return txs.size();
  }
}
