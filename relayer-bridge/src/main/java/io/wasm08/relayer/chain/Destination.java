package io.wasm08.relayer.chain;

import com.google.protobuf.Any;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import java.util.Optional;

/**
 * The chain the relayer updates clients on (our node), as seen through its gRPC services: client-02
 * queries, the 08-wasm code query, the auth account query and the tx Service. Failures are {@link
 * io.wasm08.common.Wasm08Exception}s with {@link io.wasm08.relayer.RelayerErrorCode} codes.
 */
public interface Destination extends AutoCloseable {
  /** The client's state ({@code Any}) and the destination height it was read at. */
  record ClientStateAnswer(Any clientState, Height proofHeight) {}

  /** An account's number and next sequence. */
  record Account(long accountNumber, long sequence) {}

  String chainId();

  /** The bech32 prefix of account addresses. */
  String bech32Prefix();

  /** {@code ibc.core.client.v1.Query/ClientState}; empty when the client does not exist. */
  Optional<ClientStateAnswer> clientState(String clientId);

  /** {@code Query/ConsensusState} at {@code height}; empty when there is none. */
  Optional<Any> consensusState(String clientId, Height height);

  /** {@code ibc.lightclients.wasm.v1.Query/Code}: the code stored under {@code checksum}. */
  Bytes code(Bytes checksum);

  /** {@code cosmos.auth.v1beta1.Query/Account}; empty when the account does not exist. */
  Optional<Account> account(String address);

  /** {@code Service/Simulate}: the gas the tx uses. */
  long simulate(Bytes txBytes);

  /** {@code Service/BroadcastTx} in SYNC mode: the CheckTx answer. */
  TxResponse broadcastSync(Bytes txBytes);

  /** {@code Service/GetTx}; empty while the tx is not committed. */
  Optional<TxResponse> getTx(String hash);

  @Override
  void close();
}
