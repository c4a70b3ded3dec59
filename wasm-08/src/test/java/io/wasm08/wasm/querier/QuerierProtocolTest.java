package io.wasm08.wasm.querier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.wasm.types.WasmErrorCode;
import org.junit.jupiter.api.Test;

/**
 * The {@code query_chain} protocol between contract and host as wasmvm implements it: request
 * decoding ({@code RustQuery}), result shapes ({@code ToQuerierResult} + {@code json.Marshal}) and
 * 08-wasm's redaction (08-wasm-host.md §11).
 */
class QuerierProtocolTest {
  @Test
  void resultShapes() {
    assertThat(QuerierResults.ok(Bytes.ofUtf8("true")).toUtf8())
        .isEqualTo("{\"ok\":{\"ok\":\"dHJ1ZQ==\"}}");
    // QueryResult.MarshalJSON: an empty answer is {"ok":""}
    assertThat(QuerierResults.ok(Bytes.EMPTY).toUtf8()).isEqualTo("{\"ok\":{\"ok\":\"\"}}");
    assertThat(
            QuerierResults.systemError(
                    new SystemError.UnsupportedRequest("Custom queries are not allowed"))
                .toUtf8())
        .isEqualTo(
            "{\"error\":{\"unsupported_request\":{\"kind\":\"Custom queries are not allowed\"}}}");
    assertThat(
            QuerierResults.systemError(
                    new SystemError.UnsupportedRequest(
                        "'/ibc.core.client.v1.Query/ClientState' path is not allowed from the contract"))
                .toUtf8())
        .isEqualTo(
            "{\"error\":{\"unsupported_request\":{\"kind\":\"'/ibc.core.client.v1.Query/ClientState' path is not allowed from the contract\"}}}");
    assertThat(
            QuerierResults.systemError(
                    new SystemError.InvalidResponse("Query response is empty", null))
                .toUtf8())
        .isEqualTo(
            "{\"error\":{\"invalid_response\":{\"error\":\"Query response is empty\",\"response\":null}}}");
    assertThat(QuerierResults.systemError(new SystemError.NoSuchContract("")).toUtf8())
        .isEqualTo("{\"error\":{\"no_such_contract\":{}}}");
    assertThat(QuerierResults.systemError(new SystemError.Unknown()).toUtf8())
        .isEqualTo("{\"error\":{\"unknown\":{}}}");
  }

  /**
   * {@code redactError}: registered errors keep only codespace and code; plain ones are
   * undefined/1.
   */
  @Test
  void redaction() {
    assertThat(QuerierResults.failure(ClientErrorCode.CLIENT_NOT_FOUND.wrap("08-wasm-7")).toUtf8())
        .isEqualTo("{\"ok\":{\"error\":\"codespace: client, code: 4\"}}");
    assertThat(QuerierResults.failure(WasmErrorCode.VM_ERROR.error()).toUtf8())
        .isEqualTo("{\"ok\":{\"error\":\"codespace: 08-wasm, code: 17\"}}");
    assertThat(
            QuerierResults.failure(IbcException.plain("failed to aggregate public keys")).toUtf8())
        .isEqualTo("{\"ok\":{\"error\":\"codespace: undefined, code: 1\"}}");
    assertThat(
            QuerierResults.failure(SystemErrorException.unsupported("Unsupported query request"))
                .toUtf8())
        .isEqualTo(
            "{\"error\":{\"unsupported_request\":{\"kind\":\"Unsupported query request\"}}}");
  }

  @Test
  void requestDecoding() {
    QueryRequest stargate =
        QueryRequest.decode(
            Bytes.ofUtf8(
                "{\"stargate\":{\"path\":\"/ibc.core.client.v1.Query/VerifyMembership\",\"data\":\"CgA=\"}}"));
    assertThat(stargate.stargate())
        .isEqualTo(
            new QueryRequest.Stargate(
                "/ibc.core.client.v1.Query/VerifyMembership", Bytes.of((byte) 10, (byte) 0)));
    QueryRequest custom =
        QueryRequest.decode(Bytes.ofUtf8("{\"custom\": {\"aggregate\" : {\"public_keys\":[]}} }"));
    // json.RawMessage keeps the value's bytes exactly, inner whitespace included
    assertThat(custom.custom().toUtf8()).isEqualTo("{\"aggregate\" : {\"public_keys\":[]}}");
    assertThat(QueryRequest.decode(Bytes.ofUtf8("{\"custom\":null}")).custom().toUtf8())
        .isEqualTo("null");
    QueryRequest smart =
        QueryRequest.decode(
            Bytes.ofUtf8(
                "{\"wasm\":{\"smart\":{\"contract_addr\":\"08-wasm-1\",\"msg\":\"e30=\"}}}"));
    assertThat(smart.wasmSmart())
        .isEqualTo(new QueryRequest.WasmSmart("08-wasm-1", Bytes.ofUtf8("{}")));
    assertThat(
            QueryRequest.decode(Bytes.ofUtf8("{\"bank\":{\"supply\":{\"denom\":\"x\"}}}")).other())
        .isTrue();
    assertThat(QueryRequest.decode(Bytes.ofUtf8("{\"wasm\":{\"raw\":{}}}")).other()).isTrue();
    assertThat(QueryRequest.decode(Bytes.ofUtf8("{}")))
        .isEqualTo(new QueryRequest(null, null, null, false));
  }

  @Test
  void malformedRequestsAreInvalidRequests() {
    Bytes raw = Bytes.ofUtf8("{\"stargate\":{\"path\":1}}");
    SystemErrorException e =
        catchThrowableOfType(SystemErrorException.class, () -> QueryRequest.decode(raw));
    assertThat(e.systemError())
        .isEqualTo(
            new SystemError.InvalidRequest(
                "json: cannot unmarshal number into Go struct field StargateQuery.stargate.path of"
                    + " type string",
                raw));
    assertThat(QuerierResults.systemError(e.systemError()).toUtf8())
        .startsWith("{\"error\":{\"invalid_request\":{\"error\":\"json: cannot unmarshal number")
        .endsWith("\"request\":\"" + raw.toBase64() + "\"}}}");
    SystemErrorException syntax =
        catchThrowableOfType(
            SystemErrorException.class, () -> QueryRequest.decode(Bytes.ofUtf8("{")));
    assertThat(((SystemError.InvalidRequest) syntax.systemError()).error())
        .isEqualTo("unexpected end of JSON input");
  }
}
