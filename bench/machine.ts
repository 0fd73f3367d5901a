import { createHash } from 'node:crypto';
import { quantile } from './stats';

/**
 * What the machine itself did while a benchmark ran. The cores here are virtual and shared: the
 * same code ran at 574 and 1,070 instances/s on the same day, its CPU per instance nearly doubling.
 * These figures, printed beside the engine's, tell a slow machine from a slow engine.
 */

/**
 * Milliseconds for a fixed piece of CPU work (sorting, JSON and hashing, 66–120 ms on this
 * machine's cores), the median of three: a machine that runs it slower runs everything slower, the engine
 * included. Compare it between runs of the same benchmark, not with another machine.
 */
export function referenceTaskMs(): number {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let seed = 42;
    const numbers = Array.from({ length: 100_000 }, () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31));
    numbers.sort((a, b) => a - b);
    const doc = numbers
      .slice(0, 20_000)
      .map((n) => ({ key: String(n), state: n % 2 ? 'ACTIVE' : 'COMPLETED' }));
    const text = JSON.stringify(doc);
    const back = JSON.parse(text) as { key: string }[];
    const hash = createHash('sha256');
    for (let i = 0; i < 40; i++) hash.update(text);
    if (hash.digest('hex').length !== 64 || back.length !== doc.length)
      throw new Error('reference task failed');
    times.push(performance.now() - started);
  }
  return quantile(times, 0.5);
}

/** How long a bystander's timer was held while it waited: what the machine did to an idle process. */
export interface MachineHolds {
  /** The longest a 5 ms timer fired late (ms). */
  max: number;
  /** How many times it fired more than 10 ms late. */
  over10ms: number;
}

/**
 * Watches this process's event loop while it only waits (for benchmark processes it started): a
 * 5 ms timer that fires late was held by the machine (the cores taken by others, or the virtual
 * machine not running), not by anything this process did. A run whose job activations were slow
 * while the bystander was held too was slowed by the machine.
 */
export function watchMachine(): { stop(): MachineHolds } {
  const everyMs = 5;
  let expected = performance.now() + everyMs;
  const holds: MachineHolds = { max: 0, over10ms: 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - expected;
    if (late > holds.max) holds.max = late;
    if (late > 10) holds.over10ms++;
    expected = now + everyMs;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { max: Math.round(holds.max * 10) / 10, over10ms: holds.over10ms };
    },
  };
}

/** What bounds a pipeline of processes, each on its own core: the one whose core fills first. */
export interface Bound {
  /** Per process: the most instances per second its core allows, 1,000 / its CPU ms per instance. */
  perSecond: Record<string, number>;
  /** The process with the lowest ceiling. */
  bound: string;
}

/**
 * The rate each process's CPU allows on one core of its own (a process with its own event loop
 * runs on one core, whatever else the machine has). The REST run's processes each work on every
 * instance, so the lowest of these bounds the rate however fast the others are.
 */
export function ceilings(cpuMsPerInstance: Record<string, number>): Bound {
  const perSecond: Record<string, number> = {};
  let bound = '';
  for (const [name, ms] of Object.entries(cpuMsPerInstance)) {
    perSecond[name] = Math.round(1000 / ms);
    if (!bound || perSecond[name] < perSecond[bound]) bound = name;
  }
  return { perSecond, bound };
}
