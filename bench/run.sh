#!/usr/bin/env bash
# Builds and runs the VM benchmarks of docs/performance.md and prints their table:
#   bench/run.sh            # everything (~45 min on 2 cores)
#   QUICK=1 bench/run.sh    # a smoke run (1 fork, short iterations): numbers only indicative
# Extra JMH options go in JMH_ARGS. Results: bench/target/vm-jmh.json, bench/target/v8/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. bin/java-env.sh

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 2 | tail -n 1); node $(node --version); commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty')"

./mvnw -B -q -Pbench -DskipTests -Dspotless.check.skip=true package -pl bench -am
jar=bench/target/benchmarks.jar

# the instrumented modules V8 runs come from the CLI
mkdir -p bench/target/v8
bin/wasm08 vm instrument ../shared/fixtures/light-clients/ibc-go/ics07_tendermint_cw.wasm.gz \
  -o bench/target/v8/ics07_tendermint_cw.instrumented.wasm
bin/wasm08 vm instrument bench/src/main/resources/io/wasm08/bench/loop.wasm \
  -o bench/target/v8/loop.instrumented.wasm

quick=()
if [ -n "${QUICK:-}" ]; then
  quick=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
fi
# compiled code of an older build must not be taken for a disk hit
rm -rf bench/target/vm-disk-cache
java -jar "$jar" 'io\.wasm08\.bench\.vm\..*Benchmark|InstanceAcquisitionBenchmark' \
  "${quick[@]}" ${JMH_ARGS:-} -rf json -rff bench/target/vm-jmh.json

java -Xss16m -XX:-DontCompileHugeMethods -cp "$jar" io.wasm08.bench.vm.V8Comparison \
  bench/target/v8 bench/target/v8/ics07_tendermint_cw.instrumented.wasm \
  bench/target/v8/loop.instrumented.wasm

echo
echo "== load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" io.wasm08.bench.vm.BenchReport bench/target/vm-jmh.json \
  bench/target/v8/v8-comparison.json
