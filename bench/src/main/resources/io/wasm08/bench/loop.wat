;; Pure compute for the engine-speed comparison (our own): a CosmWasm-ABI contract whose query
;; runs one of two loops and imports nothing, so the time is all Wasm execution (plus metering).
;; msg = [workload, parameter]:
;;   0: FNV-1a over a 64 KiB xorshift-filled buffer, `parameter` rounds (loads, multiplies)
;;   1: naive recursive fib(`parameter`) (calls)
;; Result: the 8-byte little-endian value.
;; Rebuild: wat2wasm loop.wat -o loop.wasm (Debian wabt 1.0.32)
(module
  (memory (export "memory") 3)
  (global $heap (mut i32) (i32.const 1024))

  (func (export "interface_version_8"))

  (func $allocate (export "allocate") (param $size i32) (result i32)
    (local $region i32)
    (local.set $region (global.get $heap))
    (i32.store (local.get $region) (i32.add (local.get $region) (i32.const 12)))
    (i32.store offset=4 (local.get $region) (local.get $size))
    (i32.store offset=8 (local.get $region) (i32.const 0))
    (global.set $heap
      (i32.and
        (i32.add (i32.add (local.get $region) (i32.const 19)) (local.get $size))
        (i32.const -8)))
    (local.get $region))

  (func (export "deallocate") (param i32))

  (func $hash (param $rounds i32) (result i64)
    (local $x i64) (local $i i32) (local $h i32) (local $r i32)
    (local.set $x (i64.const 0x9E3779B97F4A7C15))
    (block $filled
      (loop $fill
        (br_if $filled (i32.ge_u (local.get $i) (i32.const 65536)))
        (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 13))))
        (local.set $x (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 7))))
        (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 17))))
        (i64.store offset=65536 (local.get $i) (local.get $x))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $fill)))
    (local.set $h (i32.const 0x811C9DC5))
    (block $done
      (loop $round
        (br_if $done (i32.ge_u (local.get $r) (local.get $rounds)))
        (local.set $i (i32.const 0))
        (block $next
          (loop $byte
            (br_if $next (i32.ge_u (local.get $i) (i32.const 65536)))
            (local.set $h
              (i32.mul
                (i32.xor (local.get $h) (i32.load8_u offset=65536 (local.get $i)))
                (i32.const 16777619)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $byte)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $round)))
    (i64.extend_i32_u (local.get $h)))

  (func $fib (param $n i32) (result i64)
    (if (result i64) (i32.lt_u (local.get $n) (i32.const 2))
      (then (i64.extend_i32_u (local.get $n)))
      (else
        (i64.add
          (call $fib (i32.sub (local.get $n) (i32.const 1)))
          (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  (func (export "query") (param $env i32) (param $msg i32) (result i32)
    (local $data i32) (local $value i64) (local $result i32)
    (local.set $data (i32.load (local.get $msg)))
    (local.set $value
      (if (result i64) (i32.eqz (i32.load8_u (local.get $data)))
        (then (call $hash (i32.load8_u offset=1 (local.get $data))))
        (else (call $fib (i32.load8_u offset=1 (local.get $data))))))
    (local.set $result (call $allocate (i32.const 8)))
    (i64.store (i32.load (local.get $result)) (local.get $value))
    (i32.store offset=8 (local.get $result) (i32.const 8))
    (local.get $result))
)
