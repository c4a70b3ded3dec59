;; wat2wasm-flags: --enable-multi-memory
(module
  (memory 1)
  (memory 1)
  (func $nop)
  (func $alloc (param i32) (result i32) i32.const 0)
  (func $dealloc (param i32))
  (export "interface_version_8" (func $nop))
  (export "allocate" (func $alloc))
  (export "deallocate" (func $dealloc))
)
