;; wat2wasm-flags: --enable-tail-call
(module
  (memory 1)
  (table 2 2 funcref)
  (func $nop)
  (func $alloc (param i32) (result i32) i32.const 0)
  (func $dealloc (param i32))
  (func $f (param i32) (result i32)
    i32.const 0 return_call $alloc
    local.get 0)
  (export "interface_version_8" (func $nop))
  (export "allocate" (func $alloc))
  (export "deallocate" (func $dealloc))
)
