import { ceilings, referenceTaskMs, watchMachine } from '../../bench/machine';

/**
 * The benches' machine figures (bench/machine.ts): the bystander reports how long its loop was held
 * while it only waited, and the reference task does a fixed piece of work.
 */
describe('machine figures in the benches', () => {
  test('given a bystander held for 120 ms, when it stops, then it reports a hold of at least that and one over 10 ms', async () => {
    const watch = watchMachine();
    await new Promise((r) => setTimeout(r, 20));
    const until = performance.now() + 120;
    while (performance.now() < until);
    await new Promise((r) => setTimeout(r, 20));
    const held = watch.stop();
    expect(held.max).toBeGreaterThanOrEqual(100);
    expect(held.over10ms).toBeGreaterThanOrEqual(1);
  });

  test('the reference task takes a measurable time', () => {
    const ms = referenceTaskMs();
    expect(ms).toBeGreaterThan(1);
    expect(Number.isFinite(ms)).toBe(true);
  });
});

describe('process ceilings in the REST benchmark', () => {
  test("given each process's CPU per instance, each ceiling is what one core allows and the lowest bounds the rate", () => {
    const c = ceilings({ engine: 0.8, 'SDK process': 1.25 });
    expect(c.perSecond).toEqual({ engine: 1250, 'SDK process': 800 });
    expect(c.bound).toBe('SDK process');
    expect(ceilings({ engine: 2, 'SDK process': 1 }).bound).toBe('engine');
  });
});
