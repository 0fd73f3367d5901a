import fc from 'fast-check';
import { evaluate, parseExpression, parseUnaryTests, unaryTest } from '@bpmn-io/feelin';
import { evaluateFeel, isBounded, matchesUnaryTests, toJsonValue } from '../../engine/feel';
import { extensionFunctions } from '../../engine/feel/builtins';
import { BoundedCache } from '../../engine/feel/cache';
import {
  evaluationContext,
  expressionInfo,
  expressionInfoCache,
  mayStartName,
  nameLead,
} from '../../engine/feel/context';

/**
 * The engine hands feelin only the context entries an expression can refer to, and keeps what it
 * works out per expression in a bounded cache. FEEL parsing is context sensitive (`x-y` is one
 * name when the context has it, a subtraction otherwise), so every answer must be the one feelin
 * gives with the whole context, as the engine called it before.
 */

const NOW = new Date('2026-03-30T12:00:00Z');

type Outcome = { value: unknown; warnings: string[] } | { error: string };

/** What feelin answers with the whole context: the extension functions shadowed by the variables. */
function withWholeContext(text: string, variables: Record<string, unknown>): Outcome {
  try {
    const r = evaluate(text, { ...extensionFunctions(NOW), ...variables });
    return { value: toJsonValue(r.value), warnings: r.warnings.map((w) => w.message) };
  } catch (err) {
    const e = err as { message: string; position?: { from: number } };
    return { error: `${e.message}${e.position ? ` at position ${e.position.from}` : ''}` };
  }
}

function byEngine(text: string, variables: Record<string, unknown>): Outcome {
  try {
    return evaluateFeel(text, variables, { now: NOW });
  } catch (err) {
    return { error: (err as Error).message.replace(`failed to evaluate expression '${text}': `, '') };
  }
}

const tree = (text: string, context: Record<string, unknown>): string =>
  parseExpression(text, context, undefined).toString();

describe('the context handed to feelin', () => {
  test('keeps only the entries whose names can occur in the expression', () => {
    const context = evaluationContext(
      'checked = true and is defined(fee)',
      { checked: true, fee: 1, applicant: { name: 'x' }, total: 3, d: 4, e: 5 },
      NOW,
    );
    // Kept, to be safe: `is blank` and `is empty` start like `is defined`, `d` starts `defined`.
    // `e` occurs only inside words, where no name can start.
    expect(Object.keys(context).sort()).toEqual([
      'checked',
      'd',
      'fee',
      'is blank',
      'is defined',
      'is empty',
    ]);
  });

  test('does not read variables the expression cannot refer to', () => {
    const read: string[] = [];
    const variables = { checked: true };
    Object.defineProperty(variables, 'applicant', {
      enumerable: true,
      get: () => {
        read.push('applicant');
        return { name: 'x' };
      },
    });
    expect(evaluateFeel('checked = true', variables).value).toBe(true);
    expect(read).toEqual([]);
  });

  test('a name is kept by the text up to its first space or operator character', () => {
    expect(nameLead('is defined')).toBe('is');
    expect(nameLead('x-y')).toBe('x');
    expect(nameLead("  o'k")).toBe('o');
    expect(nameLead('-x')).toBe('');
    expect(nameLead('fee')).toBe('fee');
    expect(mayStartName('ministers = 1', 'is')).toBe(false);
    expect(mayStartName('ministers = is', 'is')).toBe(true);
    expect(mayStartName('x.is', 'is')).toBe(true);
    expect(mayStartName('2is', 'is')).toBe(true);
    expect(mayStartName('a', '')).toBe(true);
  });
});

