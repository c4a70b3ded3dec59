package io.wasm08.node.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.Capabilities;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockEnv;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wasm08 vm call}: runs contract entry points on the engine against a JSON-file-backed store
 * with cosmwasm-vm's mock backend (MockStorage / MockApi / MockQuerier gas rules), so the gas
 * printed is comparable with cosmwasm-vm's own tests.
 */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one contract entry point (or a batch) and prints one JSON object per call:",
      "result (the contract's raw result JSON), gas_used (internal + external),",
      "gas_used_internally, gas_used_externally, and error for VM faults.",
      "The store is the --state file (hex keys → base64 values), created if absent and",
      "written only after successful calls ({\"ok\":…} results). Backend: cosmwasm-vm's mocks."
    })
public final class VmCallCommand implements Callable<Integer> {
  static final String DEFAULT_GAS_LIMIT = "2000000000";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--code", required = true, description = "Contract file, raw or gzipped Wasm.")
  Path code;

  @Option(
      names = "--entry",
      description =
          "Entry point: instantiate, execute, query, sudo, migrate, reply, or any export taking"
              + " (env, msg).")
  String entry;

  @Option(names = "--msg", description = "The message JSON.")
  String msg;

  @Option(names = "--env", description = "Env JSON (default: cosmwasm-vm's mock_env()).")
  String env;

  @Option(
      names = "--info",
      description = "MessageInfo JSON (default: sender addr_make(\"creator\"), no funds).")
  String info;

  @Option(
      names = "--gas-limit",
      defaultValue = DEFAULT_GAS_LIMIT,
      description = "CosmWasm gas limit per call (default: ${DEFAULT-VALUE}).")
  long gasLimit;

  @Option(names = "--state", description = "JSON file backing the contract's storage.")
  Path state;

  @Option(
      names = "--engine",
      defaultValue = "compiler",
      description = "compiler (default) or interpreter.")
  ExecutionMode engine;

  @Option(
      names = "--memory-limit-mib",
      defaultValue = "32",
      description = "Instance memory limit in MiB (default: ${DEFAULT-VALUE}, as 08-wasm).")
  long memoryLimitMib;

  @Option(
      names = "--capabilities",
      paramLabel = "CSV",
      description =
          "Capabilities available to the contract (default: every built-in one, as cosmwasm-check).")
  String capabilities;

  @Option(names = "--unchecked", description = "Skip static validation (storeCodeUnchecked).")
  boolean unchecked;

  @Option(
      names = "--batch",
      paramLabel = "FILE|-",
      description =
          "Run many calls: one JSON request per line ({\"entry\",\"msg\", optional \"env\","
              + " \"info\", \"gas_limit\"}), one JSON result per line, same store, in order.")
  String batch;

  /** One call to make. {@code msg}, {@code env}, {@code info} are raw JSON text. */
  record Request(String entry, String msg, String env, String info, long gasLimit) {}

  @Override
  public Integer call() throws IOException {
    if ((batch == null) == (entry == null || msg == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Give either --entry and --msg, or --batch");
    }
    PrintWriter out = spec.commandLine().getOut();
    byte[] wasm;
    NavigableMap<Bytes, Bytes> initialStore;
    try {
      wasm = WasmFiles.read(code);
      initialStore = StateFile.load(state);
    } catch (WasmFiles.BadFileException | IOException e) {
      out.println(errorLine("invalid input: " + e.getMessage()));
      out.flush();
      return 1;
    }
    try (ChicoryWasmEngine vm =
        ChicoryWasmEngine.builder()
            .executionMode(engine)
            .memoryLimitBytes(memoryLimitMib << 20)
            .capabilities(
                capabilities == null ? Capabilities.BUILT_IN : Capabilities.fromCsv(capabilities))
            .build()) {
      Checksum checksum;
      try {
        checksum =
            unchecked ? vm.storeCodeUnchecked(wasm) : vm.storeCode(wasm, Long.MAX_VALUE).checksum();
      } catch (VmException e) {
        out.println(errorLine("storing the code failed: " + e.getMessage()));
        out.flush();
        return 1;
      }
      NavigableMap<Bytes, Bytes> store = initialStore;
      boolean changed = false;
      boolean allOk = true;
      for (Request request : requests()) {
        Outcome outcome = request == null ? null : run(vm, checksum, request, store);
        if (outcome == null) {
          out.println(errorLine("invalid request line"));
          allOk = false;
          continue;
        }
        out.println(outcome.json());
        allOk &= outcome.error() == null;
        if (outcome.committed() != null) {
          store = outcome.committed();
          changed = true;
        }
      }
      out.flush();
      if (changed && state != null) {
        StateFile.save(state, store);
      }
      return allOk ? 0 : 1;
    }
  }

  private List<Request> requests() throws IOException {
    if (batch == null) {
      return List.of(new Request(entry, msg, env, info, gasLimit));
    }
    List<String> lines;
    if ("-".equals(batch)) {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      lines = reader.lines().toList();
    } else {
      lines = Files.readAllLines(Path.of(batch));
    }
    return lines.stream().filter(l -> !l.isBlank()).map(this::parseRequest).toList();
  }

  /** A batch line as a request, or {@code null} when it is not a valid request object. */
  private Request parseRequest(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return null;
    }
    if (node == null || !node.isObject() || !node.path("entry").isTextual() || !node.has("msg")) {
      return null;
    }
    return new Request(
        node.get("entry").asText(),
        jsonText(node.get("msg")),
        node.has("env") ? jsonText(node.get("env")) : env,
        node.has("info") ? jsonText(node.get("info")) : info,
        node.path("gas_limit").canConvertToLong() ? node.get("gas_limit").asLong() : gasLimit);
  }

