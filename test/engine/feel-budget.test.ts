import { evaluateFeel, isBounded } from '../../engine/feel';

/**
 * The FEEL time budget (ENGINE_FEEL_TIMEOUT_MS) runs an evaluation under a watchdog thread, which
 * costs more than a simple condition. Only expressions that cannot run away skip it.
 */
describe('which FEEL expressions skip the time budget', () => {
  test.each([
    'approved = true and n > 2',
    'fee.amount + 10',
    'if count(items) > 0 then "ok" else "none"',
    'string length(name) < 300 and not(is defined(x))',
    'date and time("2026-01-01T00:00:00")',
  ])('bounded: %s', (e) => expect(isBounded(e)).toBe(true));

  test.each([
    'count(for i in 1..50000000 return i)',
    'some x in items satisfies x > 1',
    'items[item > 1]',
    '(function(x) x)(1)',
    'matches(name, "(a+)+b")',
    'replace(name, "a", "b")',
    'add working days(d, 5)',
    'x in [1..100000000]',
    'a +',
  ])('runs under the budget: %s', (e) => expect(isBounded(e)).toBe(false));

  test('a runaway loop is still interrupted at the limit', () => {
    const started = Date.now();
    expect(() => evaluateFeel('=count(for i in 1..50000000 return i)', {}, { timeoutMs: 200 })).toThrow(
      /took longer than the limit of 200 ms/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
