;; wat2wasm-flags: 
(module
  (memory 1)
  (table 2 2 funcref)
  (func $nop)
  (func $alloc (param i32) (result i32) i32.const 0)
  (func $dealloc (param i32))
  (func $f (param i32) (result i32)
    f32.const 1 f32.const 0 f32.div f32.sqrt f32.neg f64.promote_f32 f64.const 2 f64.min f64.nearest i64.trunc_sat_f64_s drop
    local.get 0)
  (export "interface_version_8" (func $nop))
  (export "allocate" (func $alloc))
  (export "deallocate" (func $dealloc))
)
