/**
 * The Tendermint light client as tendermint-rs defines it: the {@link
 * io.wasm08.relayer.light.LightVerifier} (a pure function: one untrusted block against a trusted
 * state at a given time), {@link io.wasm08.relayer.light.LightClient} (sequential and skipping
 * verification with bisection over a provider) and {@link io.wasm08.relayer.light.Supervisor}
 * (cross-checking with witnesses to detect forks and light-client attacks).
 */
package io.wasm08.relayer.light;
