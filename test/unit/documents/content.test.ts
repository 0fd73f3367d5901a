import {
  buildDocument,
  DOCUMENT_KINDS,
  DocumentFactsError,
  documentNumber,
  factsFromVariables,
  type DocumentContent,
} from '../../../domain/documents';
import { FACTS, grounds, REQUIRED, without } from './fixtures';

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
const allText = (c: DocumentContent) =>
  [
    c.title,
    c.number,
    c.date,
    c.issuer,
    c.addressee,
    ...c.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs, ...(s.table?.rows.flat() ?? [])]),
    ...c.legalBasis,
    c.signature.role,
    c.signature.name ?? '',
  ].join('\n');

function factsError(run: () => unknown): DocumentFactsError {
  try {
    run();
  } catch (err) {
    if (err instanceof DocumentFactsError) return err;
    throw err;
  }
  throw new Error('expected a DocumentFactsError');
}

describe('document content', () => {
  describe.each(DOCUMENT_KINDS)('a "%s"', (kind) => {
    it.each(['kk', 'ru'] as const)(
      'in %s names the application, applicant, issuer and its legal basis',
      (lang) => {
        const content = buildDocument(kind, FACTS[kind], lang);
        expect(content).toMatchObject({ kind, lang, date: '14.04.2026' });
        expect(content.title.length).toBeGreaterThan(5);
        expect(content.issuer.length).toBeGreaterThan(5);
        expect(content.signature.role.length).toBeGreaterThan(3);
        expect(content.legalBasis.length).toBeGreaterThan(0);
        const text = allText(content);
        expect(text).toContain('ТОО «Қорғау-Сервис»');
        if (kind !== 'permit' && kind !== 'licence') expect(text).toContain('KZ-2026-000123');
      },
    );

    it('cites the amended act with its amending order, in both languages', () => {
      const kk = buildDocument(kind, FACTS[kind], 'kk').legalBasis.join(' ');
      const ru = buildDocument(kind, FACTS[kind], 'ru').legalBasis.join(' ');
      const mes = FACTS[kind].serviceId === 'fire-automation-permit';
      if (mes) {
        expect(ru).toMatch(/от 28 августа 2025 года № 372.*от 31 марта 2026 года № 138/);
        expect(kk).toMatch(/2025 жылғы 28 тамыздағы № 372.*2026 жылғы 31 наурыздағы № 138/);
      } else {
        expect(ru).toMatch(/от 28 марта 2020 года № 261.*от 22 ноября 2024 года № 923/);
        expect(kk).toMatch(/2020 жылғы 28 наурыздағы № 261.*2024 жылғы 22 қарашадағы № 923/);
      }
      expect(ru).toMatch(/пункт \d+|статья|Статья|Пункт/);
      expect(kk).toMatch(/\d+-(тармақ|тармағ|баб)/);
    });

    it('writes the Kazakh version in Kazakh', () => {
      const kk = buildDocument(kind, FACTS[kind], 'kk');
      expect(kk.title).toMatch(KAZAKH_LETTERS);
      expect(kk.sections.flatMap((s) => s.paragraphs).join(' ')).toMatch(KAZAKH_LETTERS);
      expect(buildDocument(kind, FACTS[kind], 'ru').title).not.toBe(kk.title);
    });

    it.each(REQUIRED[kind])('refuses to build without %s and names it', (field) => {
      const error = factsError(() => buildDocument(kind, without(FACTS[kind], field), 'ru'));
      expect(error.kind).toBe(kind);
      expect(error.field === field || error.field.startsWith(`${field}.`)).toBe(true);
      expect(error.message).toContain(field);
    });
  });

  it('a final refusal lists every ground with its rule cited in its own language, and the hearing under APPC art. 73 (Order 923 List row 9)', () => {
    const cited = {
      kk: ['Тізбенің 9-тармағының 3) тармақшасы', 'Тізбенің 9-тармағының 12) тармақшасы'],
      ru: ['подпункт 3) пункта 9 Перечня', 'подпункт 12) пункта 9 Перечня'],
    };
    for (const lang of ['kk', 'ru'] as const) {
      const content = buildDocument('refusal', FACTS.refusal, lang);
      const text = allText(content);
      grounds.forEach((g, i) => {
        const line = content.sections
          .flatMap((s) => s.paragraphs)
          .find((p) => p.includes(lang === 'kk' ? g.textKk : g.textRu));
        expect(line).toBeDefined();
        expect(line).toContain(cited[lang][i]);
        expect(line).not.toContain(g.ruleRef.act);
      });
      expect(content.legalBasis.join(' ')).toMatch(lang === 'kk' ? /73-бабы/ : /Статья 73/);
      expect(text).toContain('17.04.2026');
    }
  });

  it('names the ground that lacks its legal reference', () => {
    const facts = { ...FACTS.refusal, refusalGrounds: [grounds[0], { ...grounds[1], ruleRef: '' }] };
    expect(factsError(() => buildDocument('refusal', facts, 'kk')).field).toBe('refusalGrounds.1.ruleRef');
    // A note in words is not a reference: the place must be given as data.
    const worded = {
      ...FACTS.refusal,
      refusalGrounds: [grounds[0], { ...grounds[1], ruleRef: 'MIA Order 261, Annex 1 row 9 ground 12' }],
    };
    expect(factsError(() => buildDocument('refusal', worded, 'kk')).field).toBe('refusalGrounds.1.ruleRef');
  });

  it('the preliminary decision gives the hearing time, place and method and the right to state a position', () => {
    const ru = buildDocument('preliminary-decision', FACTS['preliminary-decision'], 'ru');
    const kk = buildDocument('preliminary-decision', FACTS['preliminary-decision'], 'kk');
    const rows = ru.sections.find((s) => s.table)!.table!.rows;
    expect(rows).toEqual([
      ['Время', '17.04.2026, 10:00 (время Астаны)'],
      ['Место', 'Астана қ., Тәуелсіздік даңғылы, 1, 305-кабинет'],
      ['Способ', 'очно'],
    ]);
    expect(allText(ru)).toMatch(/вправе выразить свою позицию/);
    expect(allText(ru)).toMatch(/статьёй 73 Административного процедурно-процессуального кодекса/);
    expect(allText(kk)).toMatch(/позицияңызды білдіру мүмкіндігі/);
    expect(ru.legalBasis.join(' ')).toContain('абзац второй пункта 8');
  });

  it('a refusal of further consideration lists what is missing and expired and cites the completeness paragraph', () => {
    const ru = buildDocument('refusal-further-consideration', FACTS['refusal-further-consideration'], 'ru');
    const text = allText(ru);
    expect(text).toContain('договор аренды стрелкового тира');
    expect(text).toContain('акт обследования');
    expect(text).toContain('Основание: пункт 7 Правил');
  });

  it('a licence re-issue or duplicate is refused for incompleteness under §10 or §11, as a refusal of the service', () => {
    const base = {
      ...FACTS['refusal-further-consideration'],
      serviceId: 'security-licence',
      licenceNumber: '26004567',
    };
    const reissue = buildDocument('refusal-further-consideration', { ...base, requestKind: 'reissue' }, 'ru');
    expect(reissue.title).toBe('Мотивированный отказ в оказании государственной услуги');
    expect(allText(reissue)).toContain('Основание: пункт 10 Правил');
    expect(
      allText(buildDocument('refusal-further-consideration', { ...base, requestKind: 'duplicate' }, 'ru')),
    ).toContain('пункт 11 Правил');
  });

  it('a licence carries the sub-type wording, and a duplicate says so in its title', () => {
    const one = allText(buildDocument('licence', FACTS.licence, 'ru'));
    expect(one).toContain('включая охрану объектов, уязвимых в террористическом отношении');
    const annexKk = allText(buildDocument('licence-annex', FACTS['licence-annex'], 'kk'));
    expect(annexKk).toContain('террористік тұрғыдан осал объектілерді күзетуді қоспағанда');
    const duplicate = buildDocument('licence', { ...FACTS.licence, requestKind: 'duplicate' }, 'ru');
    expect(duplicate.title).toMatch(/^Дубликат лицензии/);
  });

  // Order 923 licence rules, Annexes 4–5: the annex is a document of its own naming the sub-type and
  // the places of activity, in Kazakh and Russian.
  it('the annex to the licence names the sub-type and the places of activity (Order 923 Annexes 4–5)', () => {
    const facts = {
      ...FACTS['licence-annex'],
      placesOfActivity: [
        'Астана қ., Сарыарқа ауданы, Бейбітшілік к., 14',
        'Қарағанды қ., Бұқар жырау д-лы, 60',
      ],
    };
    const ru = allText(buildDocument('licence-annex', facts, 'ru'));
    expect(ru).toContain('Места осуществления деятельности');
    expect(ru).toContain(
      'Астана қ., Сарыарқа ауданы, Бейбітшілік к., 14; Қарағанды қ., Бұқар жырау д-лы, 60',
    );
    const kk = buildDocument('licence-annex', facts, 'kk');
    expect(allText(kk)).toContain('Қызметті жүзеге асыру орындары');
    expect(kk.title).toBe('Күзет қызметімен айналысу құқығына лицензияға қосымша');
    const duplicate = buildDocument(
      'licence-annex',
      { ...facts, requestKind: 'duplicate', licenceNumber: '26012345' },
      'ru',
    );
    expect(duplicate.title).toMatch(/^Дубликат приложения к лицензии/);
  });

  it('a re-issued licence must name the licence it re-issues; a new one may take the register number', () => {
    const reissue = without({ ...FACTS.licence, requestKind: 'reissue' }, 'licenceNumber');
    expect(factsError(() => buildDocument('licence', reissue, 'ru')).field).toBe('licenceNumber');
    expect(buildDocument('licence', without(FACTS.licence, 'licenceNumber'), 'ru').number).toBe(
      'KZ-2026-000123-LIC-01',
    );
  });

  it('a result formed before the head signs shows the post only; the name and time follow the signature', () => {
    const unsigned = buildDocument('permit', without(FACTS.permit, 'decision'), 'ru');
    expect(unsigned.signature).toEqual({
      role: 'Председатель Комитета',
      name: undefined,
      signedAt: undefined,
    });
    expect(buildDocument('permit', FACTS.permit, 'ru').signature).toEqual({
      role: 'Председатель Комитета',
      name: 'Серікбаев Ә. Қ.',
      signedAt: '14.04.2026, 11:00 (время Астаны)',
    });
  });

  it('a permit for a refused application is a modelling error', () => {
    const facts = { ...FACTS.permit, decision: { ...(FACTS.permit.decision as object), approved: false } };
    expect(factsError(() => buildDocument('permit', facts, 'kk')).field).toBe('decision.approved');
  });

  it('a service-specific kind rejects another service', () => {
    const error = factsError(() =>
      buildDocument('permit', { ...FACTS.permit, serviceId: 'security-licence' }, 'ru'),
    );
    expect(error).toMatchObject({ field: 'serviceId', problem: 'invalid' });
  });

  it('the antimonopoly letter and the consent letter list the objects to be guarded', () => {
    for (const kind of ['antimonopoly-letter', 'consent-letter'] as const) {
      const rows = buildDocument(kind, FACTS[kind], 'ru').sections.find((s) => s.table)!.table!.rows;
      expect(rows).toEqual([
        ['1. Ақтау теңіз порты, №2 терминал', 'Маңғыстау облысы, Ақтау қ.'],
        ['2. Өскемен қосалқы станциясы', 'Шығыс Қазақстан облысы, Өскемен қ.'],
      ]);
    }
  });

  it('the consent letter cites an antimonopoly answer that carries no outgoing number without one', () => {
    const ru = buildDocument(
      'consent-letter',
      { ...FACTS['consent-letter'], antimonopolyAnswer: { consent: true, comment: 'Согласие подтверждено' } },
      'ru',
    );
    expect(allText(ru)).toContain('с учётом ответа антимонопольного органа,');
    expect(allText(buildDocument('consent-letter', FACTS['consent-letter'], 'ru'))).toContain(
      'ответа антимонопольного органа № 12-04/1020',
    );
  });

  it('the complaint answer states whether the complaint was upheld and cites the 5-working-day rule for service A', () => {
    const ru = buildDocument('complaint-answer', FACTS['complaint-answer'], 'ru');
    expect(allText(ru)).toContain('оставлена без удовлетворения');
    expect(ru.legalBasis.join(' ')).toContain('часть вторая пункта 9');
    const upheld = buildDocument(
      'complaint-answer',
      { ...FACTS['complaint-answer'], complaintAnswer: { text: 'Ок', upheld: true } },
      'kk',
    );
    expect(allText(upheld)).toContain('қанағаттандырылды');
  });

  it('dates the document and the hearing in Astana time (UTC+5)', () => {
    const late = buildDocument(
      'preliminary-decision',
      { ...FACTS['preliminary-decision'], documentDate: '2026-04-14T20:00:00Z' },
      'ru',
    );
    expect(late.date).toBe('15.04.2026');
  });
});

