package io.wasm08.relayer.rpc;

import io.wasm08.relayer.tendermint.Validator;
import java.util.List;

/** One page of {@code /validators}. */
public record ValidatorsPage(long blockHeight, List<Validator> validators, int count, int total) {
  public ValidatorsPage {
    validators = List.copyOf(validators);
  }
}
