;; Per-instance state for the instance-reuse differential test (our own, not from upstream): every
;; entry point first reports the state it finds — mutable globals of each type, a memory cell
;; initialised by a data segment, memory size, a table entry — and then changes all of it, so any
;; state leaking from one call into the next shows up in the next result.
;; Entry points take (env, msg) regions; the first byte of msg is the argument n.
(module
  (import "env" "db_write" (func $db_write (param i32 i32)))
  (import "env" "abort" (func $abort (param i32)))

  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (global $counter (mut i32) (i32.const 7))
  (global $wide (mut i64) (i64.const 0x1122334455667788))
  (global $ratio (mut f64) (f64.const 1.5))
  (type $nullary (func (result i32)))
  (table 3 funcref)
  (elem (i32.const 0) $one $two $three)
  ;; the cell at 1024 starts at 42; the text after it is only read back
  (data (i32.const 1024) "\2a\00\00\00snapshot-data")

  (func $one (result i32) (i32.const 1))
  (func $two (result i32) (i32.add (global.get $counter) (i32.const 2)))
  (func $three (result i32) (i32.load (i32.const 1024)))

  (func (export "interface_version_8"))

  ;; bump allocator: a region header followed by its data, growing memory when needed
  (func $allocate (export "allocate") (param $size i32) (result i32)
    (local $region i32) (local $data i32) (local $end i32) (local $need i32)
    (local.set $region (global.get $heap))
    (local.set $data (i32.add (local.get $region) (i32.const 12)))
    (local.set $end (i32.add (local.get $data) (local.get $size)))
    (local.set $need
      (i32.sub
        (i32.shr_u (i32.add (local.get $end) (i32.const 65535)) (i32.const 16))
        (memory.size)))
    (if (i32.gt_s (local.get $need) (i32.const 0))
      (then
        (if (i32.eq (memory.grow (local.get $need)) (i32.const -1))
          (then (return (i32.const 0))))))
    (i32.store (local.get $region) (local.get $data))
    (i32.store offset=4 (local.get $region) (local.get $size))
    (i32.store offset=8 (local.get $region) (i32.const 0))
    (global.set $heap
      (i32.and (i32.add (local.get $end) (i32.const 7)) (i32.const -8)))
    (local.get $region))

  (func (export "deallocate") (param i32))

  ;; n = first byte of the msg region (0 when empty)
  (func $arg (param $msg i32) (result i32)
    (if (result i32) (i32.eqz (i32.load offset=8 (local.get $msg)))
      (then (i32.const 0))
      (else (i32.load8_u (i32.load (local.get $msg))))))

  ;; a 40-byte result: counter, cell, memory pages, table[1](), wide, ratio bits, heap, text word
  (func $report (result i32)
    (local $r i32) (local $d i32)
    (local.set $r (call $allocate (i32.const 40)))
    (local.set $d (i32.load (local.get $r)))
    (i32.store (local.get $d) (global.get $counter))
    (i32.store offset=4 (local.get $d) (i32.load (i32.const 1024)))
    (i32.store offset=8 (local.get $d) (memory.size))
    (i32.store offset=12 (local.get $d) (call_indirect (type $nullary) (i32.const 1)))
    (i64.store offset=16 (local.get $d) (global.get $wide))
    (i64.store offset=24 (local.get $d) (i64.reinterpret_f64 (global.get $ratio)))
    (i32.store offset=32 (local.get $d) (global.get $heap))
    (i32.store offset=36 (local.get $d) (i32.load (i32.const 1028)))
    (i32.store offset=8 (local.get $r) (i32.const 40))
    (local.get $r))

  ;; changes every piece of state by n
  (func $mutate (param $n i32)
    (global.set $counter (i32.add (global.get $counter) (i32.add (local.get $n) (i32.const 1))))
    (global.set $wide (i64.mul (global.get $wide) (i64.const 3)))
    (global.set $ratio (f64.mul (global.get $ratio) (f64.const 2)))
    (i32.store (i32.const 1024) (i32.add (i32.load (i32.const 1024)) (local.get $n)))
    (i32.store (i32.const 1028) (i32.xor (i32.load (i32.const 1028)) (i32.const -1)))
    ;; a write to the last page (copy-on-write of a page the report never reads)
    (i32.store
      (i32.sub (i32.shl (memory.size) (i32.const 16)) (i32.const 4))
      (local.get $n)))

  ;; report, then change the state
  (func (export "touch") (param $env i32) (param $msg i32) (result i32)
    (local $r i32)
    (local.set $r (call $report))
    (call $mutate (call $arg (local.get $msg)))
    (local.get $r))

  ;; change the state, grow by 3n pages (past the 512-page limit for n > 170: memory.grow
  ;; answers -1), write the first grown page, then report
  (func (export "grow") (param $env i32) (param $msg i32) (result i32)
    (local $n i32) (local $old i32)
    (local.set $n (call $arg (local.get $msg)))
    (call $mutate (local.get $n))
    (local.set $old (memory.grow (i32.mul (local.get $n) (i32.const 3))))
    (if (i32.ne (local.get $old) (i32.const -1))
      (then
        (i32.store (i32.shl (local.get $old) (i32.const 16)) (i32.const 0x5eed))))
    (call $report))

  ;; report into memory, change the state, then trap in one of several ways
  (func (export "trap") (param $env i32) (param $msg i32) (result i32)
    (local $n i32)
    (local.set $n (call $arg (local.get $msg)))
    (drop (call $report))
    (call $mutate (local.get $n))
    (drop (memory.grow (i32.and (local.get $n) (i32.const 3))))
    (if (i32.eq (i32.rem_u (local.get $n) (i32.const 4)) (i32.const 0)) (then unreachable))
    (if (i32.eq (i32.rem_u (local.get $n) (i32.const 4)) (i32.const 1))
      (then (drop (i32.load (i32.const -4)))))
    (if (i32.eq (i32.rem_u (local.get $n) (i32.const 4)) (i32.const 2))
      (then (drop (call_indirect (type $nullary) (i32.const 3)))))
    (call $abort (local.get $msg))
    (unreachable))

  ;; change the state, then burn gas until it runs out
  (func (export "spin") (param $env i32) (param $msg i32) (result i32)
    (call $mutate (call $arg (local.get $msg)))
    (loop $forever
      (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
      (br $forever))
    (unreachable))

  ;; store msg under key msg (a host call), then report and change the state
  (func (export "store") (param $env i32) (param $msg i32) (result i32)
    (local $r i32)
    (call $db_write (local.get $msg) (local.get $msg))
    (local.set $r (call $report))
    (call $mutate (call $arg (local.get $msg)))
    (local.get $r))
)
