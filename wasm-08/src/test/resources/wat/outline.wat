;; wat2wasm-flags:
;; Control flow for the function-splitting tests (OutliningTest): every construct a cut-out run
;; of statements has to preserve — branches leaving it with and without values, br_table with
;; inner and outer targets, returns, loops, traps, floats, calls.
(module
  (type $t (func (param i32) (result i32)))
  (memory 1)
  (table 1 1 funcref)
  (elem (i32.const 0) $inc)
  (global $g (mut i32) (i32.const 0))
  (func $inc (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add)
  (func (export "sum_loop") (param $n i32) (result i32)
    (local $acc i32) (local $i i32)
    block $done
      loop $next
        local.get $i
        local.get $n
        i32.ge_u
        br_if $done
        local.get $acc
        local.get $i
        i32.add
        local.set $acc
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        local.get $i
        i32.const 7
        i32.rem_u
        i32.eqz
        br_if $next
        local.get $acc
        i32.const 3
        i32.mul
        local.set $acc
        br $next
      end
    end
    local.get $acc)
  (func (export "classify") (param $x i32) (result i32)
    (local $r i32)
    block $out
      block $c2
        block $c1
          block $c0
            local.get $x
            br_table $c0 $c1 $c2 $out
          end
          i32.const 100
          local.set $r
          local.get $x
          i32.const 1000
          i32.add
          return
        end
        i32.const 200
        local.set $r
        br $out
      end
      i32.const 300
      local.set $r
      local.get $r
      local.get $x
      i32.add
      local.set $r
    end
    local.get $r
    i32.const 1
    i32.add)
  (func (export "carry") (param $x i32) (result i32)
    block (result i32)
      i32.const 10
      local.get $x
      i32.const 1
      i32.and
      br_if 0
      drop
      block (result i32)
        i32.const 20
        local.get $x
        i32.const 2
        i32.and
        br_if 1
        drop
        i32.const 30
      end
      i32.const 5
      i32.add
    end
    i32.const 1000
    i32.add)
  (func (export "table_value") (param $x i32) (result i64)
    block (result i64)
      block (result i64)
        block (result i64)
          i64.const 7
          local.get $x
          br_table 0 1 2 1
        end
        i64.const 100
        i64.add
        return
      end
      i64.const 200
      i64.add
    end
    i64.const 3
    i64.mul)
  (func (export "floats") (param $x f32) (result i32)
    (local $y f32)
    local.get $x
    local.get $x
    f32.sub
    f32.const 0
    f32.div
    local.set $y
    local.get $x
    f32.const 0
    f32.div
    f32.neg
    local.get $y
    f32.neg
    f32.add
    i32.reinterpret_f32
    local.get $y
    f32.neg
    i32.reinterpret_f32
    i32.xor)
  (func (export "calls") (param $n i32) (result i32)
    (local $acc i32)
    block $b
      loop $l
        local.get $n
        i32.eqz
        br_if $b
        local.get $acc
        call $inc
        i32.const 0
        call_indirect (type $t)
        local.set $acc
        global.get $g
        i32.const 1
        i32.add
        global.set $g
        local.get $n
        i32.const 1
        i32.sub
        local.set $n
        br $l
      end
    end
    local.get $acc
    global.get $g
    i32.add)
  (func (export "trap_inside") (param $x i32) (result i32)
    (local $y i32)
    i32.const 5
    local.set $y
    block
      local.get $y
      i32.const 2
      i32.add
      local.set $y
      i32.const 100
      local.get $x
      i32.div_u
      local.get $y
      i32.add
      local.set $y
    end
    local.get $y)
  (func (export "early_return") (param $x i32) (result i32)
    local.get $x
    i32.const 10
    i32.lt_u
    if
      local.get $x
      i32.const 2
      i32.mul
      return
    end
    local.get $x
    i32.const 20
    i32.lt_u
    if
      i32.const 77
      return
    end
    local.get $x
    i32.const 3
    i32.add)
  (func (export "dead_end") (param $x i32) (result i32)
    block (result i32)
      local.get $x
      i32.const 1
      i32.add
      br 0
      i32.const 5
      i32.add
    end
    unreachable)
  (func (export "stack_below") (param $x i32) (result i32)
    i32.const 1000
    block
      local.get $x
      i32.const 3
      i32.mul
      global.set $g
    end
    global.get $g
    i32.add)
)
