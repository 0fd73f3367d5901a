import { evaluateFeel, FeelEvaluationError, matchesUnaryTests } from '../../engine/feel';
import { answerCache, purityCache } from '../../engine/feel/answers';

/**
 * feelin parses an expression on every call, and a condition (`documentsComplete = true`) or a
 * decision rule (`< 18`) is asked again and again with the same few values: the answer is kept by
 * the expression and the exact values of the names it can refer to, when it is a pure function of
 * them (JSON scalars in and out, no function call).
 */

const feelinCalls: string[] = [];
const parseCalls: string[] = [];
jest.mock('@bpmn-io/feelin', () => {
  const actual = jest.requireActual<typeof import('@bpmn-io/feelin')>('@bpmn-io/feelin');
  return {
    ...actual,
    evaluate: (...args: Parameters<typeof actual.evaluate>) => {
      feelinCalls.push(args[0]);
      return actual.evaluate(...args);
    },
    parseExpression: (...args: Parameters<typeof actual.parseExpression>) => {
      parseCalls.push(args[0]);
      return actual.parseExpression(...args);
    },
    unaryTest: (...args: Parameters<typeof actual.unaryTest>) => {
      feelinCalls.push(args[0]);
      return actual.unaryTest(...args);
    },
  };
});

const calls = (text: string) => feelinCalls.filter((t) => t === text).length;

