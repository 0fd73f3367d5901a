import {
  FeelEvaluationError,
  checkExpressionSyntax,
  evaluateCondition,
  evaluateExpression,
  evaluateFeel,
  evaluateValue,
} from '../../engine/feel';

const now = new Date('2026-03-31T14:05:09.123Z');
const ev = (expression: string, variables: Record<string, unknown> = {}) =>
  evaluateExpression(expression, variables, { now });

describe('values come back as the JSON Zeebe stores', () => {
  test.each([
    ['1 + 2', 3],
    ['"a" + "b"', 'ab'],
    ['[1, 2][item > 1]', [2]],
    ['{total: 2 * 3, ok: true, none: null}', { total: 6, ok: true, none: null }],
    ['date("2026-03-31")', '2026-03-31'],
    ['date and time("2026-12-01T18:30:00+05:00")', '2026-12-01T18:30+05:00'], // java.time drops zero seconds
    ['date and time("2026-12-01T18:30:15.5Z")', '2026-12-01T18:30:15.500Z'],
    ['date and time("2026-12-01T18:30:00@Asia/Almaty")', '2026-12-01T18:30+05:00[Asia/Almaty]'],
    ['date and time("2026-12-01T18:30:00")', '2026-12-01T18:30'],
    ['time("10:15:00")', '10:15'],
    ['duration("P1D")', 'PT24H'],
    ['duration("PT90M")', 'PT1H30M'],
    ['duration("P14M")', 'P1Y2M'],
    ['date("2026-03-02") - date("2026-03-01")', 'PT24H'],
    ['{deadline: date("2026-01-31") + duration("P1M")}', { deadline: '2026-02-28' }],
    ['function(x) x', null], // functions cannot be stored
    ['[1..3]', null], // nor ranges
  ])('%s -> %j', (expression, expected) => {
    expect(ev(expression)).toEqual(expected);
  });

  test('JSON variables are visible with their nesting', () => {
    expect(ev('application.fee.amount * 2', { application: { fee: { amount: 50000 } } })).toBe(100000);
    expect(
      ev('docs[ok = true].id', {
        docs: [
          { id: 'a', ok: true },
          { id: 'b', ok: false },
        ],
      }),
    ).toEqual(['a']);
  });

  test('an ISO string variable stays a string, as in Zeebe', () => {
    expect(ev('deadline', { deadline: '2026-12-01T18:30:00+05:00' })).toBe('2026-12-01T18:30:00+05:00');
  });

  test('the text may be passed with its leading "="', () => {
    expect(ev('=x + 1', { x: 1 })).toBe(2);
  });
});

describe('missing variables are null, as in Zeebe, with a warning', () => {
  test.each([
    ['missing', null],
    ['missing.property', null],
    ['application.absent', null],
    ['application.fee.amount', null],
    ['missing + 1', null],
    ['missing = null', true],
  ])('%s -> %j', (expression, expected) => {
    expect(ev(expression, { application: { fee: null } })).toEqual(expected);
  });

  test('the warning names the variable', () => {
    expect(evaluateFeel('missing > 1', {}).warnings).toEqual([expect.stringContaining("'missing'")]);
  });
});

