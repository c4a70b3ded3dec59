;; wat2wasm-flags:
;; Gas expectations of every export are derived by hand in MeteringTest (115 per operator, 1610
;; per accounting operator, checked before each accounting operator).
(module
  (import "env" "probe" (func $probe (result i64)))
  (type $t (func (param i32) (result i32)))
  (memory 1)
  (table 2 2 funcref)
  (elem (i32.const 0) $callee $callee2)
  (func $callee (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add)
  (func $callee2 (param i32) (result i32)
    local.get 0)
  (func (export "straight") (result i32)
    i32.const 1
    i32.const 2
    i32.add)
  (func (export "loop") (param $n i32) (result i32)
    (local $acc i32)
    block
      loop
        local.get $n
        i32.eqz
        br_if 1
        local.get $acc
        i32.const 3
        i32.add
        local.set $acc
        local.get $n
        i32.const 1
        i32.sub
        local.set $n
        br 0
      end
    end
    local.get $acc)
  (func (export "branch") (param i32) (result i32)
    local.get 0
    if (result i32)
      i32.const 10
      i32.const 1
      i32.add
    else
      i32.const 20
    end)
  (func (export "calls") (result i32)
    i32.const 5
    call $callee
    call $callee)
  (func (export "indirect") (param i32) (result i32)
    i32.const 7
    local.get 0
    call_indirect (type $t))
  (func (export "table") (param i32) (result i32)
    block
      block
        block
          local.get 0
          br_table 0 1 2
        end
        i32.const 100
        i32.const 1
        i32.add
        return
      end
      i32.const 200
      return
    end
    i32.const 300
    i32.const 3
    i32.const 4
    i32.add
    i32.add)
  (func (export "trap") (param i32) (result i32)
    i32.const 1
    i32.const 2
    i32.add
    drop
    i32.const 10
    local.get 0
    i32.div_u)
  (func (export "host") (result i64)
    i32.const 1
    drop
    call $probe)
  (func (export "locals29")
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64)
    i32.const 0
    drop)
  (func (export "locals30")
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    i32.const 0
    drop)
  (func (export "locals31")
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    i32.const 0
    drop)
  (func (export "locals31_end_first")
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64))
  (func (export "infinite")
    loop
      br 0
    end)
)
