#!/usr/bin/env bash
# Builds and runs the VM benchmarks of docs/performance.md and prints their tables:
#   bench/run.sh            # short runs (1 fork, few iterations; ~20 min on 2 shared cores)
#   FULL=1 bench/run.sh     # the benchmarks' own settings (2+ forks, longer iterations; ~1 h)
# Extra JMH options go in JMH_ARGS (e.g. JMH_ARGS='-p tier=PINNED'). Results: bench/target/results/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. bin/java-env.sh
out=bench/target/results
mkdir -p "$out"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 2 | tail -n 1); node $(node --version); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+dirty')"

./mvnw -B -q -Pbench -DskipTests -Dspotless.check.skip=true package -pl bench -am
jar=bench/target/benchmarks.jar

# the instrumented modules V8 runs come from the CLI
mkdir -p bench/target/v8
bin/wasm08 vm instrument ../shared/fixtures/light-clients/ibc-go/ics07_tendermint_cw.wasm.gz \
  -o bench/target/v8/ics07_tendermint_cw.instrumented.wasm
bin/wasm08 vm instrument bench/src/main/resources/io/wasm08/bench/loop.wasm \
  -o bench/target/v8/loop.instrumented.wasm

# jmh NAME REGEX SHORT-OPTIONS...: one JMH run, its JSON in $out/NAME.json
jmh() {
  local name=$1 regex=$2
  shift 2
  local opts=("$@")
  if [ -n "${FULL:-}" ]; then
    opts=()
  fi
  echo "== $name: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -jar "$jar" "$regex" "${opts[@]}" ${JMH_ARGS:-} -rf json -rff "$out/$name.json"
}

# compiled code of an older build must not be taken for a disk hit
rm -rf bench/target/vm-disk-cache
jmh calls 'io\.wasm08\.bench\.vm\.VmCallBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
jmh acquisition 'InstanceAcquisitionBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
jmh compile 'io\.wasm08\.bench\.vm\.CompileBenchmark' -f 3
jmh modes 'io\.wasm08\.bench\.vm\.EngineModeBenchmark' -f 1 -wi 2 -w 2s -i 3 -r 2s

warmup=240
if [ -z "${FULL:-}" ]; then
  warmup=60
fi
echo "== V8 comparison: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xss16m -XX:-DontCompileHugeMethods -Dv8.warmupSeconds=$warmup -cp "$jar" \
  io.wasm08.bench.vm.V8Comparison bench/target/v8 bench/target/v8/ics07_tendermint_cw.instrumented.wasm \
  bench/target/v8/loop.instrumented.wasm
cp bench/target/v8/v8-comparison.json "$out/"

echo
echo "== load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" io.wasm08.bench.vm.BenchReport "$out"/calls.json "$out"/acquisition.json \
  "$out"/compile.json "$out"/modes.json "$out"/v8-comparison.json
