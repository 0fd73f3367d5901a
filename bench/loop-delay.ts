import fs from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/**
 * Preloaded into the engine process by the benchmarks (`--import ./bench/loop-delay.ts`): how long
 * the event loop was held (a job activation waits for whatever holds it) and how long garbage
 * collection paused it, printed as one `loop-delay {...}` line on exit.
 */
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const gc = { count: 0, totalMs: 0, maxMs: 0, over10ms: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.count++;
    gc.totalMs += e.duration;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
    if (e.duration > 10) gc.over10ms++;
  }
}).observe({ entryTypes: ['gc'] });

const ms = (ns: number) => Math.round(ns / 1e4) / 100;
/**
 * SIGUSR2 (sent by the bench once the engine says it is ready) starts the figures afresh: loading the
 * running state and compiling the modules hold the loop before anything is served, and that start is
 * reported apart (`startupMax`) instead of as the longest stall of the run.
 */
let startupMax: number | undefined;
process.on('SIGUSR2', () => {
  startupMax = ms(delay.max);
  delay.reset();
  Object.assign(gc, { count: 0, totalMs: 0, maxMs: 0, over10ms: 0 });
});
process.on('exit', () => {
  delay.disable();
  const figures = {
    startupMax,
    p50: ms(delay.percentile(50)),
    p99: ms(delay.percentile(99)),
    max: ms(delay.max),
    gcCount: gc.count,
    gcTotalMs: Math.round(gc.totalMs),
    gcMaxMs: Math.round(gc.maxMs * 10) / 10,
    gcOver10ms: gc.over10ms,
  };
  fs.writeSync(1, `loop-delay ${JSON.stringify(figures)}\n`);
});
