;; wat2wasm-flags:
;; Recursion for the call-depth limit (see CallDepthTest): rec(n) needs n + 1 frames.
(module
  (import "env" "reenter" (func $reenter (result i32)))
  (type $t (func (param i32) (result i32)))
  (table 1 1 funcref)
  (elem (i32.const 0) $rec_indirect)
  (func $rec (export "rec") (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 0
    else
      local.get 0
      i32.const 1
      i32.sub
      call $rec
      i32.const 1
      i32.add
    end)
  (func $rec_indirect (export "rec_indirect") (param i32) (result i32)
    local.get 0
    i32.eqz
    if
      i32.const 0
      return
    end
    local.get 0
    i32.const 1
    i32.sub
    i32.const 0
    call_indirect (type $t)
    i32.const 1
    i32.add)
  (func $ping (export "ping") (param i32) (result i32)
    i32.const 7
    local.get 0
    i32.eqz
    br_if 0
    drop
    local.get 0
    i32.const 1
    i32.sub
    call $pong
    return)
  (func $pong (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 100
    else
      local.get 0
      i32.const 1
      i32.sub
      call $ping
    end)
  (func (export "outer") (result i32)
    call $reenter)
  (func (export "inner") (result i32)
    call $leaf)
  (func $leaf (result i32)
    i32.const 42)
  (func $wide (export "wide") (param i32) (result i32)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 0
    else
      local.get 0
      i32.const 1
      i32.sub
      call $wide
      i32.const 1
      i32.add
    end)
)
