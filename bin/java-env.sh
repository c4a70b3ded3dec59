# Sourced by .ci/run and bin/wasm08: makes JAVA_HOME point at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, then `java` on PATH, then the newest JDK under /usr/lib/jvm.
# Fails with a clear message when none exists.

wasm08_java_major() {
  # Prints the feature version of the java binary $1 (8 for "1.8.0_x", 17 for "17.0.15"), or nothing.
  local v
  v=$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  v=${v#1.}
  printf '%s' "${v%%[.+-]*}"
}

wasm08_select_java() {
  local min=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(wasm08_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(readlink -f "$(command -v java)")
    major=$(wasm08_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then
      export JAVA_HOME=$(dirname "$(dirname "$candidate")")
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$(wasm08_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "wasm08: no JDK >= $min found (JAVA_HOME='${JAVA_HOME:-}', java on PATH, /usr/lib/jvm/*)." >&2
    echo "wasm08: install a JDK >= $min and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$(dirname "$(dirname "$best")")
}

wasm08_select_java || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