describe('one expression, two contexts that parse it differently', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['x-y', { 'x-y': 10, x: 5, y: 1 }, { x: 5, y: 1 }],
    ['x - y * 2', { 'x - y': 10, x: 5, y: 1 }, { x: 5, y: 1 }],
    ['x/y', { 'x/y': 10, x: 4, y: 2 }, { x: 4, y: 2 }],
    ['a and b', { 'a and b': 1, a: true, b: false }, { a: true, b: false }],
    ['fee.net-amount', { fee: { 'net-amount': 7 } }, { fee: { net: 9 }, amount: 2 }],
    ["o'k", { "o'k": 1 }, { o: 1, k: 2 }],
    ['if then', { 'if then': 1 }, {}],
  ];

  test.each(cases)('%s: each context gets its own parse, again and again', (text, first, second) => {
    const full = (v: Record<string, unknown>) => ({ ...extensionFunctions(NOW), ...v });
    // The two contexts really parse the text differently...
    expect(tree(text, full(first))).not.toBe(tree(text, full(second)));
    // ...the cut-down context parses it as the whole one does...
    for (const v of [first, second])
      expect(tree(text, evaluationContext(text, v, NOW))).toBe(tree(text, full(v)));
    // ...and answers alternate with the context, whatever was evaluated before.
    for (const v of [first, second, first, second])
      expect(byEngine(text, v)).toEqual(withWholeContext(text, v));
  });
});

describe('answers equal feelin with the whole context (generated expressions and contexts)', () => {
  // Names with spaces and operator characters, spelt with varying spaces, and extension functions.
  const NAMES = [
    'a',
    'b',
    'ab',
    'a b',
    'a  b',
    'a-b',
    'a - b',
    'a+b',
    "o'k",
    'a b c',
    'x.y',
    'is defined',
    'get or else',
    'is',
    'get',
    'count',
    'trim',
    ' a',
  ];
  const value = fc.oneof(
    fc.integer({ min: -5, max: 5 }),
    fc.boolean(),
    fc.constantFrom('s', 'a b', ''),
    fc.constant(null),
    fc.record({ b: fc.integer({ min: 0, max: 3 }), 'b c': fc.integer({ min: 0, max: 3 }) }),
    fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
  );
  const variables = fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: 6 });
  const name = fc.constantFrom(...NAMES.map((n) => n.trim()), 'a  b', 'a -b', 'x .y', 'a b.b c', 'a.b');
  const term = fc.oneof(
    name,
    fc.constantFrom('1', '"a b"', 'null', 'true'),
    name.map((n) => `is defined(${n})`),
    name.map((n) => `get or else(${n}, 0)`),
    name.map((n) => `count([${n}])`),
    name.map((n) => `trim(${n})`),
    name.map((n) => `if ${n} then 1 else 2`),
  );
  // '' and ' ' set names side by side: `a` + `b` gives the name `ab`, `a b` or an error.
  const operator = fc.constantFrom('+', '-', '*', '=', '!=', '<', ' and ', ' or ', '', ' ', '.');
  const spacing = fc.constantFrom('', ' ', '  ');
  const expression = fc
    .tuple(term, fc.array(fc.tuple(spacing, operator, spacing, term), { maxLength: 3 }))
    .map(([head, rest]) => head + rest.map(([s1, op, s2, t]) => `${s1}${op}${s2}${t}`).join(''));

  test('expressions: same parse tree and same value, warnings or error', () => {
    fc.assert(
      fc.property(expression, variables, (text, vars) => {
        const context = evaluationContext(text, vars, NOW);
        expect(tree(text, context)).toBe(tree(text, { ...extensionFunctions(NOW), ...vars }));
        expect(byEngine(text, vars)).toEqual(withWholeContext(text, vars));
      }),
      { numRuns: 600, seed: 20260330 },
    );
  });

  test('with scalar values, the names alone shape the parse (kept answers rely on it)', () => {
    const scalar = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.boolean(),
      fc.constantFrom('s', 'a b', ''),
      fc.constant(null),
    );
    const scalars = fc.dictionary(fc.constantFrom(...NAMES), scalar, { maxKeys: 6 });
    fc.assert(
      fc.property(expression, scalars, (text, vars) => {
        const other = Object.fromEntries(Object.keys(vars).map((k) => [k, 0]));
        expect(tree(text, evaluationContext(text, vars, NOW))).toBe(
          tree(text, evaluationContext(text, other, NOW)),
        );
      }),
      { numRuns: 300, seed: 20260330 },
    );
  });

  test('DMN unary tests: same parse tree and same match', () => {
    const tests = fc.oneof(
      name.map((n) => `< ${n}`),
      name,
      name.map((n) => `[${n}..10]`),
      name.map((n) => `not(${n})`),
      name.map((n) => `? > ${n}`),
      fc.constant('"a b", 1'),
    );
    const input = fc.oneof(fc.integer({ min: -5, max: 12 }), fc.constantFrom('a b', 's', null));
    fc.assert(
      fc.property(tests, input, variables, (text, given, vars) => {
        const whole = { ...extensionFunctions(NOW), ...vars, '?': given };
        const cut = { ...evaluationContext(text, vars, NOW), '?': given };
        expect(parseUnaryTests(text, cut, undefined).toString()).toBe(
          parseUnaryTests(text, whole, undefined).toString(),
        );
        let expected: boolean | string;
        try {
          expected = unaryTest(text, whole).value === true;
        } catch (err) {
          expected = (err as Error).message;
        }
        let actual: boolean | string;
        try {
          actual = matchesUnaryTests(text, given, vars, { now: NOW });
        } catch (err) {
          actual = (err as Error).message;
        }
        if (typeof expected === 'string') expect(actual).toContain(expected);
        else expect(actual).toBe(expected);
      }),
      { numRuns: 300, seed: 20260330 },
    );
  });
});

