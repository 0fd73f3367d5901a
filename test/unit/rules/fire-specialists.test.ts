import fc from 'fast-check';
import {
  checkFireSpecialists,
  FIRE_SPECIALTIES,
  DEFAULT_FIRE_SPECIALISTS_CONFIG,
  type FireSpecialistsInput,
} from '../../../domain/rules/fire-specialists';

const IIN1 = '900101300011';
const IIN2 = '900101300022';

function application(over: Partial<FireSpecialistsInput> = {}): FireSpecialistsInput {
  return {
    registeredOn: '2026-08-03',
    specialists: [
      { iin: IIN1, electricalClearanceGroup: 3 },
      { iin: IIN2, electricalClearanceGroup: 4 },
    ],
    education: [
      { iin: IIN1, level: 'higher', specialtyName: 'Fire safety' },
      { iin: IIN2, level: 'technical-vocational', specialtyName: 'электроснабжение' },
    ],
    employment: [
      { iin: IIN1, relevantExperienceYears: 3 },
      { iin: IIN2, relevantExperienceYears: 5 },
    ],
    measuringInstruments: [{ name: 'Insulation tester', serialNumber: 'M-1', verifiedUntil: '2027-01-01' }],
    ...over,
  };
}

describe('service A: qualified specialists (Order 372 as amended by 138, Annex 2 row 10 item 2)', () => {
  test('given two specialists meeting the thresholds exactly and a verified instrument, the check passes with no grounds', () => {
    const r = checkFireSpecialists(application());
    expect(r).toMatchObject({ passed: true, grounds: [], qualifiedCount: 2, verifiedInstrumentCount: 1 });
  });

  test('clearance group II disqualifies a specialist, and with one left the check fails citing ground 2', () => {
    const r = checkFireSpecialists(
      application({
        specialists: [
          { iin: IIN1, electricalClearanceGroup: 2 },
          { iin: IIN2, electricalClearanceGroup: 4 },
        ],
      }),
    );
    expect(r.passed).toBe(false);
    expect(r.qualifiedCount).toBe(1);
    expect(r.grounds.every((g) => g.code === 'A02_PERMIT_REQUIREMENTS')).toBe(true);
    expect(r.grounds.some((g) => g.textRu.includes(IIN1) && g.textRu.includes('ниже III'))).toBe(true);
  });

  test('higher education needs 3 years of experience: 2.9 years is not enough', () => {
    const r = checkFireSpecialists(
      application({
        employment: [
          { iin: IIN1, relevantExperienceYears: 2.9 },
          { iin: IIN2, relevantExperienceYears: 5 },
        ],
      }),
    );
    expect(r.specialists.find((s) => s.iin === IIN1)?.qualified).toBe(false);
    expect(r.passed).toBe(false);
  });

  test('technical and vocational education needs 5 years: 4 years is not enough', () => {
    const r = checkFireSpecialists(
      application({
        employment: [
          { iin: IIN1, relevantExperienceYears: 3 },
          { iin: IIN2, relevantExperienceYears: 4 },
        ],
      }),
    );
    expect(r.specialists.find((s) => s.iin === IIN2)?.qualified).toBe(false);
  });

  test('experience from several employers adds up', () => {
    const r = checkFireSpecialists(
      application({
        employment: [
          { iin: IIN1, relevantExperienceYears: 1 },
          { iin: IIN1, relevantExperienceYears: 2 },
          { iin: IIN2, relevantExperienceYears: 5 },
        ],
      }),
    );
    expect(r.passed).toBe(true);
  });

  test('a specialty outside the list does not qualify, whatever the experience', () => {
    const r = checkFireSpecialists(
      application({
        education: [
          { iin: IIN1, level: 'higher', specialtyName: 'Jurisprudence' },
          { iin: IIN2, level: 'higher', specialtyName: 'Mechatronics' },
        ],
        employment: [
          { iin: IIN1, relevantExperienceYears: 20 },
          { iin: IIN2, relevantExperienceYears: 3 },
        ],
      }),
    );
    expect(r.specialists.map((s) => s.qualified)).toEqual([false, true]);
  });

  test('Order 138 Annex 2 row 10 item 2: radio engineering, electronics and telecommunications qualifies with technical-vocational education (5 years) as with higher (3 years)', () => {
    const radio = 'радиотехника, электроника и телекоммуникации';
    const input = application({
      education: [
        { iin: IIN1, level: 'higher', specialtyName: radio },
        {
          iin: IIN2,
          level: 'technical-vocational',
          specialtyName: 'радиотехника, электроника және телекоммуникациялар',
        },
      ],
      employment: [
        { iin: IIN1, relevantExperienceYears: 3 },
        { iin: IIN2, relevantExperienceYears: 5 },
      ],
    });
    const r = checkFireSpecialists(input);
    expect(r.specialists.map((s) => s.qualified)).toEqual([true, true]);
    expect(r.passed).toBe(true);
    // The vocational threshold still applies: 4 years is not enough.
    const short = application({
      education: input.education,
      employment: [
        { iin: IIN1, relevantExperienceYears: 3 },
        { iin: IIN2, relevantExperienceYears: 4 },
      ],
    });
    expect(checkFireSpecialists(short).specialists.map((s) => s.qualified)).toEqual([true, false]);
  });

  test('specialty names match in Kazakh, Russian or English, ignoring case and quotes', () => {
    const r = checkFireSpecialists(
      application({
        education: [
          { iin: IIN1, level: 'higher', specialtyName: '«Өрт қауіпсіздігі»' },
          { iin: IIN2, level: 'higher', specialtyName: 'POWER SUPPLY' },
        ],
        employment: [
          { iin: IIN1, relevantExperienceYears: 3 },
          { iin: IIN2, relevantExperienceYears: 3 },
        ],
      }),
    );
    expect(r.passed).toBe(true);
  });

  test('a registry qualifier in brackets does not change the specialty: «Электроснабжение (по отраслям)» is power supply', () => {
    const r = checkFireSpecialists(
      application({
        education: [
          { iin: IIN1, level: 'higher', specialtyName: 'Fire safety' },
          { iin: IIN2, level: 'technical-vocational', specialtyName: 'Электроснабжение (по отраслям)' },
        ],
      }),
    );
    expect(r.passed).toBe(true);
  });

  test('the minimum number of specialists is configurable ([config], default 2)', () => {
    const one = application({ specialists: [{ iin: IIN1, electricalClearanceGroup: 3 }] });
    expect(checkFireSpecialists(one).passed).toBe(false);
    expect(
      checkFireSpecialists(one, { ...DEFAULT_FIRE_SPECIALISTS_CONFIG, minimumSpecialists: 1 }).passed,
    ).toBe(true);
  });

  test('the same specialist listed twice counts once', () => {
    const r = checkFireSpecialists(
      application({
        specialists: [
          { iin: IIN1, electricalClearanceGroup: 3 },
          { iin: IIN1, electricalClearanceGroup: 3 },
        ],
      }),
    );
    expect(r.qualifiedCount).toBe(1);
    expect(r.passed).toBe(false);
  });

  test('an instrument whose verification expired before registration does not count (row 10 item 5)', () => {
    const r = checkFireSpecialists(
      application({ measuringInstruments: [{ name: 'Tester', verifiedUntil: '2026-08-02' }] }),
    );
    expect(r.passed).toBe(false);
    expect(r.grounds.some((g) => g.textRu.includes('поверенных средств измерений 0'))).toBe(true);
    expect(
      checkFireSpecialists(
        application({ measuringInstruments: [{ name: 'Tester', verifiedUntil: '2026-08-03' }] }),
      ).passed,
    ).toBe(true);
  });

  test('the list holds the sixteen specialties of Order 138 Annex 2 row 10 item 2, the same for both education levels', () => {
    expect(FIRE_SPECIALTIES).toHaveLength(16);
    expect(FIRE_SPECIALTIES.map((s) => s.key)).toContain('radio-engineering');
  });

  test('property: the check passes exactly when at least the minimum of specialists qualify and an instrument is verified', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            group: fc.integer({ min: 1, max: 5 }),
            years: fc.integer({ min: 0, max: 10 }),
            higher: fc.boolean(),
          }),
          { maxLength: 5 },
        ),
        (people) => {
          const specialists = people.map((p, i) => ({
            iin: `9001013000${String(i).padStart(2, '0')}`,
            electricalClearanceGroup: p.group,
          }));
          const r = checkFireSpecialists(
            application({
              specialists,
              education: specialists.map((s, i) => ({
                iin: s.iin,
                level: people[i].higher ? ('higher' as const) : ('technical-vocational' as const),
                specialtyName: 'software',
              })),
              employment: specialists.map((s, i) => ({
                iin: s.iin,
                relevantExperienceYears: people[i].years,
              })),
            }),
          );
          const expected = people.filter((p) => p.group >= 3 && p.years >= (p.higher ? 3 : 5)).length;
          expect(r.qualifiedCount).toBe(expected);
          expect(r.passed).toBe(expected >= 2);
          expect(r.passed).toBe(r.grounds.length === 0);
        },
      ),
    );
  });
});
