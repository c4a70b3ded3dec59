;; Declares 600 initial pages (over a 32 MiB limit = 512 pages).
(module
  (memory (export "memory") 600)
  (func (export "interface_version_8"))
  (func (export "allocate") (param i32) (result i32) (i32.const 0))
  (func (export "deallocate") (param i32))
)