describe('parse errors', () => {
  test('a syntax error is reported the same way each time, as feelin reports it', () => {
    const reference = withWholeContext('amount >', { amount: 1 });
    expect(reference).toHaveProperty('error');
    for (let i = 0; i < 3; i++) expect(byEngine('amount >', { amount: 1 })).toEqual(reference);
    for (let i = 0; i < 3; i++) expect(isBounded('amount >')).toBe(false);
  });

  test('a text that is an error under one context and not under another', () => {
    // `o'k` is a name with the first context and a stray quote (an error) with the second.
    expect(byEngine("o'k", { "o'k": 3 })).toEqual({ value: 3, warnings: [] });
    const error = byEngine("o'k", { o: 3, k: 4 });
    expect(error).toHaveProperty('error');
    expect(error).toEqual(withWholeContext("o'k", { o: 3, k: 4 }));
    expect(byEngine("o'k", { "o'k": 3 })).toEqual({ value: 3, warnings: [] });
  });
});

describe('the per-expression cache is bounded', () => {
  test('in entries and in total key length, dropping the least recently used', () => {
    const cache = new BoundedCache<number>(3, 10);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1); // `a` is now the most recently used
    cache.set('d', 4);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 3, chars: 3 });
    cache.set('eeeeeeee', 5); // 8 characters: 11 in all, so the oldest (`c`) makes room
    expect(cache.size).toEqual({ entries: 3, chars: 10 });
    expect([cache.get('c'), cache.get('a'), cache.get('d'), cache.get('eeeeeeee')]).toEqual([
      undefined,
      1,
      4,
      5,
    ]);
    cache.set('x'.repeat(11), 6); // longer than the whole budget: not kept, nothing evicted
    expect(cache.size).toEqual({ entries: 3, chars: 10 });
    cache.set('f', 7, 8); // the value's own text counts: 9 characters, so the other three go
    expect(cache.size).toEqual({ entries: 1, chars: 9 });
    expect([cache.get('eeeeeeee'), cache.get('a'), cache.get('f')]).toEqual([undefined, undefined, 7]);
  });

  test('hostile diagrams cannot grow it without limit', () => {
    const { maxEntries, maxChars } = expressionInfoCache;
    for (let i = 0; i < maxEntries + 500; i++) evaluateFeel(`${i} + x`, { x: 1 });
    expect(expressionInfoCache.size.entries).toBeLessThanOrEqual(maxEntries);
    const long = `x + ${'1 + '.repeat(maxChars / 8)}1`;
    expect(long.length).toBeGreaterThan(maxChars / 2);
    for (let i = 0; i < 3; i++) expressionInfo(`${i} + ${long}`);
    expect(expressionInfoCache.size.chars).toBeLessThanOrEqual(maxChars);
    expect(expressionInfoCache.size.entries).toBeLessThanOrEqual(maxEntries);
  });
});