describe('Camunda built-in functions', () => {
  test.each([
    ['is defined(x)', {}, false],
    ['is defined(x)', { x: null }, false], // since 8.4, null counts as undefined
    ['is defined(x.y)', { x: {} }, false],
    ['is defined(x)', { x: 0 }, true],
    ['get or else(x, "prio-99")', {}, 'prio-99'],
    ['get or else(x, "prio-99")', { x: 'prio-1' }, 'prio-1'],
    ['get or else(value: null, default: 1)', {}, 1],
    ['is empty([])', {}, true],
    ['is empty([1])', {}, false],
    ['is empty("")', {}, true],
    ['is blank(" \\t")', {}, true],
    ['is blank(" a ")', {}, false],
    ['trim("  ТОО Алматы ")', {}, 'ТОО Алматы'],
    ['string join(["a", "b", "c"])', {}, 'abc'],
    ['string join(["a", null, "c"], ", ")', {}, 'a, c'],
    ['string join(["a", "b"], ", ", "[", "]")', {}, '[a, b]'],
    ['string join(["a", 1], ", ")', {}, null],
    ['last day of month(date("2028-02-10"))', {}, 29],
    ['last day of month(date and time("2026-04-10T10:00:00Z"))', {}, 30],
    ['day of week(date("2026-03-31"))', {}, 'Tuesday'],
    ['context put({a: 1}, "b", 2)', {}, { a: 1, b: 2 }],
    ['context put({a: {b: 1}}, ["a", "c"], 2)', {}, { a: { b: 1, c: 2 } }],
    ['context merge([{a: 1}, {a: 2, b: 3}])', {}, { a: 2, b: 3 }],
    ['get value({a: 1}, "a")', {}, 1],
    ['get value({a: {b: "x"}}, ["a", "b"])', {}, 'x'],
    ['get value({a: 1}, "z")', {}, null],
    ['partition([1, 2, 3, 4, 5], 2)', {}, [[1, 2], [3, 4], [5]]],
    ['partition([1, 2], 0)', {}, null],
    ['duplicate values([1, 2, 1, 3, 2, 1])', {}, [1, 2]],
    ['duplicate values([{a: 1}, {a: 1}, {a: 2}])', {}, [{ a: 1 }]],
    ['distinct values([1, 2, 1, 3])', {}, [1, 2, 3]],
    ['to base64("Сәлем")', {}, Buffer.from('Сәлем').toString('base64')],
    ['from json("{\\"a\\": [1, null]}")', {}, { a: [1, null] }],
    ['from json("not json")', {}, null],
    ['to json({a: date("2026-01-01"), b: [true]})', {}, '{"a":"2026-01-01","b":[true]}'],
    ['extract("KZ-2026-0042", "[0-9]+")', {}, ['2026', '0042']],
  ])('%s with %j -> %j', (expression, variables, expected) => {
    expect(ev(expression, variables)).toEqual(expected);
  });

  test('uuid() returns a fresh RFC 4122 identifier each time', () => {
    const a = ev('uuid()');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ev('uuid()')).not.toBe(a);
  });

  test('now() and today() read the engine clock, not the wall clock', () => {
    expect(ev('now()')).toBe('2026-03-31T14:05:09.123Z');
    expect(ev('today()')).toBe('2026-03-31');
    expect(ev('now() + duration("P1D")')).toBe('2026-04-01T14:05:09.123Z');
    expect(ev('today() + duration("P1D") > date("2026-03-31")')).toBe(true);
  });

  test('a clock pinned at midnight UTC still yields a date-time from now()', () => {
    expect(evaluateExpression('now()', {}, { now: new Date('2026-01-01T00:00:00Z') })).toBe(
      '2026-01-01T00:00Z',
    );
  });

  test('without an engine clock, now() falls back to the wall clock', () => {
    const before = Date.now();
    const value = new Date(evaluateExpression('now()', {}) as string).getTime();
    expect(value).toBeGreaterThanOrEqual(before - 1);
    expect(value).toBeLessThanOrEqual(Date.now() + 1);
  });

  test('a variable named like a function takes precedence when referenced', () => {
    expect(ev('today', { today: 'Monday' })).toBe('Monday');
  });

  test('assert() fails the evaluation, so Zeebe would raise an incident', () => {
    expect(ev('assert(x, x > 0)', { x: 5 })).toBe(5);
    expect(() => ev('assert(x, x > 0, "x must be positive")', { x: -1 })).toThrow(/x must be positive/);
  });
});

describe('evaluation errors', () => {
  test('a syntax error throws FeelEvaluationError with the expression, in Zeebe wording', () => {
    const attempt = () => ev('1 +');
    expect(attempt).toThrow(FeelEvaluationError);
    expect(attempt).toThrow(/^failed to evaluate expression '1 \+': /);
    try {
      attempt();
    } catch (err) {
      expect((err as FeelEvaluationError).expression).toBe('1 +');
    }
  });

  test('checkExpressionSyntax reports unparsable expressions without evaluating them', () => {
    expect(checkExpressionSyntax('=get or else(fee.amount, 0) > 100')).toBeUndefined();
    expect(checkExpressionSyntax('amount >')).toMatch(/failed to parse expression 'amount >'/);
  });
});

describe('evaluateValue: static value or expression', () => {
  test('a value starting with "=" is evaluated, anything else is the literal text', () => {
    expect(evaluateValue('=applicationNumber', { applicationNumber: 'KZ-1' })).toBe('KZ-1');
    expect(evaluateValue('check-licence-fee', { 'check-licence-fee': 1 })).toBe('check-licence-fee');
    expect(evaluateValue(undefined, {})).toBeUndefined();
  });
});

describe('evaluateCondition: sequence-flow conditions', () => {
  test.each([
    ['=fee.paid', true],
    ['fee.paid', true],
    ['= fee.amount >= 10000 and fee.paid', true],
    ['=fee.amount < 10000', false],
  ])('%s -> %s', (expression, expected) => {
    expect(evaluateCondition(expression, { fee: { paid: true, amount: 25000 } })).toBe(expected);
  });

  test.each([
    ['=missing', 'null'],
    ['=fee.amount', 'number 25000'],
    ['="yes"', 'string "yes"'],
  ])('a non-boolean result (%s) is an incident, not a skipped flow', (expression, found) => {
    const attempt = () => evaluateCondition(expression, { fee: { amount: 25000 } });
    expect(attempt).toThrow(FeelEvaluationError);
    expect(attempt).toThrow(`expected boolean but found ${found}`);
  });
});
