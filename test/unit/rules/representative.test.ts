import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateExpression } from '../../../engine/feel';
import { powerOfAttorneyProblems, validateApplication } from '../../../domain/applications/schemas';
import { factsFromVariables } from '../../../domain/documents';
import { makeBin, makeIin } from '../../../domain/identifiers';

// Order 923, Rules for the national company's security organisation, List row 8 lead-in: the
// service recipient or its representative acting under a power of attorney (сенімхат) applies.
const representative = {
  fullName: 'Әбенова Дана Серікқызы',
  iin: makeIin('1991-11-03', 'female', 4120),
  powerOfAttorney: {
    number: 'СН-2026-015',
    issuedOn: '2026-04-01',
    validFrom: '2026-04-01',
    validUntil: '2026-12-31',
  },
};

function approval(extra: Record<string, unknown> = {}) {
  return {
    serviceId: 'national-company-security-approval',
    applicationNumber: 'NCA-2026-000401',
    applicant: {
      bin: makeBin('2008-02', 'resident-legal-entity', 9120),
      name: 'АҚ «Ұлттық Тасымал»',
      headFullName: 'Жанатов Ерболат Маратұлы',
      headIin: makeIin('1970-05-20', 'male', 812),
      location: 'Астана қ., Қонаев к-сі, 10',
    },
    consentToRestrictedData: true,
    objects: [{ name: 'Депо', location: 'Астана қ., Депо к-сі, 2' }],
    antimonopolyConsentRef: 'АМ-2026/114',
    representative,
    ...extra,
  };
}

describe('service D: a representative under a power of attorney (Order 923, national-company List row 8 lead-in)', () => {
  test('is valid on each day from validFrom to validUntil inclusive, and only then', () => {
    const v = validateApplication(approval());
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(powerOfAttorneyProblems(v.value, '2026-04-01')).toEqual([]);
    expect(powerOfAttorneyProblems(v.value, '2026-12-31')).toEqual([]);
    expect(powerOfAttorneyProblems(v.value, '2027-01-01')[0].path).toBe(
      'representative.powerOfAttorney.validUntil',
    );
    expect(powerOfAttorneyProblems(v.value, '2026-03-31')[0].path).toBe(
      'representative.powerOfAttorney.validFrom',
    );
  });

  test('who and which document must be given: a power of attorney without number is refused naming the field', () => {
    const v = validateApplication(
      approval({
        representative: {
          ...representative,
          powerOfAttorney: { ...representative.powerOfAttorney, number: '' },
        },
      }),
    );
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors.map((e) => e.path)).toEqual(['representative.powerOfAttorney.number']);
  });

  test('the representative reaches the document facts unchanged', () => {
    expect(factsFromVariables({ representative }).representative).toEqual(representative);
  });

  test('the completeness and study forms show the clerk who represents the company and under which power of attorney', () => {
    for (const name of ['completeness-check', 'compliance-study-national-company-security-approval']) {
      const form = JSON.parse(readFileSync(path.join(__dirname, '../../../forms', `${name}.form`), 'utf8'));
      const field = form.components.find((c: { key?: string }) => c.key === 'viewRepresentative');
      expect(field).toBeDefined();
      // In the form's language (our worklist's `formLanguage`), both with none (Camunda Tasklist); days as dd.MM.yyyy.
      const shown = (formLanguage?: string) =>
        evaluateExpression(field.expression.slice(1), {
          representative,
          ...(formLanguage ? { formLanguage } : {}),
        });
      expect(shown('kk')).toBe(
        `Әбенова Дана Серікқызы (ЖСН ${representative.iin}), сенімхат № СН-2026-015 · 01.04.2026 · 01.04.2026 – 31.12.2026`,
      );
      expect(shown('ru')).toBe(
        `Әбенова Дана Серікқызы (ИИН ${representative.iin}), доверенность № СН-2026-015 · 01.04.2026 · 01.04.2026 – 31.12.2026`,
      );
      expect(shown()).toBe(
        `Әбенова Дана Серікқызы (ЖСН / ИИН ${representative.iin}), сенімхат / доверенность № СН-2026-015 · 01.04.2026 · 01.04.2026 – 31.12.2026`,
      );
      expect(evaluateExpression(field.conditional.hide.slice(1), { representative })).toBe(false);
      expect(evaluateExpression(field.conditional.hide.slice(1), {})).toBe(true);
    }
  });
});
