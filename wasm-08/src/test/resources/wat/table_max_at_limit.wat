;; wat2wasm-flags: 
(module
  (memory 1)
  (table 100 2500 funcref)
  (func $nop)
  (func $alloc (param i32) (result i32) i32.const 0)
  (func $dealloc (param i32))
  (export "interface_version_8" (func $nop))
  (export "allocate" (func $alloc))
  (export "deallocate" (func $dealloc))
)
