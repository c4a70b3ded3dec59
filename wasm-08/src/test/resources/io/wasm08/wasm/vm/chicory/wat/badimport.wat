;; db_read imported with the wrong signature: a link error at instantiation.
(module
  (import "env" "db_read" (func (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "interface_version_8"))
  (func (export "allocate") (param i32) (result i32) (i32.const 0))
  (func (export "deallocate") (param i32))
)
