import fc from 'fast-check';
import {
  checkDigit,
  isValidBin,
  isValidIin,
  makeBin,
  makeIin,
  maskIin,
  parseBin,
  parseIin,
  type BinDivision,
  type BinEntityType,
  type Sex,
} from '../../domain/identifiers';

const birthDates = fc
  .date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const sexes = fc.constantFrom<Sex>('male', 'female');
const entityTypes = fc.constantFrom<BinEntityType>(
  'resident-legal-entity',
  'non-resident-legal-entity',
  'joint-entrepreneurship',
);
const divisions = fc.constantFrom<BinDivision>('head-office', 'branch', 'representative-office', 'other');
const yearMonths = fc
  .tuple(fc.integer({ min: 1950, max: 2049 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

describe('check digit', () => {
  test('is the weighted sum with weights 1..11 modulo 11', () => {
    // 9·1 + 5·2 + 0·3 + 1·4 + 1·5 + 5·6 + 3·7 + 0·8 + 0·9 + 4·10 + 1·11 = 130; 130 mod 11 = 9
    expect(checkDigit('95011530041')).toBe(9);
    expect(isValidIin('950115300419')).toBe(true);
  });

  test('uses the second weights 3..11,1,2 when the first pass gives 10', () => {
    // first pass: 1·10 = 10; second pass: 1·1 = 1
    expect(checkDigit('00000000010')).toBe(1);
  });

  test('has no valid digit when both passes give 10', () => {
    // first: 2·9 + 8·10 + 1·11 = 109 ≡ 10; second: 2·11 + 8·1 + 1·2 = 32 ≡ 10
    expect(checkDigit('00000000281')).toBeNull();
  });
});

describe('IIN', () => {
  test('decodes birth date and sex from the first seven digits', () => {
    expect(parseIin('950115300419')).toEqual({
      ok: true,
      iin: '950115300419',
      birthDate: '1995-01-15',
      sex: 'male',
      serial: 41,
    });
    const girl2003 = makeIin('2003-07-30', 'female', 12);
    expect(girl2003.slice(0, 7)).toBe('0307306');
    expect(parseIin(girl2003)).toMatchObject({ ok: true, birthDate: '2003-07-30', sex: 'female' });
  });

  test('says which part of an invalid IIN is wrong', () => {
    expect(parseIin('95011530041')).toEqual({ ok: false, problem: 'format' });
    expect(parseIin('95011530041a')).toEqual({ ok: false, problem: 'format' });
    expect(parseIin('950115700419')).toEqual({ ok: false, problem: 'century' });
    expect(parseIin('950230300419')).toEqual({ ok: false, problem: 'date' });
    expect(parseIin('950115300418')).toEqual({ ok: false, problem: 'checksum' });
  });

  test('generated IINs are valid and decode back to what was asked', () => {
    fc.assert(
      fc.property(birthDates, sexes, fc.integer({ min: 0, max: 9999 }), (birthDate, sex, serial) => {
        const iin = makeIin(birthDate, sex, serial);
        expect(parseIin(iin)).toMatchObject({ ok: true, birthDate, sex });
      }),
    );
  });

  test('any other last digit than the check digit is rejected', () => {
    fc.assert(
      fc.property(
        birthDates,
        sexes,
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 9 }),
        (birthDate, sex, serial, delta) => {
          const iin = makeIin(birthDate, sex, serial);
          const changed = iin.slice(0, 11) + ((Number(iin[11]) + delta) % 10);
          expect(parseIin(changed)).toEqual({ ok: false, problem: 'checksum' });
        },
      ),
    );
  });

  test('refuses to generate impossible birth dates', () => {
    expect(() => makeIin('2023-02-29', 'male', 1)).toThrow(RangeError);
    expect(() => makeIin('1799-12-31', 'male', 1)).toThrow(RangeError);
    expect(() => makeIin('1990-01-01', 'male', 10000)).toThrow(RangeError);
  });
});

describe('BIN', () => {
  test('decodes registration month, entity type and division', () => {
    const bin = makeBin('2019-03', 'resident-legal-entity', 4521);
    expect(bin.slice(0, 11)).toBe('19034004521');
    expect(parseBin(bin)).toEqual({
      ok: true,
      bin,
      registeredYearMonth: '2019-03',
      entityType: 'resident-legal-entity',
      division: 'head-office',
      serial: 4521,
    });
    expect(parseBin(makeBin('1998-11', 'non-resident-legal-entity', 7, 'branch'))).toMatchObject({
      registeredYearMonth: '1998-11',
      entityType: 'non-resident-legal-entity',
      division: 'branch',
    });
  });

  test('says which part of an invalid BIN is wrong', () => {
    const bin = makeBin('2019-03', 'resident-legal-entity', 4521);
    expect(parseBin(bin.slice(1))).toEqual({ ok: false, problem: 'format' });
    expect(parseBin('191340004521')).toEqual({ ok: false, problem: 'date' });
    expect(parseBin('190370004521')).toEqual({ ok: false, problem: 'entity-type' });
    expect(parseBin('190348004521')).toEqual({ ok: false, problem: 'division' });
    expect(parseBin(bin.slice(0, 11) + ((Number(bin[11]) + 1) % 10))).toEqual({
      ok: false,
      problem: 'checksum',
    });
  });

  test('generated BINs are valid and decode back to what was asked', () => {
    fc.assert(
      fc.property(
        yearMonths,
        entityTypes,
        divisions,
        fc.integer({ min: 0, max: 99999 }),
        (ym, type, division, serial) => {
          const bin = makeBin(ym, type, serial, division);
          expect(parseBin(bin)).toMatchObject({
            ok: true,
            registeredYearMonth: ym,
            entityType: type,
            division,
          });
          expect(isValidBin(bin)).toBe(true);
        },
      ),
    );
  });

  test('an IIN is not a BIN and the other way round', () => {
    expect(isValidBin('950115300419')).toBe(false); // 5th digit 1 is no entity type
    expect(isValidIin(makeBin('2019-03', 'resident-legal-entity', 4521))).toBe(false); // 7th digit 0 is no century
  });
});

test('masked IINs keep only the first four and last two digits', () => {
  expect(maskIin('950115300419')).toBe('9501******19');
  fc.assert(
    fc.property(birthDates, sexes, fc.integer({ min: 0, max: 9999 }), (birthDate, sex, serial) => {
      const iin = makeIin(birthDate, sex, serial);
      const masked = maskIin(iin);
      expect(masked).toHaveLength(12);
      expect(masked.slice(4, 10)).toBe('******');
    }),
  );
});
