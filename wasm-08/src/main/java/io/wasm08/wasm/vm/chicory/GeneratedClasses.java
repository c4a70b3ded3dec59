package io.wasm08.wasm.vm.chicory;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Defines a compiled module's generated classes from their bytes, each on first use.
 *
 * <p>Chicory's own cache loader defines and initializes every class up front, which runs the JVM
 * verifier over all of them (for ics07 a 3.5 MB class: most of the reload time). Defining lazily
 * moves that work to the first call that needs a class; the bytes were integrity-checked when the
 * artifact was read, and the verifier still runs on every class the JVM links.
 */
final class GeneratedClasses extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> pending;

  private GeneratedClasses(Map<String, byte[]> classes) {
    super(Machine.class.getClassLoader());
    this.pending = new HashMap<>(classes);
  }

  /** The machine factory of {@code artifact}'s main class; other classes load on demand. */
  static Function<Instance, Machine> machineFactory(CompiledArtifact artifact) {
    GeneratedClasses loader = new GeneratedClasses(artifact.classes());
    try {
      Class<? extends Machine> main =
          Class.forName(artifact.mainClass(), false, loader).asSubclass(Machine.class);
      MethodHandle constructor =
          MethodHandles.publicLookup()
              .findConstructor(main, MethodType.methodType(void.class, Instance.class));
      @SuppressWarnings("unchecked")
      Function<Instance, Machine> factory =
          MethodHandleProxies.asInterfaceInstance(Function.class, constructor);
      return factory;
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new ChicoryException(e);
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        byte[] bytes;
        synchronized (pending) {
          bytes = pending.remove(name);
        }
        c =
            bytes != null
                ? defineClass(name, bytes, 0, bytes.length)
                : super.loadClass(name, false);
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }
}
