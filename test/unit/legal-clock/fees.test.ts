import {
  InvalidInputError,
  MciUnknownError,
  UnknownRequestKindError,
  createFeeSchedule,
  licenceFee,
  mciTableWith,
  parseMciRecord,
  shippedMciTable,
  type LicenceRequestKind,
} from '../../../domain/legal-clock';

describe('security licence fee at the MCI of the payment date', () => {
  test.each([
    ['issue', '2026-06-01', 6, 25950],
    ['reissue', '2026-06-01', 0.6, 2595],
    ['duplicate', '2026-06-01', 6, 25950],
    ['issue', '2025-12-31', 6, 23592],
    ['reissue', '2025-03-03', 0.6, 2359], // 2359.2 rounded to whole tenge
    ['issue', '2024-07-01', 6, 22152],
  ] as [LicenceRequestKind, string, number, number][])(
    'given a %s paid on %s, then the fee is %p MCI = %i tenge',
    (kind, paymentDate, mci, amount) => {
      expect(licenceFee(kind, paymentDate)).toEqual({ mci, amount });
    },
  );

  test('given a payment in 2027 whose MCI is not set yet (Order 923 licence List row 6: fee in MCI), then the fee is refused, not guessed, with a message saying to record it', () => {
    expect(Object.keys(shippedMciTable)).not.toContain('2027');
    expect(() => licenceFee('issue', '2027-01-04')).toThrow(MciUnknownError);
    expect(() => licenceFee('issue', '2027-01-04')).toThrow(
      'МРП на 2027 год не записан (дата платежа 2027-01-04): запишите его с правовым основанием',
    );
    expect(() => licenceFee('issue', '2027-01-04')).toThrow('2027 жылға АЕК тіркелмеген');
    expect(() => licenceFee('issue', '2023-12-29')).toThrow(MciUnknownError);
  });

  test('an operator record adds a year with its legal basis; a shipped year is not overwritten', () => {
    const record = parseMciRecord({
      year: 2027,
      mci: 4500,
      legalBasis: 'Закон РК «О республиканском бюджете на 2027–2029 годы»',
      author: 'operator-1',
    });
    const table = mciTableWith(shippedMciTable, [record, { ...record, year: 2026, mci: 1 }]);
    expect(table['2027']).toEqual({ mci: 4500, legalBasis: record.legalBasis });
    expect(table['2026'].mci).toBe(4325);
    expect(createFeeSchedule(table).licenceFee('issue', '2027-02-01')).toEqual({ mci: 6, amount: 27000 });
  });

  test('an MCI record without legal basis, or with a value that is not whole positive tenge, is refused', () => {
    const ok = { year: 2027, mci: 4500, legalBasis: 'Закон о бюджете', author: 'operator-1' };
    expect(() => parseMciRecord({ ...ok, legalBasis: '' })).toThrow(/legalBasis/);
    expect(() => parseMciRecord({ ...ok, mci: 4500.5 })).toThrow(/mci/);
    expect(() => parseMciRecord({ ...ok, mci: -1 })).toThrow(/mci/);
    expect(() => parseMciRecord({ ...ok, year: '2027' })).toThrow(/year/);
  });

  test('given the 2027 MCI added as data, then the 2027 fee is computed', () => {
    const schedule = createFeeSchedule({ '2027': { mci: 4500, legalBasis: 'budget law 2027-2029' } });
    expect(schedule.licenceFee('issue', '2027-02-01')).toEqual({ mci: 6, amount: 27000 });
  });

  test('given an unknown kind or a bad date, then a typed error is thrown', () => {
    expect(() => licenceFee('renewal' as LicenceRequestKind, '2026-01-01')).toThrow(UnknownRequestKindError);
    expect(() => licenceFee('issue', '2026-02-30')).toThrow(InvalidInputError);
    expect(() => licenceFee('issue', '01.02.2026')).toThrow(InvalidInputError);
  });
});
