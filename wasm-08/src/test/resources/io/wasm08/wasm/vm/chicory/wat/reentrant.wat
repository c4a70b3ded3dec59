;; allocate itself calls db_read on a fixed key region, so a stored value makes the host call
;; allocate again from inside the import: the re-entrancy MAX_CALL_DEPTH guards against.
(module
  (import "env" "db_read" (func $db_read (param i32) (result i32)))
  (memory (export "memory") 1)
  ;; Region { offset: 32, capacity: 1, length: 1 } at 16, key "k" at 32.
  (data (i32.const 16) "\20\00\00\00\01\00\00\00\01\00\00\00")
  (data (i32.const 32) "k")
  (global $heap (mut i32) (i32.const 1024))
  (func (export "interface_version_8"))
  (func (export "allocate") (param $size i32) (result i32)
    (local $region i32)
    (drop (call $db_read (i32.const 16)))
    (local.set $region (global.get $heap))
    (i32.store (local.get $region) (i32.add (local.get $region) (i32.const 12)))
    (i32.store offset=4 (local.get $region) (local.get $size))
    (i32.store offset=8 (local.get $region) (i32.const 0))
    (global.set $heap
      (i32.and (i32.add (i32.add (local.get $region) (i32.add (local.get $size) (i32.const 12))) (i32.const 7)) (i32.const -8)))
    (local.get $region))
  (func (export "deallocate") (param i32))
  (func (export "query") (param i32 i32) (result i32) (local.get 1))
)
