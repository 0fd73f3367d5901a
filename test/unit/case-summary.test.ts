/**
 * The case summary the decision forms show (domain/case-summary.ts): grounds the application and
 * the checks recorded, working days left on the legal clock, readable rows with no code or ISO time.
 */
import { documentsFrom } from '../../domain/applications/status';
import { caseSummary, recordedGrounds, type CaseDisplay } from '../../domain/case-summary';
import { defaultLegalClock } from '../../domain/legal-clock';
import { finding } from '../../domain/rules/refusal-grounds';
import { fixtures } from '../../simulators';
import { ALLOWED_LATIN, latinLeft } from '../support/language';

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
    expect(s.displayKk.deadlines).toEqual([
      { step: 'Құжаттарды зерделеу', due: '10.03.2026 18:30', left: '2 жұмыс күні' },
    ]);
    expect(s.displayRu.deadlines).toEqual([
      { step: 'Изучение документов', due: '10.03.2026 18:30', left: 'рабочих дней: 2' },
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
    expect(s.displayKk.deadlines[0].left).toBe('мерзімі өтті (2 жұмыс күні бұрын)');
    expect(s.displayRu.deadlines[0].left).toBe('срок истёк (рабочих дней назад: 2)');
    const bin = fixtures.licence.approved.bin;
    const maskedBin = `${bin.slice(0, 4)}******${bin.slice(-2)}`;
    expect(s.displayKk.applicant).toBe(`ТОО «Қорған Күзет» · БСН/ЖСН ${maskedBin}`);
    expect(s.displayRu.applicant).toBe(`ТОО «Қорған Күзет» · БИН/ИИН ${maskedBin}`);
    expect(s.displayKk.request).toBe(
      'Күзет қызметімен айналысу құқығына лицензия беру · лицензия беру · 1-кіші түр: орталықтандырылған күзет пульті бар күзет ұйымы · тіркелген күні 02.03.2026',
    );
    expect(s.displayKk.checks).toContainEqual({
      check: 'Лицензиялық алым',
      result: 'ТӨЛЕНБЕГЕН',
      source: '«Электрондық үкімет» төлем шлюзі',
      answeredAt: '02.03.2026 10:00',
    });
    expect(s.displayRu.checks).toContainEqual({
      check: 'Лицензионный сбор',
      result: 'НЕ ОПЛАЧЕН',
      source: 'Платёжный шлюз «электронного правительства»',
      answeredAt: '02.03.2026 10:00',
    });
    expect(s.displayKk.remarks[0]).toEqual({
      who: 'Басшы: қайтару себебі',
      text: 'Бас тарту негіздерінде төлем күні көрсетілмеген.',
    });
    expect(s.displayRu.previews).toEqual([
      {
        documentId: 'doc-kk',
        endpoint: 'https://permits.example.kz/api/documents/doc-kk',
        metadata: {
          fileName: 'Мотивированный отказ (на казахском языке).pdf',
          contentType: 'application/pdf',
        },
      },
    ]);
    expect(s.displayKk.previews[0].metadata.fileName).toBe('Дәлелді бас тарту (қазақ тілінде).pdf');
    expect(s.recordedGroundCodes).toEqual(['B12_NO_CONSENT_PERSONAL_DATA']);
    for (const display of [s.displayKk, s.displayRu]) {
      const shown = JSON.stringify({ ...display, previews: [], documentLinks: '' });
      expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}|B\d\d_|_[A-Z]{3,}/);
    }
  });
});

/**
 * Order 138 Annex 2 row 7, Order 923 List row 5: the case is read in Kazakh or in Russian. Each
 * display holds one language only: no "kk / ru" pair, no Latin word (application numbers, web
 * addresses and the act's Roman numerals aside), and the Kazakh display is not the Russian one.
 */