describe('answers kept by expression and values', () => {
  test('a literal is evaluated by feelin once, then answered the same', () => {
    const answers = [1, 2, 3].map(() => evaluateFeel('="mia-head"', { applicationNumber: 'KZ-1' }));
    expect(answers).toEqual([1, 2, 3].map(() => ({ value: 'mia-head', warnings: [] })));
    expect(calls('"mia-head"')).toBe(1);
  });

  test('a condition is asked of feelin once per set of values of the names it refers to', () => {
    const text = 'documentsComplete = true and n > 2';
    const answers = [1, 2, 3, 4].map((i) =>
      evaluateFeel(text, { documentsComplete: true, n: 3, applicationNumber: `KZ-${i}` }),
    );
    expect(answers.map((a) => a.value)).toEqual([true, true, true, true]);
    expect(calls(text)).toBe(1); // `applicationNumber` cannot occur in the text: not part of the key
    expect(evaluateFeel(text, { documentsComplete: false, n: 3 }).value).toBe(false);
    expect(evaluateFeel(text, { documentsComplete: true, n: 1 }).value).toBe(false);
    const fresh = jest.requireActual<typeof import('@bpmn-io/feelin')>('@bpmn-io/feelin');
    const withText = { documentsComplete: true, n: 'три' };
    expect(evaluateFeel(text, withText).value).toBe(fresh.evaluate(text, withText).value);
    expect(evaluateFeel(text, { documentsComplete: true, n: 3 }).value).toBe(true);
    expect(calls(text)).toBe(4);
  });

  test('whether an expression is pure is worked out once per expression and set of names', () => {
    const text = 'if resultKind = "permit" then deadlineResult else null';
    const due = [1, 2, 3, 4, 5].map((d) => `2026-04-0${d}T18:30:00+05:00`);
    const answers = due.map((d) => evaluateFeel(text, { resultKind: 'permit', deadlineResult: d }).value);
    expect(answers).toEqual(due);
    expect(calls(text)).toBe(5); // a new date each time: asked of feelin each time...
    expect(parseCalls.filter((t) => t === text).length).toBeLessThanOrEqual(2); // ...checked once
  });

  test('values that look alike as text are told apart', () => {
    expect(evaluateFeel('a = 1', { a: 1 }).value).toBe(true);
    expect(evaluateFeel('a = 1', { a: '1' }).value).toBeNull();
    expect(evaluateFeel('a = "x\\",\\"b"', { a: 'x","b' }).value).toBe(true);
    expect(evaluateFeel('a = "x\\",\\"b"', { a: 'x', b: 'b' }).value).toBe(false);
    expect(evaluateFeel('a = 1', { a: 1 }).value).toBe(true);
  });

  test('keeps warnings, and a caller changing them does not change the next answer', () => {
    const first = evaluateFeel('1 + x', { x: 'a' });
    expect(first).toEqual({ value: null, warnings: [`Can't add '"a"' to '1'`] });
    first.warnings.push('changed');
    expect(evaluateFeel('1 + x', { x: 'a' })).toEqual({ value: null, warnings: [`Can't add '"a"' to '1'`] });
  });

  test('a name in the context changes the key: `true` is a variable when there is one', () => {
    expect(evaluateFeel('true', {}).value).toBe(true);
    expect(evaluateFeel('true', {}).value).toBe(true);
    expect(evaluateFeel('true', { true: 5 }).value).toBe(5);
    expect(evaluateFeel('true', { truth: 1 }).value).toBe(true); // `truth` cannot occur in `true`
  });

  test('lists, contexts and dates are not kept: in or out, they are asked of feelin every time', () => {
    const list = evaluateFeel('[1, x]', { x: 2 }).value as number[];
    list.push(3);
    expect(evaluateFeel('[1, x]', { x: 2 }).value).toEqual([1, 2]);
    for (let i = 0; i < 2; i++) evaluateFeel('fee.amount > 1', { fee: { amount: 2 } });
    expect(calls('fee.amount > 1')).toBe(2);
    for (let i = 0; i < 2; i++) evaluateFeel('x = -0', { x: -0 });
    expect(calls('x = -0')).toBe(2);
  });

  test('function calls are asked of feelin every time (now(), uuid(), random number())', () => {
    const ids = [1, 2].map(() => evaluateFeel('uuid()', {}).value);
    expect(ids[0]).not.toBe(ids[1]);
    for (let i = 0; i < 3; i++) evaluateFeel('abs(x - 5)', { x: 1 });
    expect(calls('abs(x - 5)')).toBe(3);
    const nows = [0, 60_000].map(
      (ms) => evaluateFeel('string(now())', {}, { now: new Date(Date.UTC(2026, 0, 1) + ms) }).value,
    );
    expect(nows[0]).not.toBe(nows[1]);
  });

  test('a syntax error is reported each time and never kept', () => {
    for (let i = 0; i < 2; i++)
      expect(() => evaluateFeel('x >', { x: 1 })).toThrow(
        new FeelEvaluationError('x >', 'Incomplete <Comparison> at position 3'),
      );
    expect(calls('x >')).toBe(2);
  });

  test('the output size limit still applies to a kept answer, every time', () => {
    const text = `"${'я'.repeat(100)}"`;
    expect(evaluateFeel(text, {}).value).toHaveLength(100);
    for (let i = 0; i < 2; i++)
      expect(() => evaluateFeel(text, {}, { maxOutputBytes: 50 })).toThrow(
        new FeelEvaluationError(text, 'the result is 202 bytes, more than the limit of 50 bytes'),
      );
  });

  test('DMN unary tests: one feelin call per rule and input value', () => {
    const matches = [10, 10, 10, 20, 10].map((age) =>
      matchesUnaryTests('< maxAge', age, { maxAge: 18, other: 1 }),
    );
    expect(matches).toEqual([true, true, true, false, true]);
    expect(calls('< maxAge')).toBe(2);
    expect(matchesUnaryTests('< maxAge', 10, { maxAge: 5 })).toBe(false);
    expect(calls('< maxAge')).toBe(3);
  });

  test('is bounded in entries and total key length', () => {
    for (let i = 0; i < answerCache.maxEntries + 100; i++) evaluateFeel('x + 1', { x: i });
    expect(answerCache.size.entries).toBeLessThanOrEqual(answerCache.maxEntries);
    const long = 'y'.repeat(answerCache.maxChars / 4);
    for (let i = 0; i < 6; i++) evaluateFeel('x', { x: `${i}${long}`, y: 1 }); // `x` alone is a path: no feelin
    for (let i = 0; i < 6; i++) evaluateFeel('x + ""', { x: `${i}${long}` });
    expect(answerCache.size.chars).toBeLessThanOrEqual(answerCache.maxChars);
    // A short text and value can make a long answer: its length counts too.
    const repeated = Array.from({ length: 20 }, () => 'x').join(' + ');
    for (let i = 0; i < 100; i++) evaluateFeel(repeated, { x: `${i}${'z'.repeat(20_000)}` });
    expect(answerCache.size.chars).toBeLessThanOrEqual(answerCache.maxChars);
    // Each answer holds 20 × 20,000 characters: the budget has room for two of them.
    expect(answerCache.size.entries).toBeLessThanOrEqual(Math.floor(answerCache.maxChars / 400_000));
    for (let i = 0; i < purityCache.maxEntries + 100; i++) evaluateFeel(`x + ${i}`, { x: 1 });
    expect(purityCache.size.entries).toBeLessThanOrEqual(purityCache.maxEntries);
    expect(purityCache.size.chars).toBeLessThanOrEqual(purityCache.maxChars);
  });
});
