package io.wasm08.node.cli;

/**
 * A {@code wasm08} subcommand contributed by a module above the node — found with {@link
 * java.util.ServiceLoader} when that module's jar is on the classpath, so the node never depends on
 * it (spec-tests contributes {@code conformance}; docs/architecture.md). Implementations are
 * picocli {@code @Command} classes with a public no-argument constructor, listed in {@code
 * META-INF/services/io.wasm08.node.cli.ContributedCommand}.
 */
public interface ContributedCommand {}
