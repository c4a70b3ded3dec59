package io.wasm08.wasm.vm.chicory.binary;

import java.util.List;

/** The pieces of a parsed module (records of {@link BinaryModule}). */
public final class ModuleParts {
  private ModuleParts() {}

  /**
   * A section: {@code start} is the offset of its id byte, {@code contentStart..end} its contents.
   */
  public record Section(int id, int start, int contentStart, int end) {}

  /**
   * An import. For functions {@code typeIndex} is set; tables, memories and globals carry their
   * type.
   */
  public record Import(
      String module,
      String name,
      ExternKind kind,
      int typeIndex,
      TableType table,
      Limits memory,
      GlobalType global) {
    public String fullName() {
      return module + "." + name;
    }
  }

  public record TableType(ValueType elementType, Limits limits) {}

  public record GlobalType(ValueType type, boolean mutable) {}

  public record Export(String name, ExternKind kind, int index) {}

  /** A run of {@code count} declared locals of one type. */
  public record LocalDecl(int count, ValueType type) {}

  /**
   * A function body: {@code sizeStart} is where its size prefix starts, {@code localsStart} where
   * the locals declaration starts, {@code codeStart} the offset of its first instruction, {@code
   * end} one past its final {@code end} opcode.
   */
  public record FunctionBody(
      int definedIndex,
      int sizeStart,
      int localsStart,
      int codeStart,
      int end,
      List<LocalDecl> locals,
      int localCount) {
    public FunctionBody {
      locals = List.copyOf(locals);
    }
  }

  /** A custom section; its payload is {@code dataStart..dataEnd}. */
  public record CustomSection(String name, int dataStart, int dataEnd) {}
}