  /** A JSON value given inline, or a string holding JSON text. */
  private static String jsonText(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  /** What one call produced; {@code committed} is the new store when the call succeeded. */
  record Outcome(String json, String error, NavigableMap<Bytes, Bytes> committed) {}

  private static Outcome run(
      ChicoryWasmEngine vm, Checksum checksum, Request r, NavigableMap<Bytes, Bytes> store) {
    if (r.gasLimit() < 0) {
      return new Outcome(errorLine("gas_limit must not be negative"), "gas_limit", null);
    }
    // Each call runs on a copy: a failed call leaves the store as it was.
    MockStorage storage = new MockStorage(store);
    CallContext ctx = new CallContext(storage, new MockApi(), new MockQuerier(), r.gasLimit());
    Bytes envJson = r.env() != null ? Bytes.ofUtf8(r.env()) : MockEnv.mockEnv();
    Bytes infoJson =
        r.info() != null
            ? Bytes.ofUtf8(r.info())
            : MockEnv.mockInfo(new MockApi().addrMake("creator"), List.of());
    Bytes msgJson = Bytes.ofUtf8(r.msg());
    try {
      CallResult result =
          switch (r.entry()) {
            case "instantiate" -> vm.instantiate(checksum, envJson, infoJson, msgJson, ctx);
            case "execute" -> vm.execute(checksum, envJson, infoJson, msgJson, ctx);
            case "query" -> vm.query(checksum, envJson, msgJson, ctx);
            case "sudo" -> vm.sudo(checksum, envJson, msgJson, ctx);
            case "migrate" -> vm.migrate(checksum, envJson, msgJson, ctx);
            case "reply" -> vm.reply(checksum, envJson, msgJson, ctx);
            default -> vm.call(checksum, r.entry(), false, ctx, envJson, msgJson);
          };
      boolean ok = isOk(result.data());
      return new Outcome(
          line(result.data(), result.gasReport(), null),
          null,
          ok ? new TreeMap<>(storage.entries()) : null);
    } catch (VmCallException e) {
      return new Outcome(line(null, e.gasReport(), e.getMessage()), e.getMessage(), null);
    }
  }

  private static boolean isOk(Bytes result) {
    try {
      JsonNode node = JSON.readTree(result.toByteArray());
      return node != null && node.isObject() && node.has("ok");
    } catch (IOException e) {
      return false;
    }
  }

  private static String line(Bytes result, GasReport gas, String error) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
      g.writeStartObject();
      g.writeFieldName("result");
      if (result == null) {
        g.writeNull();
      } else if (isJson(result)) {
        String raw = result.toUtf8();
        // Keep the contract's bytes; only multi-line JSON is compacted (one result per line).
        g.writeRawValue(
            raw.contains("\n") || raw.contains("\r") ? JSON.readTree(raw).toString() : raw);
      } else {
        g.writeString(result.toUtf8());
      }
      g.writeNumberField("gas_used", gas.totalUsed());
      g.writeNumberField("gas_used_internally", gas.usedInternally());
      g.writeNumberField("gas_used_externally", gas.usedExternally());
      g.writeFieldName("error");
      if (error == null) {
        g.writeNull();
      } else {
        g.writeString(error);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static boolean isJson(Bytes data) {
    try {
      return JSON.readTree(data.toByteArray()) != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static String errorLine(String error) {
    return line(null, new GasReport(0, 0, 0, 0), error);
  }
}