describe('one display per language', () => {
  const KAZAKH_ONLY = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
  const vars = {
    serviceId: 'security-licence',
    requestKind: 'reissue',
    subType: 2,
    registeredOn: '2026-03-02',
    receivedAt: '2026-03-02T04:00:00.000Z',
    applicant: { name: 'ТОО «Сақшы»', bin: fixtures.licence.approved.bin },
    representative: { fullName: 'Иванов Иван', iin: fixtures.licence.approved.bin },
    consentToRestrictedData: false,
    legalEntity: { found: true, name: 'ТОО «Сақшы»', courtBan: true },
    persons: [{ identityDocumentValid: false }, { identityDocumentValid: true }],
    education: [{}],
    employmentFound: false,
    realEstate: [],
    criminalRecords: [{ hasConviction: true }],
    mentalHealth: [{ registered: false }],
    vehicles: [{}, {}],
    existingLicence: { found: true, number: 'KZ26VFA00001234' },
    feeCheck: { paid: true },
    securityRequirementsCheck: {
      passed: false,
      grounds: [finding('B13_SECURITY_LAW_NON_COMPLIANCE', { kk: 'көлік жоқ', ru: 'нет транспорта' })],
    },
    refusalGrounds: ['B03_FEE_NOT_PAID'],
    deadlineStudy: '2026-03-10T18:30:00+05:00',
    deadlineHearing: '2026-03-16T18:30:00+05:00',
    applicantPositions: [
      { text: 'Ұстаным', submittedAt: '2026-03-04T06:00:00.000Z', late: true, attachments: ['a.pdf'] },
    ],
    submittedDocuments: [{ fileName: 'b.pdf' }],
    complaint: { text: 'Шағым мәтіні', filedAt: '2026-03-05T06:00:00.000Z' },
    signatureRemarks: 'Түзету керек.',
    hearingReasons: 'Уәждер.',
    attachments: [{ fileName: 'otinish.pdf' }],
    hearingRecordDocument: { kind: 'hearing-record', documentId: 'doc-h', lang: 'ru' },
    hearingAt: '2026-03-12T11:00:00+05:00',
    hearingMethod: 'video',
    hearingOutcome: 'refusal-confirmed',
    resultKind: 'refusal',
    antimonopolyAnswer: { answeredAt: '2026-03-06T06:00:00.000Z' },
  };
  const s = caseSummary(vars, {
    ...at('2026-03-06T10:00:00+05:00'),
    documentsBaseUrl: 'https://permits.example.kz/api/documents/',
    earliestHearingDay: '2026-03-10',
  });
  /** Every string a person reads in a display, with where it is. */
  const strings = (display: CaseDisplay): Array<[string, string]> =>
    Object.entries(display).flatMap(([field, value]): Array<[string, string]> =>
      typeof value === 'string'
        ? [[field, value]]
        : (value as Array<Record<string, unknown>>).flatMap((row, i) =>
            Object.entries(row)
              .filter(([column]) => column !== 'endpoint' && column !== 'documentId')
              .map(([column, v]): [string, string] => [
                `${field}[${i}].${column}`,
                typeof v === 'string' ? v : (v as { fileName: string }).fileName,
              ]),
          ),
    );
  const readable = (text: string) =>
    latinLeft(text.replace(/\]\([^)]*\)/g, ']').replace(/\S+\.pdf\b/g, ''), ALLOWED_LATIN);

  test.each(['kk', 'ru'] as const)(
    'every %s row is filled, in that language only, with no Latin word and no pair',
    (lang) => {
      const display = lang === 'kk' ? s.displayKk : s.displayRu;
      const all = strings(display);
      expect(all.filter(([, text]) => !text.trim())).toEqual([]);
      expect(all.filter(([, text]) => readable(text).length > 0)).toEqual([]);
      expect(all.filter(([, text]) => / \/ /.test(text))).toEqual([]);
      const catalogueTexts = all.filter(
        ([field]) => !/\.(text|attachments|file)$|^documentLinks$/.test(field),
      );
      if (lang === 'ru')
        expect(
          catalogueTexts.filter(([, text]) => KAZAKH_ONLY.test(text.replace(/ТОО «Сақшы»/g, ''))),
        ).toEqual([]);
      // Every section has rows of its own (none fell back to "nothing").
      for (const rows of ['checks', 'grounds', 'deadlines', 'messages', 'remarks', 'documents'] as const)
        expect(display[rows].length).toBeGreaterThan(1);
      expect(display.previews).toHaveLength(1);
      for (const text of [display.hearingWindow, display.hearing, display.hearingOutcome, display.resultKind])
        expect(text).not.toBe('—');
    },
  );

  test('the Kazakh and the Russian displays differ wherever the catalogue speaks', () => {
    const kk = new Map(strings(s.displayKk));
    const same = strings(s.displayRu).filter(
      ([field, text]) =>
        kk.get(field) === text &&
        /[А-Яа-я]{3,}/.test(text) &&
        !/\.(text|attachments|file)$|name$/.test(field) &&
        !/Сақшы/.test(text),
    );
    expect(same).toEqual([]);
    expect(s.displayKk.checks.map((r) => r.check)).toContain('Заңды тұлға');
    expect(s.displayRu.checks.map((r) => r.check)).toContain('Юридическое лицо');
    // Order 923 List row 9: the ground cited in the reader's language, with the check's fact.
    expect(s.displayRu.grounds).toContainEqual(
      expect.objectContaining({ facts: 'нет транспорта', act: expect.stringContaining('пункта 9') }),
    );
    expect(s.displayKk.grounds).toContainEqual(expect.objectContaining({ facts: 'көлік жоқ' }));
  });
});

test('the worklist lists a document under its own variable, never under the forms’ preview list', () => {
  const refs = documentsFrom({
    displayRu: {
      previews: [
        {
          documentId: 'doc-1',
          endpoint: 'https://x/doc-1',
          metadata: { fileName: 'a.pdf', contentType: 'application/pdf' },
        },
      ],
    },
    hearingRecordDocument: { kind: 'hearing-record', documentId: 'doc-1' },
  });
  expect(refs).toEqual([expect.objectContaining({ variable: 'hearingRecordDocument', documentId: 'doc-1' })]);
});
