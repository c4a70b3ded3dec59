package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.HostApi;
import io.wasm08.wasm.vm.KvRecord;
import io.wasm08.wasm.vm.Order;
import io.wasm08.wasm.vm.Querier;
import io.wasm08.wasm.vm.Storage;
import io.wasm08.wasm.vm.VmException;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Instances of one compiled module for one engine configuration, each call getting a pristine one
 * without re-running instantiation.
 *
 * <p>wasmvm instantiates the module for every call. Here the first call instantiates a template
 * once and keeps a {@link MemorySnapshot} of its memory and the values of its globals; instances
 * are then built on {@link SnapshotMemory} (no data segment copying; pages are copied only when
 * written) and, after each call, <em>reset</em> — written pages dropped, grown pages forgotten,
 * every global restored — and pooled for the next call. A reset instance is the state a fresh
 * instantiation produces: memory, memory size, globals (including the metering and call-depth
 * globals, set again by {@link Environment#bind}) and the host-side environment are restored, and
 * {@link ReuseAnalysis} admits only modules whose calls cannot change anything else (tables,
 * segments). Results and gas are therefore identical to a fresh instance per call; {@code
 * InstanceReuseDifferentialTest} checks that over thousands of calls on both engines.
 *
 * <p>An instance is not reused after a trap when part of the module runs in Chicory's interpreter,
 * whose value and frame stacks a trap can leave behind; compiled code keeps no state of its own.
 * Modules that do not qualify get a fresh instance per call.
 */
final class InstancePool {
  /** Idle instances kept per module and configuration (more are built when calls overlap). */
  static final int MAX_IDLE = 4;

  private final CompiledModule module;
  private final InstanceConfig config;
  private final boolean reuseAfterTrap;
  private final ConcurrentLinkedDeque<Lease> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger acquisitions = new AtomicInteger();

  /** Null until the first call; {@link Template#NONE} when the module does not qualify. */
  private volatile Template template;

  InstancePool(CompiledModule module, InstanceConfig config) {
    this.module = module;
    this.config = config;
    this.reuseAfterTrap =
        module.mode() == ExecutionMode.COMPILER && module.interpretedFunctions().isEmpty();
  }

  /** An instance in use by one call. */
  static final class Lease {
    private final InstancePool pool;
    private final VmInstance instance;
    private final SnapshotMemory memory;
    private final GlobalInstance[] globals;

    private Lease(
        InstancePool pool, VmInstance instance, SnapshotMemory memory, GlobalInstance[] globals) {
      this.pool = pool;
      this.instance = instance;
      this.memory = memory;
      this.globals = globals;
    }

    InstancePool pool() {
      return pool;
    }

    VmInstance instance() {
      return instance;
    }

    boolean pooled() {
      return memory != null;
    }

    /** Memory pages the call has written so far (copied from the snapshot); 0 when not pooled. */
    int pagesWritten() {
      return memory == null ? 0 : memory.pagesWritten();
    }
  }

  /** Memory and globals right after instantiation. */
  private static final class Template {
    static final Template NONE = new Template(null, null, null);

    final MemorySnapshot memory;
    final long[] globalsLow;
    final long[] globalsHigh;

    Template(MemorySnapshot memory, long[] globalsLow, long[] globalsHigh) {
      this.memory = memory;
      this.globalsLow = globalsLow;
      this.globalsHigh = globalsHigh;
    }
  }

  /**
   * A pristine instance bound to {@code call}. Instantiation errors are {@link VmException}s.
   *
   * <p>The first call of a module gets a plain fresh instance: a module loaded for one call (a
   * disk-tier hit with no memory cache, a miss) never pays for a template; the template is built on
   * the second call.
   */
  Lease acquire(CallContext call) {
    Lease lease = idle.pollFirst();
    if (lease != null) {
      idleCount.decrementAndGet();
      lease.instance.environment().bind(call);
      return lease;
    }
    Template t = acquisitions.getAndIncrement() == 0 ? Template.NONE : template();
    if (t == Template.NONE) {
      return new Lease(
          this, VmInstance.build(module, call, config, ByteArrayMemory::new), null, null);
    }
    VmInstance instance = VmInstance.build(module, call, config, SnapshotMemory.factory(t.memory));
    created.incrementAndGet();
    Instance chicory = instance.environment().instance();
    GlobalInstance[] globals = new GlobalInstance[t.globalsLow.length];
    for (int i = 0; i < globals.length; i++) {
      globals[i] = chicory.global(i);
    }
    return new Lease(this, instance, (SnapshotMemory) chicory.memory(0), globals);
  }

  /**
   * Ends {@code lease}'s call: resets and pools the instance, or drops it when it must not be
   * reused ({@code trapped} with interpreter code, or not poolable at all).
   *
   * @param trapped the call ended with an exception (a trap, a host error, out of gas)
   */
  void release(Lease lease, boolean trapped) {
    lease.instance.environment().unbind();
    if (!lease.pooled() || (trapped && !reuseAfterTrap)) {
      return;
    }
    Template t = template;
    lease.memory.reset();
    for (int i = 0; i < lease.globals.length; i++) {
      lease.globals[i].setValueLow(t.globalsLow[i]);
      lease.globals[i].setValueHigh(t.globalsHigh[i]);
    }
    if (idleCount.incrementAndGet() <= MAX_IDLE) {
      idle.push(lease);
    } else {
      idleCount.decrementAndGet();
    }
  }

  /** Instances built on the snapshot so far (pool misses). */
  int instancesCreated() {
    return created.get();
  }

  private Template template() {
    Template t = template;
    if (t == null) {
      synchronized (this) {
        t = template;
        if (t == null) {
          t = createTemplate();
          template = t;
        }
      }
    }
    return t;
  }

  private Template createTemplate() {
    if (!module.resettable()) {
      return Template.NONE;
    }
    Environment env = new Environment(module, UNBOUND, config.gasConfig(), config.crypto());
    Instance instance;
    try {
      instance =
          VmInstance.instantiate(module, Imports.forEnvironment(env), config, ByteArrayMemory::new);
    } catch (VmException e) {
      // A module that cannot be instantiated fails each call the way a fresh instance does.
      return Template.NONE;
    }
    int globalCount = instance.globalCount();
    long[] low = new long[globalCount];
    long[] high = new long[globalCount];
    for (int i = 0; i < globalCount; i++) {
      low[i] = instance.global(i).getValueLow();
      high[i] = instance.global(i).getValueHigh();
    }
    MemorySnapshot memory = MemorySnapshot.of(instance.memory(0));
    try {
      env.attach(instance); // the export checks every call makes
    } catch (VmException e) {
      return Template.NONE;
    }
    return new Template(memory, low, high);
  }

  /** The template's backend: instantiation of a reusable module runs no code, so never called. */
  private static final CallContext UNBOUND =
      new CallContext(new UnboundStorage(), new UnboundApi(), new UnboundQuerier(), 0);

  private static IllegalStateException unbound() {
    return new IllegalStateException("a template instance has no backend");
  }

  private static final class UnboundStorage implements Storage {
    @Override
    public BackendResult<Optional<Bytes>> get(Bytes key) {
      throw unbound();
    }

    @Override
    public BackendResult<Integer> scan(Bytes start, Bytes end, Order order) {
      throw unbound();
    }

    @Override
    public BackendResult<Optional<KvRecord>> next(int iteratorId) {
      throw unbound();
    }

    @Override
    public BackendResult<Void> set(Bytes key, Bytes value) {
      throw unbound();
    }

    @Override
    public BackendResult<Void> remove(Bytes key) {
      throw unbound();
    }
  }

  private static final class UnboundApi implements HostApi {
    @Override
    public BackendResult<Bytes> addrCanonicalize(String human) {
      throw unbound();
    }

    @Override
    public BackendResult<String> addrHumanize(Bytes canonical) {
      throw unbound();
    }

    @Override
    public BackendResult<Void> addrValidate(String human) {
      throw unbound();
    }
  }

  private static final class UnboundQuerier implements Querier {
    @Override
    public BackendResult<Bytes> queryRaw(Bytes request, long gasLimit) {
      throw unbound();
    }
  }
}
