;; No exported memory: instantiation must fail with "Could not get memory 'memory'".
(module
  (memory 1)
  (func (export "interface_version_8"))
  (func (export "allocate") (param i32) (result i32) (i32.const 0))
  (func (export "deallocate") (param i32))
)