describe('documentNumber', () => {
  it('joins the application number, the kind code and a two-digit counter', () => {
    expect(documentNumber('refusal', 'KZ-2026-000123', 1)).toBe('KZ-2026-000123-REF-01');
    expect(documentNumber('hearing-record', 'KZ-2026-000123', 12)).toBe('KZ-2026-000123-HRG-12');
  });
  it('keeps only characters safe in file names and URLs', () => {
    expect(documentNumber('permit', 'KZ/2026 000123', 3)).toBe('KZ-2026-000123-PRM-03');
  });
  it('rejects a counter that is not a positive integer', () => {
    expect(() => documentNumber('permit', 'KZ-2026-000123', 0)).toThrow(RangeError);
    expect(() => documentNumber('permit', 'KZ-2026-000123', 1.5)).toThrow(RangeError);
  });
});

describe('factsFromVariables', () => {
  it("folds the forms' flat variables into the document facts", () => {
    const facts = factsFromVariables({
      hearingAt: '2026-04-17T10:00:00+05:00',
      hearingPlace: 'каб. 305',
      hearingMethod: 'video',
      applicantPositionSummary: 'не согласен',
      decision: 'approve',
      signerName: 'Серікбаев Ә. Қ.',
      signedAt: '2026-04-16T09:00:00Z',
      complaintAnswer: 'Ответ',
      complaintUpheld: 'true',
      complaint: { text: 'Жалоба' },
      registeredOn: '2026-04-20',
      docApplication: true,
      docInspectionAct: false,
    });
    expect(facts).toMatchObject({
      hearing: {
        at: '2026-04-17T10:00:00+05:00',
        place: 'каб. 305',
        method: 'video',
        applicantPosition: 'не согласен',
      },
      // The signature form's decision is whether the head signed, not a decision on the application.
      decision: { signedBy: 'Серікбаев Ә. Қ.', signedAt: '2026-04-16T09:00:00Z' },
      complaintAnswer: { text: 'Ответ', upheld: true },
      complaint: { text: 'Жалоба', receivedAt: '2026-04-20' },
      missingDocuments: [{ kk: 'тексеру актісі', ru: 'акт обследования' }],
    });
  });

  it('expands the ground codes the compliance-study form records into the catalogue grounds', () => {
    const facts = factsFromVariables({ refusalGrounds: ['A02_PERMIT_REQUIREMENTS'] });
    expect(facts.refusalGrounds).toEqual([
      expect.objectContaining({
        code: 'A02_PERMIT_REQUIREMENTS',
        // Order 138, Annex 2 (List) row 11 item 2.
        ruleRef: { act: 'order-138', service: 'fire-automation-permit', annex: 2, row: 11, ground: 2 },
        textRu: expect.any(String),
        textKk: expect.any(String),
      }),
    ]);
  });

  it("leaves facts already in the documents' shape as they are", () => {
    const facts = factsFromVariables(FACTS['hearing-record']);
    expect(facts.hearing).toEqual(FACTS['hearing-record'].hearing);
    expect(buildDocument('refusal', factsFromVariables(FACTS.refusal), 'ru')).toEqual(
      buildDocument('refusal', FACTS.refusal, 'ru'),
    );
  });
});
