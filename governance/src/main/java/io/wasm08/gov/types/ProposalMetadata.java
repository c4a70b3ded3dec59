package io.wasm08.gov.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * {@code govtypes.ProposalMetadata} as the v0.50 msg server reads it: {@code json.Unmarshal} of the
 * proposal's metadata into a struct with {@code title}, {@code authors}, {@code summary}, {@code
 * details}, {@code proposal_forum_url} and {@code vote_option_context}. Only its title and summary
 * matter (they must equal the message's), and only when Go's unmarshal succeeds — so this mirrors
 * {@code encoding/json}: keys match case-insensitively with Go's folding, unknown keys are ignored,
 * {@code null} leaves a field unset, any type mismatch or syntax error is a failure.
 */
public record ProposalMetadata(String title, String summary) {
  /** Go's decoder depth limit; metadata is short, but the outcome must not depend on Jackson's. */
  private static final int MAX_DEPTH = 10_000;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  /** The decoded title and summary, or empty when Go's {@code json.Unmarshal} would fail. */
  public static Optional<ProposalMetadata> parse(String metadata) {
    try (JsonParser p = JSON.createParser(metadata)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      String[] fields = {"", ""};
      boolean typeError = false;
      if (first == JsonToken.START_OBJECT) {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String key = fold(p.currentName());
          JsonToken value = p.nextToken();
          switch (key) {
            case "TITLE", "SUMMARY", "DETAILS", "PROPOSAL_FORUM_URL", "VOTE_OPTION_CONTEXT" -> {
              if (value == JsonToken.VALUE_STRING) {
                if (key.equals("TITLE")) {
                  fields[0] = goString(p.getText());
                } else if (key.equals("SUMMARY")) {
                  fields[1] = goString(p.getText());
                }
              } else if (value != JsonToken.VALUE_NULL) {
                typeError = true;
                p.skipChildren();
              }
            }
            case "AUTHORS" -> typeError |= !readStringArray(p, value);
            default -> p.skipChildren();
          }
        }
      } else if (first != JsonToken.VALUE_NULL) {
        typeError = true;
        p.skipChildren();
      }
      if (p.nextToken() != null) {
        return Optional.empty(); // trailing data: "invalid character after top-level value"
      }
      return typeError ? Optional.empty() : Optional.of(new ProposalMetadata(fields[0], fields[1]));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code []string} value: null, or an array of strings and nulls. */
  private static boolean readStringArray(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return true;
    }
    if (value != JsonToken.START_ARRAY) {
      p.skipChildren();
      return false;
    }
    boolean ok = true;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
        ok = false;
        p.skipChildren();
      }
    }
    return ok;
  }

  /**
   * Go's {@code foldName} restricted to what can equal an ASCII field name: ASCII letters
   * upper-cased, KELVIN SIGN to {@code K}, LONG S to {@code S}; other characters stay (and so never
   * match).
   */
  static String fold(String key) {
    StringBuilder b = new StringBuilder(key.length());
    key.codePoints()
        .forEach(
            cp -> {
              if (cp >= 'a' && cp <= 'z') {
                b.append((char) (cp - 'a' + 'A'));
              } else if (cp == 0x212A) {
                b.append('K');
              } else if (cp == 0x017F) {
                b.append('S');
              } else {
                b.appendCodePoint(cp);
              }
            });
    return b.toString();
  }

  /** Go decodes an escaped lone surrogate ({@code "\ud800"}) as U+FFFD. */
  private static String goString(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean lone =
          Character.isHighSurrogate(c)
              ? !(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
              : Character.isLowSurrogate(c)
                  && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
      if (lone && b == null) {
        b = new StringBuilder(s.substring(0, i));
      }
      if (b != null) {
        b.append(lone ? '\uFFFD' : c);
      }
    }
    return b == null ? s : b.toString();
  }
}
