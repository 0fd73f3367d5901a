/**
 * The Node options the engine process runs with (`npm run engine`, `npm start`, the benchmarks'
 * engine process, `node <options> dist/engine/start.js`). V8 reads them only when the process
 * starts, so they are given on the command line; `test/engine/node-options.test.ts` keeps
 * package.json's scripts in step with this list.
 *
 * `--max-semi-space-size=8`: a young generation of 2 × 8 MB instead of Node 20's 2 × 16 MB. A
 * scavenge pause grows with what survives it, and the engine's live young objects are the answers
 * and records of requests in flight: with the smaller space the scavenges come twice as often but
 * each holds the event loop about half as long, and a job activation waits for whatever holds the
 * loop. `bench/engine.ts targets` prints the activation p99 and the longest GC pause per run.
 */
export const ENGINE_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=8'];
