import { evaluateFeel, FeelEvaluationError } from '../../engine/feel';

/**
 * An expression of literals and operators (`="mia-head"`, `=true` in output mappings, half the
 * mappings of the diagrams) has one answer whenever nothing in the context can change its parse:
 * feelin is asked once and the answer kept with the expression.
 */

const feelinEvaluate = jest.fn();
jest.mock('@bpmn-io/feelin', () => {
  const actual = jest.requireActual<typeof import('@bpmn-io/feelin')>('@bpmn-io/feelin');
  return {
    ...actual,
    evaluate: (...args: Parameters<typeof actual.evaluate>) => {
      feelinEvaluate(args[0]);
      return actual.evaluate(...args);
    },
  };
});

const calls = (text: string) => feelinEvaluate.mock.calls.filter(([t]) => t === text).length;

describe('expressions of literals', () => {
  test('are evaluated by feelin once, then answered the same from the cache', () => {
    const answers = [1, 2, 3].map(() => evaluateFeel('="mia-head"', { applicationNumber: 'KZ-1' }));
    expect(answers).toEqual([1, 2, 3].map(() => ({ value: 'mia-head', warnings: [] })));
    expect(calls('"mia-head"')).toBe(1);
    expect([evaluateFeel('1 + 2 * 3', {}), evaluateFeel('1 + 2 * 3', {})].map((r) => r.value)).toEqual([
      7, 7,
    ]);
    expect(calls('1 + 2 * 3')).toBe(1);
  });

  test('keep their warnings, and a caller changing them does not change the next answer', () => {
    const first = evaluateFeel('1 + "a"', {});
    expect(first).toEqual({ value: null, warnings: [`Can't add '"a"' to '1'`] });
    first.warnings.push('changed');
    expect(evaluateFeel('1 + "a"', {})).toEqual({ value: null, warnings: [`Can't add '"a"' to '1'`] });
  });

  test('a name in the context can still change the answer: `true` is a variable when there is one', () => {
    expect(evaluateFeel('true', {}).value).toBe(true);
    expect(evaluateFeel('true', {}).value).toBe(true);
    expect(evaluateFeel('true', { true: 5 }).value).toBe(5);
    expect(evaluateFeel('true', { truth: 1 }).value).toBe(true); // `truth` cannot occur in `true`
  });

  test('lists are not kept: a caller changing one does not change the next answer', () => {
    const list = evaluateFeel('[1, 2]', {}).value as number[];
    list.push(3);
    expect(evaluateFeel('[1, 2]', {}).value).toEqual([1, 2]);
  });

  test('names and function calls are asked of feelin every time', () => {
    for (let i = 0; i < 3; i++) evaluateFeel('string(1 + 1)', {});
    for (let i = 0; i < 3; i++) expect(evaluateFeel('x + 1', { y: 1 }).value).toBeNull();
    expect(calls('string(1 + 1)')).toBe(3);
    expect(calls('x + 1')).toBe(3);
  });

  test('the output size limit still applies to a kept answer, every time', () => {
    const text = `"${'я'.repeat(100)}"`;
    expect(evaluateFeel(text, {}).value).toHaveLength(100);
    for (let i = 0; i < 2; i++)
      expect(() => evaluateFeel(text, {}, { maxOutputBytes: 50 })).toThrow(
        new FeelEvaluationError(text, 'the result is 202 bytes, more than the limit of 50 bytes'),
      );
  });
});
