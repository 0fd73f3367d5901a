/**
 * The case summary the decision forms show (domain/case-summary.ts): grounds the application and
 * the checks recorded, working days left on the legal clock, readable rows with no code or ISO time.
 */
import { documentsFrom } from '../../domain/applications/status';
import { caseSummary, recordedGrounds } from '../../domain/case-summary';
import { defaultLegalClock } from '../../domain/legal-clock';
import { finding } from '../../domain/rules/refusal-grounds';
import { fixtures } from '../../simulators';

const at = (iso: string) => ({ now: new Date(iso), clock: defaultLegalClock });

describe('recorded refusal grounds', () => {
  test('Order 138 Annex 2 row 11 item 5 and Order 923 List row 9 item 12: no consent to restricted personal data is a ground of each service', () => {
    expect(
      recordedGrounds({ serviceId: 'fire-automation-permit', consentToRestrictedData: false }).map(
        (g) => g.code,
      ),
    ).toEqual(['A05_NO_CONSENT_PERSONAL_DATA']);
    expect(
      recordedGrounds({ serviceId: 'security-licence', consentToRestrictedData: false }).map((g) => g.code),
    ).toEqual(['B12_NO_CONSENT_PERSONAL_DATA']);
    expect(recordedGrounds({ serviceId: 'security-licence', consentToRestrictedData: true })).toEqual([]);
  });

  test('Order 923 List row 9: the security check’s grounds are recorded once each; another service’s code is not', () => {
    const grounds = recordedGrounds({
      serviceId: 'security-licence',
      consentToRestrictedData: true,
      securityRequirementsCheck: {
        passed: false,
        grounds: [
          finding('B13_SECURITY_LAW_NON_COMPLIANCE', { kk: 'көлік жоқ', ru: 'нет транспорта' }),
          finding('B13_SECURITY_LAW_NON_COMPLIANCE'),
          finding('A02_PERMIT_REQUIREMENTS'),
        ],
      },
    });
    expect(grounds.map((g) => g.code)).toEqual(['B13_SECURITY_LAW_NON_COMPLIANCE']);
  });
});

describe('the summary', () => {
  test('working days left count on the legal clock: 9 March 2026 (the 8 March holiday moved) is not a working day', () => {
    const s = caseSummary(
      { serviceId: 'fire-automation-permit', deadlineStudy: '2026-03-10T18:30:00+05:00' },
      at('2026-03-06T10:00:00+05:00'),
    );
    // Friday 6 March (counts, before 18:30) and Tuesday 10 March; Monday 9 March is a day off.
    expect(s.displayDeadlines).toEqual([
      {
        step: 'Құжаттарды зерделеу / Изучение документов',
        due: '10.03.2026 18:30',
        left: '2 жұмыс күні / рабочих дней',
      },
    ]);
  });

  test('a passed term says so with the working days since; no ISO time, code or JSON in any row', () => {
    const s = caseSummary(
      {
        serviceId: 'security-licence',
        requestKind: 'issue',
        subType: 1,
        registeredOn: '2026-03-02',
        applicant: { name: 'ТОО «Қорған Күзет»', bin: fixtures.licence.approved.bin },
        consentToRestrictedData: false,
        deadlineCompleteness: '2026-03-03T18:30:00+05:00',
        refusalGrounds: ['B03_FEE_NOT_PAID'],
        feeCheck: { paid: false },
        checkLicenceFeeAt: '2026-03-02T05:00:00.000Z',
        signatureRemarks: 'Бас тарту негіздерінде төлем күні көрсетілмеген.',
        resultDocument: { kind: 'refusal', documents: [{ lang: 'kk', documentId: 'doc-kk' }] },
      },
      { ...at('2026-03-05T12:00:00+05:00'), documentsBaseUrl: 'https://permits.example.kz/api/documents/' },
    );
    expect(s.displayDeadlines[0].left).toBe('мерзімі өтті / срок истёк (2 ж.к. / р.д. бұрын / назад)');
    expect(s.displayApplicant).toBe(
      `ТОО «Қорған Күзет» · БСН/ЖСН / БИН/ИИН ${fixtures.licence.approved.bin.slice(0, 4)}******${fixtures.licence.approved.bin.slice(-2)}`,
    );
    expect(s.displayChecks).toContainEqual({
      check: 'Лицензиялық алым / Лицензионный сбор',
      result: 'ТӨЛЕНБЕГЕН / НЕ ОПЛАЧЕН',
      source: '«Электрондық үкімет» төлем шлюзі / Платёжный шлюз «электронного правительства»',
      answeredAt: '02.03.2026 10:00',
    });
    expect(s.displayRemarks[0].text).toBe('Бас тарту негіздерінде төлем күні көрсетілмеген.');
    expect(s.displayPreviews).toEqual([
      {
        documentId: 'doc-kk',
        endpoint: 'https://permits.example.kz/api/documents/doc-kk',
        metadata: {
          fileName: 'Дәлелді бас тарту / Мотивированный отказ (қазақша / на казахском).pdf',
          contentType: 'application/pdf',
        },
      },
    ]);
    expect(s.recordedGroundCodes).toEqual(['B12_NO_CONSENT_PERSONAL_DATA']);
    const shown = JSON.stringify({
      ...s,
      displayPreviews: [],
      displayDocumentLinks: '',
      recordedGroundCodes: [],
    });
    expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}|B\d\d_|_[A-Z]{3,}/);
  });
});

test('the worklist lists a document under its own variable, never under the forms’ preview list', () => {
  const refs = documentsFrom({
    displayPreviews: [
      {
        documentId: 'doc-1',
        endpoint: 'https://x/doc-1',
        metadata: { fileName: 'a.pdf', contentType: 'application/pdf' },
      },
    ],
    hearingRecordDocument: { kind: 'hearing-record', documentId: 'doc-1' },
  });
  expect(refs).toEqual([expect.objectContaining({ variable: 'hearingRecordDocument', documentId: 'doc-1' })]);
});
