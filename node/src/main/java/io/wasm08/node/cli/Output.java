package io.wasm08.node.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.PrintWriter;

/** {@code --output json|text}: protobuf answers as JSON (proto names) or as indented text. */
enum Output {
  JSON,
  TEXT;

  void print(PrintWriter out, Message m, JsonFormat.TypeRegistry types) {
    try {
      String json =
          JsonFormat.printer()
              .usingTypeRegistry(types)
              .preservingProtoFieldNames()
              .alwaysPrintFieldsWithNoPresence()
              .print(m);
      if (this == JSON) {
        out.println(json);
      } else {
        out.println(YamlText.of(json));
      }
    } catch (InvalidProtocolBufferException e) {
      out.println(m);
    }
    out.flush();
  }
}
