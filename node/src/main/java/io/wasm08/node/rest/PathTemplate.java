package io.wasm08.node.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code google.api.http} path template ({@code /a/{field}/b/{nested.field=**}}): literal
 * segments and variables bound to request fields; {@code *} matches one segment, {@code **} the
 * rest of the path.
 */
record PathTemplate(String text, List<Segment> segments) {
  sealed interface Segment permits Literal, Variable {}

  record Literal(String value) implements Segment {}

  /** A variable bound to a (dotted) field path; {@code rest} for {@code **}. */
  record Variable(String fieldPath, boolean rest) implements Segment {}

  static PathTemplate parse(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("path template must start with '/': " + template);
    }
    List<Segment> out = new ArrayList<>();
    for (String part : template.substring(1).split("/", -1)) {
      if (part.startsWith("{") && part.endsWith("}")) {
        String inner = part.substring(1, part.length() - 1);
        int eq = inner.indexOf('=');
        String field = eq < 0 ? inner : inner.substring(0, eq);
        String pattern = eq < 0 ? "*" : inner.substring(eq + 1);
        if (!pattern.equals("*") && !pattern.equals("**")) {
          throw new IllegalArgumentException("unsupported variable pattern in " + template);
        }
        out.add(new Variable(field, pattern.equals("**")));
      } else {
        out.add(new Literal(part));
      }
    }
    return new PathTemplate(template, List.copyOf(out));
  }

  /** The variable bindings when {@code path} (already split at '?') matches, else empty. */
  Optional<Map<String, String>> match(String path) {
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = path.substring(1).split("/", -1);
    Map<String, String> bound = new LinkedHashMap<>();
    int i = 0;
    for (Segment segment : segments) {
      if (i >= parts.length) {
        return Optional.empty();
      }
      switch (segment) {
        case Literal l -> {
          if (!l.value().equals(parts[i])) {
            return Optional.empty();
          }
          i++;
        }
        case Variable v -> {
          if (v.rest()) {
            bound.put(
                v.fieldPath(),
                String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length)));
            i = parts.length;
          } else {
            if (parts[i].isEmpty()) {
              return Optional.empty();
            }
            bound.put(v.fieldPath(), Rest.decode(parts[i]));
            i++;
          }
        }
      }
    }
    return i == parts.length ? Optional.of(bound) : Optional.empty();
  }

  /** Literal segments count more, so {@code /a/params} wins over {@code /a/{id}}. */
  int specificity() {
    return (int) segments.stream().filter(s -> s instanceof Literal).count();
  }
}
