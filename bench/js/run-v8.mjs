// Runs the calls of a spec written by io.wasm08.bench.V8Comparison on V8 (Node.js), each call on a
// fresh instance, and prints per-call times and gas as JSON on stdout.
//
//   node bench/js/run-v8.mjs spec.json
//
// spec: { gas: {GasConfig fields},
//         calls: [{ name, wasm: "<instrumented module path>", storage: [[hexKey, b64Value]],
//                   entryPoint, readonly, args: [b64...], gasLimit: "<decimal>", warmup, iterations }] }
import { readFileSync } from 'node:fs';
import { Host } from './cosmwasm-host.mjs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const modules = new Map();
const moduleOf = (path) => {
  if (!modules.has(path)) modules.set(path, new WebAssembly.Module(readFileSync(path)));
  return modules.get(path);
};

const results = [];
for (const c of spec.calls) {
  // every call of a workload starts from the same storage (queries never write)
  const storage = new Map(c.storage.map(([k, v]) => [k, Buffer.from(v, 'base64')]));
  const host = new Host(moduleOf(c.wasm), spec.gas, storage);
  const args = c.args.map((a) => Buffer.from(a, 'base64'));
  const gasLimit = BigInt(c.gasLimit);
  let outcome;
  const times = [];
  const cpu = [];
  for (let i = 0; i < c.warmup + c.iterations; i++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    outcome = host.call(c.entryPoint, c.readonly, args, gasLimit);
    const elapsed = process.hrtime.bigint() - start;
    const used = process.cpuUsage(cpuStart); // µs, whole process (V8's compiler threads too)
    if (i >= c.warmup) {
      times.push(Number(elapsed));
      cpu.push((used.user + used.system) * 1000);
    }
  }
  results.push({
    name: c.name,
    times_ns: times,
    cpu_ns: cpu,
    result: outcome.data ? Buffer.from(outcome.data).toString('base64') : null,
    error: outcome.error ?? null,
    gas: Object.fromEntries(Object.entries(outcome.gas).map(([k, v]) => [k, v.toString()])),
  });
}
process.stdout.write(
  JSON.stringify({ node: process.version, v8: process.versions.v8, results }, null, 1) + '\n',
);
