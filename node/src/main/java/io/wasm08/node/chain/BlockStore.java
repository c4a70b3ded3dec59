package io.wasm08.node.chain;

import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import io.wasm08.common.Bytes;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.store.db.Database;
import io.wasm08.store.db.DbBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import wasm08.node.v1.NodeOuterClass.Block;

/**
 * The produced blocks and their transactions' results, by height and by tx hash (what GetTx and
 * {@code status} read). One atomic batch per block, written <em>before</em> the application commits
 * it: after a crash between the two, the node replays the stored block (see {@code Node}).
 */
public final class BlockStore implements AutoCloseable {
  private static final byte[] LATEST = "latest".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BLOCK_PREFIX = "b/".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TX_PREFIX = "t/".getBytes(StandardCharsets.US_ASCII);

  private final Database db;

  public BlockStore(Database db) {
    this.db = db;
  }

  /** The latest stored height, 0 when none. */
  public long latestHeight() {
    byte[] raw = db.get(LATEST);
    return raw == null ? 0 : ByteBuffer.wrap(raw).getLong();
  }

  public Optional<Block> block(long height) {
    byte[] raw = db.get(blockKey(height));
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Block.parseFrom(raw));
    } catch (InvalidProtocolBufferException e) {
      throw NodeErrorCode.INVALID_DATA.wrap("corrupt block " + height + ": " + e.getMessage());
    }
  }

  /** The result of a committed tx by its hash (hex, either case). */
  public Optional<TxResponse> tx(Bytes hash) {
    byte[] raw = db.get(txKey(hash));
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(TxResponse.parseFrom(raw));
    } catch (InvalidProtocolBufferException e) {
      throw NodeErrorCode.INVALID_DATA.wrap("corrupt tx result: " + e.getMessage());
    }
  }

  /** Stores a block and its txs' results in one batch and advances the latest height. */
  public void save(Block block, List<TxResponse> results) {
    long height = block.getHeader().getHeight();
    try (DbBatch batch = db.newBatch()) {
      batch.put(blockKey(height), block.toByteArray());
      for (TxResponse r : results) {
        batch.put(txKey(Bytes.fromHex(r.getTxhash())), r.toByteArray());
      }
      batch.put(LATEST, ByteBuffer.allocate(8).putLong(height).array());
      batch.write();
    }
  }

  private static byte[] blockKey(long height) {
    return ByteBuffer.allocate(BLOCK_PREFIX.length + 8).put(BLOCK_PREFIX).putLong(height).array();
  }

  private static byte[] txKey(Bytes hash) {
    return Bytes.wrapOwned(TX_PREFIX.clone()).concat(hash).toByteArray();
  }

  @Override
  public void close() {
    db.close();
  }
}
