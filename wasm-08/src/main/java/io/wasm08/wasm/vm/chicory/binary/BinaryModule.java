package io.wasm08.wasm.vm.chicory.binary;

import io.wasm08.wasm.vm.chicory.binary.ModuleParts.CustomSection;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.Export;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.FunctionBody;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.GlobalType;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.Import;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.LocalDecl;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.Section;
import io.wasm08.wasm.vm.chicory.binary.ModuleParts.TableType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The structure of a Wasm module as the section-level pass of wasmparser 0.216 sees it (what
 * cosmwasm-vm's {@code ParsedWasm::parse} validates before its own checks): header, section order
 * and sizes, types, imports, functions, tables, memories, globals, exports, start, code bodies and
 * their locals, custom sections. Element and data segments and instruction semantics are left to
 * full validation. Errors are {@link WasmFormatException}s with wasmparser's texts where the case
 * is common. Limits follow wasmparser's ({@code limits.rs}) with the feature set cosmwasm-vm
 * enables (no multi-memory, memory64, threads, exceptions, GC).
 */
public final class BinaryModule {
  public static final int SECTION_CUSTOM = 0;
  public static final int SECTION_TYPE = 1;
  public static final int SECTION_IMPORT = 2;
  public static final int SECTION_FUNCTION = 3;
  public static final int SECTION_TABLE = 4;
  public static final int SECTION_MEMORY = 5;
  public static final int SECTION_GLOBAL = 6;
  public static final int SECTION_EXPORT = 7;
  public static final int SECTION_START = 8;
  public static final int SECTION_ELEMENT = 9;
  public static final int SECTION_CODE = 10;
  public static final int SECTION_DATA = 11;
  public static final int SECTION_DATA_COUNT = 12;
  public static final int SECTION_TAG = 13;

  static final int MAX_TYPES = 1_000_000;
  static final int MAX_FUNCTIONS = 1_000_000;
  static final int MAX_IMPORTS = 1_000_000;
  static final int MAX_EXPORTS = 1_000_000;
  static final int MAX_GLOBALS = 1_000_000;
  static final int MAX_TABLES = 100;
  static final int MAX_TABLE_ENTRIES = 10_000_000;
  static final int MAX_FUNCTION_LOCALS = 50_000;
  static final int MAX_FUNCTION_PARAMS = 1000;
  static final int MAX_FUNCTION_RETURNS = 1000;
  static final long MAX_MEMORY32_PAGES = 65536;

  private final byte[] bytes;
  private final List<Section> sections = new ArrayList<>();
  private final List<FuncType> types = new ArrayList<>();
  private final List<Integer> typeOffsets = new ArrayList<>();
  private final List<Import> imports = new ArrayList<>();
  private int[] functionTypes = new int[0];
  private final List<TableType> tables = new ArrayList<>();
  private final List<Limits> memories = new ArrayList<>();
  private final List<GlobalType> globals = new ArrayList<>();
  private final List<Export> exports = new ArrayList<>();
  private final List<FunctionBody> bodies = new ArrayList<>();
  private final List<CustomSection> customSections = new ArrayList<>();
  private Integer startFunction;
  private Integer dataCount;
  private int importedFunctions;
  private int importedTables;
  private int importedMemories;
  private int importedGlobals;

  private BinaryModule(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Parses {@code bytes} (not copied; callers must not mutate them). */
  public static BinaryModule parse(byte[] bytes) {
    BinaryModule m = new BinaryModule(bytes);
    m.read();
    return m;
  }

  public byte[] bytes() {
    return bytes;
  }

  public List<Section> sections() {
    return Collections.unmodifiableList(sections);
  }

  public List<FuncType> types() {
    return Collections.unmodifiableList(types);
  }

  /** Offset of each type section entry. */
  public int typeOffset(int typeIndex) {
    return typeOffsets.get(typeIndex);
  }

  public List<Import> imports() {
    return Collections.unmodifiableList(imports);
  }

  /** Type index of each defined function. */
  public int functionTypeIndex(int definedIndex) {
    return functionTypes[definedIndex];
  }

  public int definedFunctionCount() {
    return functionTypes.length;
  }

  public int importedFunctionCount() {
    return importedFunctions;
  }

  public int importedGlobalCount() {
    return importedGlobals;
  }

  /** The type of function {@code index} in the function index space (imports first). */
  public FuncType functionType(int index) {
    if (index < importedFunctions) {
      int seen = 0;
      for (Import imp : imports) {
        if (imp.kind() == ExternKind.FUNC) {
          if (seen == index) {
            return types.get(imp.typeIndex());
          }
          seen++;
        }
      }
    }
    return types.get(functionTypes[index - importedFunctions]);
  }

  /** Defined tables (imported ones are in {@link #imports()}). */
  public List<TableType> tables() {
    return Collections.unmodifiableList(tables);
  }

  /** Defined memories (imported ones are in {@link #imports()}). */
  public List<Limits> memories() {
    return Collections.unmodifiableList(memories);
  }

  /** Defined globals. */
  public List<GlobalType> globals() {
    return Collections.unmodifiableList(globals);
  }

  /** The type of global {@code index} in the global index space (imports first). */
  public GlobalType globalType(int index) {
    if (index < importedGlobals) {
      int seen = 0;
      for (Import imp : imports) {
        if (imp.kind() == ExternKind.GLOBAL) {
          if (seen == index) {
            return imp.global();
          }
          seen++;
        }
      }
    }
    return globals.get(index - importedGlobals);
  }

  public int globalCount() {
    return importedGlobals + globals.size();
  }

  public List<Export> exports() {
    return Collections.unmodifiableList(exports);
  }

  public List<FunctionBody> bodies() {
    return Collections.unmodifiableList(bodies);
  }

  public List<CustomSection> customSections() {
    return Collections.unmodifiableList(customSections);
  }

  public Integer startFunction() {
    return startFunction;
  }

  public Section section(int id) {
    for (Section s : sections) {
      if (s.id() == id) {
        return s;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------

  private void read() {
    ByteReader in = new ByteReader(bytes);
    readHeader(in);
    int lastOrder = 0;
    boolean sawFunction = false;
    boolean sawCode = false;
    while (!in.eof()) {
      int idPos = in.pos();
      int id = in.u8();
      if ((id & 0x80) != 0) {
        throw new WasmFormatException("malformed section id", idPos);
      }
      int lenPos = in.pos();
      long len = in.varU32();
      int contentStart = in.pos();
      if (len > in.remaining()) {
        throw new WasmFormatException("section too large", lenPos);
      }
      int end = contentStart + (int) len;
      if (id != SECTION_CUSTOM) {
        int order = order(id);
        if (order < 0) {
          throw new WasmFormatException("malformed section id: " + id, idPos);
        }
        if (order <= lastOrder) {
          throw new WasmFormatException("section out of order", contentStart);
        }
        lastOrder = order;
      }
      sections.add(new Section(id, idPos, contentStart, end));
      ByteReader s = new ByteReader(bytes, contentStart, end);
      switch (id) {
        case SECTION_CUSTOM -> readCustom(s);
        case SECTION_TYPE -> readTypes(s, contentStart);
        case SECTION_IMPORT -> readImports(s, contentStart);
        case SECTION_FUNCTION -> {
          readFunctions(s, contentStart);
          sawFunction = true;
        }
        case SECTION_TABLE -> readTables(s, contentStart);
        case SECTION_MEMORY -> readMemories(s, contentStart);
        case SECTION_TAG -> throw new WasmFormatException("exceptions proposal not enabled", idPos);
        case SECTION_GLOBAL -> readGlobals(s, contentStart);
        case SECTION_EXPORT -> readExports(s, contentStart);
        case SECTION_START -> readStart(s, contentStart);
        case SECTION_ELEMENT -> readElements(s);
        case SECTION_DATA -> s.skip(s.remaining());
        case SECTION_DATA_COUNT -> dataCount = s.varU32AsInt("data count");
        case SECTION_CODE -> {
          if (!sawFunction && count(s) > 0) {
            throw new WasmFormatException("code section without function section", idPos);
          }
          readCode(s, contentStart);
          sawCode = true;
        }
        default -> throw new IllegalStateException("unreachable section id " + id);
      }
      if (!s.eof()) {
        throw new WasmFormatException(
            "unexpected content in the " + sectionName(id) + " section", s.pos());
      }
      in.seek(end);
    }
    if (!sawCode && functionTypes.length > 0) {
      throw new WasmFormatException(
          "function and code section have inconsistent lengths", bytes.length);
    }
  }

  private static int count(ByteReader s) {
    int save = s.pos();
    long n = s.varU32();
    s.seek(save);
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  private static String sectionName(int id) {
    return switch (id) {
      case SECTION_CUSTOM -> "custom";
      case SECTION_TYPE -> "type";
      case SECTION_IMPORT -> "import";
      case SECTION_FUNCTION -> "function";
      case SECTION_TABLE -> "table";
      case SECTION_MEMORY -> "memory";
      case SECTION_GLOBAL -> "global";
      case SECTION_EXPORT -> "export";
      case SECTION_START -> "start";
      case SECTION_ELEMENT -> "element";
      case SECTION_CODE -> "code";
      case SECTION_DATA -> "data";
      case SECTION_DATA_COUNT -> "data count";
      default -> "tag";
    };
  }

  /** Section position in the required order; -1 for unknown ids. */
  private static int order(int id) {
    return switch (id) {
      case SECTION_TYPE -> 1;
      case SECTION_IMPORT -> 2;
      case SECTION_FUNCTION -> 3;
      case SECTION_TABLE -> 4;
      case SECTION_MEMORY -> 5;
      case SECTION_TAG -> 6;
      case SECTION_GLOBAL -> 7;
      case SECTION_EXPORT -> 8;
      case SECTION_START -> 9;
      case SECTION_ELEMENT -> 10;
      case SECTION_DATA_COUNT -> 11;
      case SECTION_CODE -> 12;
      case SECTION_DATA -> 13;
      default -> -1;
    };
  }

  private static void readHeader(ByteReader in) {
    if (in.remaining() < 4) {
      throw new WasmFormatException("unexpected end-of-file", 0);
    }
    byte[] magic = in.bytes(4);
    if (magic[0] != 0 || magic[1] != 'a' || magic[2] != 's' || magic[3] != 'm') {
      throw new WasmFormatException(
          "magic header not detected: bad magic number - expected="
              + prettyHex(new byte[] {0, 'a', 's', 'm'})
              + " actual="
              + prettyHex(magic),
          0);
    }
    if (in.remaining() < 4) {
      throw new WasmFormatException("unexpected end-of-file", in.pos());
    }
    int version = in.u32le();
    int layer = version >>> 16;
    if (layer > 1) {
      throw new WasmFormatException(
          String.format("unknown binary version: %#10x", version).replace(' ', '0'), 4);
    }
    if (layer == 1) {
      throw new WasmFormatException(
          String.format(
              "unknown binary version and encoding combination: %#x and 0x1, note: encoded as a"
                  + " component but the WebAssembly component model feature is not enabled -"
                  + " enable the feature to allow component validation",
              version & 0xFFFF),
          0);
    }
    if (version != 1) {
      throw new WasmFormatException(String.format("unknown binary version: %#x", version), 0);
    }
  }

  /** Rust's {@code {:#x?}} of a byte slice. */
  static String prettyHex(byte[] b) {
    StringBuilder sb = new StringBuilder("[\n");
    for (byte x : b) {
      sb.append("    0x").append(Integer.toHexString(x & 0xFF)).append(",\n");
    }
    return sb.append(']').toString();
  }

  private static void checkMax(long current, long added, long max, String desc, int offset) {
    if (current + added > max) {
      if (max == 1) {
        throw new WasmFormatException("multiple " + desc, offset);
      }
      throw new WasmFormatException(desc + " count exceeds limit of " + max, offset);
    }
  }

  private static ValueType valueType(ByteReader in) {
    int at = in.pos();
    int code = in.u8();
    ValueType t = ValueType.fromCode(code);
    if (t == null) {
      if (code == 0x63 || code == 0x64) {
        throw new WasmFormatException("function references required for non-nullable types", at);
      }
      throw new WasmFormatException("invalid value type", at);
    }
    if (t == ValueType.V128) {
      throw new WasmFormatException("SIMD support is not enabled", at);
    }
    return t;
  }

  private void readCustom(ByteReader s) {
    String name = s.name();
    customSections.add(new CustomSection(name, s.pos(), s.end()));
    s.skip(s.remaining());
  }

  private void readTypes(ByteReader s, int offset) {
    long n = s.varU32();
    checkMax(types.size(), n, MAX_TYPES, "types", offset);
    for (long k = 0; k < n; k++) {
      int at = s.pos();
      typeOffsets.add(at);
      int form = s.u8();
      switch (form) {
        case 0x60 -> {}
        case 0x4E ->
            throw new WasmFormatException(
                "rec group usage requires `gc` proposal to be enabled", at);
        case 0x50, 0x4F ->
            throw new WasmFormatException("gc proposal must be enabled to use subtypes", at);
        case 0x5F ->
            throw new WasmFormatException(
                "cannot define struct types when gc types are disabled", at);
        case 0x5E ->
            throw new WasmFormatException(
                "cannot define array types when gc types are disabled", at);
        default ->
            throw new WasmFormatException(
                String.format("invalid leading byte (0x%x) for type definition", form), at);
      }
      List<ValueType> params = valueTypes(s, MAX_FUNCTION_PARAMS, "function params");
      List<ValueType> results = valueTypes(s, MAX_FUNCTION_RETURNS, "function returns");
      types.add(new FuncType(params, results));
    }
  }

  private static List<ValueType> valueTypes(ByteReader s, int max, String what) {
    int at = s.pos();
    long n = s.varU32();
    if (n > max) {
      throw new WasmFormatException(what + " size is out of bounds", at);
    }
    List<ValueType> out = new ArrayList<>((int) n);
    for (long k = 0; k < n; k++) {
      out.add(valueType(s));
    }
    return out;
  }

  private int typeIndex(ByteReader s) {
    int at = s.pos();
    long idx = s.varU32();
    if (idx >= types.size()) {
      throw new WasmFormatException("unknown type " + idx + ": type index out of bounds", at);
    }
    return (int) idx;
  }

  private void readImports(ByteReader s, int offset) {
    long n = s.varU32();
    checkMax(imports.size(), n, MAX_IMPORTS, "imports", offset);
    for (long k = 0; k < n; k++) {
      String module = s.name();
      String name = s.name();
      int at = s.pos();
      int kind = s.u8();
      switch (kind) {
        case 0 -> {
          int t = typeIndex(s);
          imports.add(new Import(module, name, ExternKind.FUNC, t, null, null, null));
          importedFunctions++;
        }
        case 1 -> {
          checkMax(importedTables + tables.size(), 1, MAX_TABLES, "tables", offset);
          TableType t = tableType(s);
          imports.add(new Import(module, name, ExternKind.TABLE, -1, t, null, null));
          importedTables++;
        }
        case 2 -> {
          checkMax(importedMemories + memories.size(), 1, 1, "memories", offset);
          Limits l = memoryType(s);
          imports.add(new Import(module, name, ExternKind.MEMORY, -1, null, l, null));
          importedMemories++;
        }
        case 3 -> {
          GlobalType g = globalType(s);
          imports.add(new Import(module, name, ExternKind.GLOBAL, -1, null, null, g));
          importedGlobals++;
        }
        case 4 -> throw new WasmFormatException("exceptions proposal not enabled", at);
        default -> throw new WasmFormatException("malformed import kind", at);
      }
    }
  }

  private void readFunctions(ByteReader s, int offset) {
    long n = s.varU32();
    checkMax(importedFunctions, n, MAX_FUNCTIONS, "functions", offset);
    int[] out = new int[(int) n];
    for (int k = 0; k < n; k++) {
      out[k] = typeIndex(s);
    }
    functionTypes = out;
  }

  private TableType tableType(ByteReader s) {
    int at = s.pos();
    int code = s.u8();
    ValueType elem = ValueType.fromCode(code);
    if (elem == null || !elem.isRef()) {
      throw new WasmFormatException("invalid table element type", at);
    }
    Limits l = limits(s, false);
    if (l.max() != null && l.min() > l.max()) {
      throw new WasmFormatException("size minimum must not be greater than maximum", at);
    }
    if (l.min() > MAX_TABLE_ENTRIES) {
      throw new WasmFormatException("minimum table size is out of bounds", at);
    }
    return new TableType(elem, l);
  }

  private void readTables(ByteReader s, int offset) {
    long n = s.varU32();
    checkMax(importedTables + tables.size(), n, MAX_TABLES, "tables", offset);
    for (long k = 0; k < n; k++) {
      tables.add(tableType(s));
    }
  }

  private Limits memoryType(ByteReader s) {
    int at = s.pos();
    Limits l = limits(s, true);
    if (l.max() != null && Long.compareUnsigned(l.min(), l.max()) > 0) {
      throw new WasmFormatException("size minimum must not be greater than maximum", at);
    }
    if (l.is64()) {
      throw new WasmFormatException("memory64 must be enabled for 64-bit memories", at);
    }
    if (l.min() > MAX_MEMORY32_PAGES || (l.max() != null && l.max() > MAX_MEMORY32_PAGES)) {
      throw new WasmFormatException("memory size must be at most 65536 pages (4GiB)", at);
    }
    if (l.shared()) {
      throw new WasmFormatException("threads must be enabled for shared memories", at);
    }
    return l;
  }

  private void readMemories(ByteReader s, int offset) {
    long n = s.varU32();
    checkMax(importedMemories + memories.size(), n, 1, "memories", offset);
    for (long k = 0; k < n; k++) {
      memories.add(memoryType(s));
    }
  }

  private static Limits limits(ByteReader s, boolean memory) {
    int at = s.pos();
    int flags = s.u8();
    int allowed = memory ? 0x0F : 0x05;
    if ((flags & ~allowed) != 0) {
      throw new WasmFormatException(
          String.format("invalid %s limits flags", memory ? "memory" : "table"), at);
    }
    boolean hasMax = (flags & 0x01) != 0;
    boolean shared = (flags & 0x02) != 0;
    boolean is64 = (flags & 0x04) != 0;
    if (memory && (flags & 0x08) != 0) {
      throw new WasmFormatException(
          "the custom page sizes proposal must be enabled to customize a memory's page size", at);
    }
    long min = is64 ? s.varU64() : s.varU32();
    Long max = hasMax ? (is64 ? s.varU64() : s.varU32()) : null;
    if (!memory && is64) {
      throw new WasmFormatException("memory64 must be enabled for 64-bit tables", at);
    }
    return new Limits(min, max, shared, is64);
  }

  private static GlobalType globalType(ByteReader s) {
    ValueType t = valueType(s);
    int at = s.pos();
    int mut = s.u8();
    if (mut > 1) {
      throw new WasmFormatException("malformed mutability", at);
    }
    return new GlobalType(t, mut == 1);
  }

  private void readGlobals(ByteReader s, int offset) {
    long n = s.varU32();
    checkMax(importedGlobals + globals.size(), n, MAX_GLOBALS, "globals", offset);
    for (long k = 0; k < n; k++) {
      globals.add(globalType(s));
      skipConstExpr(s);
    }
  }

  /** Skips a constant expression up to and including its {@code end}. */
  static void skipConstExpr(ByteReader s) {
    CodeReader code = new CodeReader(s.bytes(), s.pos(), s.end());
    while (true) {
      if (!code.hasNext()) {
        throw new WasmFormatException("unexpected end-of-file", s.end());
      }
      code.next();
      if (code.stuck()) {
        throw new WasmFormatException(
            "constant expression required: non-constant operator: " + code.info.name(),
            code.offset);
      }
      if (code.op == Opcodes.END) {
        s.seek(code.end);
        return;
      }
    }
  }

  private void readExports(ByteReader s, int offset) {
    long n = s.varU32();
    checkMax(exports.size(), n, MAX_EXPORTS, "exports", offset);
    Set<String> names = new HashSet<>();
    for (long k = 0; k < n; k++) {
      int item = s.pos();
      String name = s.name();
      int at = s.pos();
      int kindCode = s.u8();
      ExternKind kind =
          switch (kindCode) {
            case 0 -> ExternKind.FUNC;
            case 1 -> ExternKind.TABLE;
            case 2 -> ExternKind.MEMORY;
            case 3 -> ExternKind.GLOBAL;
            case 4 -> throw new WasmFormatException("exceptions proposal not enabled", at);
            default -> throw new WasmFormatException("malformed export kind", at);
          };
      long index = s.varU32();
      long bound =
          switch (kind) {
            case FUNC -> importedFunctions + functionTypes.length;
            case TABLE -> importedTables + tables.size();
            case MEMORY -> importedMemories + memories.size();
            case GLOBAL -> importedGlobals + globals.size();
            case TAG -> 0;
          };
      if (index >= bound) {
        String d = kind.description();
        throw new WasmFormatException(
            "unknown " + d + " " + index + ": exported " + d + " index out of bounds", item);
      }
      if (!names.add(name)) {
        throw new WasmFormatException("duplicate export name `" + name + "` already defined", item);
      }
      exports.add(new Export(name, kind, (int) index));
    }
  }

  private void readStart(ByteReader s, int offset) {
    int at = s.pos();
    long idx = s.varU32();
    if (idx >= importedFunctions + functionTypes.length) {
      throw new WasmFormatException("unknown function " + idx + ": func index out of bounds", at);
    }
    FuncType t = functionType((int) idx);
    if (!t.params().isEmpty() || !t.results().isEmpty()) {
      throw new WasmFormatException("invalid start function type", offset);
    }
    startFunction = (int) idx;
  }

  /**
   * Element segments: only their layout is checked here, and that passive and declarative segments
   * need bulk memory, which cosmwasm-vm's validator does not enable.
   */
  private static void readElements(ByteReader s) {
    long n = s.varU32();
    for (long k = 0; k < n; k++) {
      int item = s.pos();
      long flags = s.varU32();
      if (flags > 7) {
        throw new WasmFormatException("malformed elements segment kind", item);
      }
      boolean passiveOrDeclared = (flags & 1) != 0;
      boolean expressions = (flags & 4) != 0;
      if (passiveOrDeclared) {
        throw new WasmFormatException("bulk memory must be enabled", item);
      }
      if ((flags & 2) != 0) {
        s.varU32(); // table index
      }
      skipConstExpr(s);
      if ((flags & 3) != 0) {
        s.u8(); // elemkind or reftype
      }
      long count = s.varU32();
      for (long e = 0; e < count; e++) {
        if (expressions) {
          skipConstExpr(s);
        } else {
          s.varU32();
        }
      }
    }
  }

  private void readCode(ByteReader s, int offset) {
    int at = s.pos();
    long n = s.varU32();
    if (n != functionTypes.length) {
      throw new WasmFormatException("function and code section have inconsistent lengths", at);
    }
    for (int k = 0; k < n; k++) {
      int sizeStart = s.pos();
      long size = s.varU32();
      if (size > s.remaining()) {
        throw new WasmFormatException("unexpected end-of-file", s.end());
      }
      int localsStart = s.pos();
      int end = localsStart + (int) size;
      ByteReader body = new ByteReader(bytes, localsStart, end);
      long groups = body.varU32();
      List<LocalDecl> decls = new ArrayList<>();
      long total = 0;
      for (long g = 0; g < groups; g++) {
        int declAt = body.pos();
        long count = body.varU32();
        total += count;
        if (total > MAX_FUNCTION_LOCALS) {
          throw new WasmFormatException("too many locals: locals exceed maximum", declAt);
        }
        decls.add(new LocalDecl((int) count, valueType(body)));
      }
      if (body.eof()) {
        throw new WasmFormatException("unexpected end-of-file", end);
      }
      bodies.add(new FunctionBody(k, sizeStart, localsStart, body.pos(), end, decls, (int) total));
      s.seek(end);
    }
  }
}
