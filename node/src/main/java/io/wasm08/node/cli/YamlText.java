package io.wasm08.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/** JSON shown as YAML-like indented text (what the SDK CLI prints with {@code --output text}). */
final class YamlText {
  private YamlText() {}

  static String of(String json) {
    try {
      StringBuilder sb = new StringBuilder();
      write(sb, new ObjectMapper().readTree(json), 0);
      return sb.toString().stripTrailing();
    } catch (JsonProcessingException e) {
      return json;
    }
  }

  private static void write(StringBuilder sb, JsonNode n, int indent) {
    String pad = "  ".repeat(indent);
    if (n.isObject()) {
      if (n.isEmpty()) {
        sb.append(pad).append("{}\n");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (v.isContainerNode() && !v.isEmpty()) {
          sb.append(pad).append(e.getKey()).append(":\n");
          write(sb, v, indent + 1);
        } else {
          sb.append(pad).append(e.getKey()).append(": ").append(scalar(v)).append('\n');
        }
      }
    } else if (n.isArray()) {
      for (JsonNode v : n) {
        if (v.isContainerNode() && !v.isEmpty()) {
          sb.append(pad).append("-\n");
          write(sb, v, indent + 1);
        } else {
          sb.append(pad).append("- ").append(scalar(v)).append('\n');
        }
      }
    } else {
      sb.append(pad).append(scalar(n)).append('\n');
    }
  }

  private static String scalar(JsonNode v) {
    if (v.isArray()) {
      return "[]";
    }
    if (v.isObject()) {
      return "{}";
    }
    if (v.isTextual()) {
      String t = v.asText();
      return t.isEmpty() ? "\"\"" : t;
    }
    return v.toString();
  }
}
