import {
  buildDocument,
  DocumentFactsError,
  factsFromVariables,
  type DocumentContent,
} from '../../../domain/documents';
import { groundByCode } from '../../../domain/rules/refusal-grounds';
import fireWorker from '../../../workers/check-fire-specialists';
import { completed, fakeJob, workerDepsFromEnv } from '../../support/jobs';
import { FACTS, without } from './fixtures';

const allText = (c: DocumentContent) =>
  [
    c.title,
    c.date,
    c.place ?? '',
    c.addressee,
    ...c.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs, ...(s.table?.rows.flat() ?? [])]),
    ...c.legalBasis,
    c.signature.role,
    c.signature.name ?? '',
    c.signature.signedAt ?? '',
  ].join('\n');

/** Runs the real check worker on the variables and returns what it completed with. */
async function runFireCheck(variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const job = fakeJob('check-fire-specialists', variables);
  await fireWorker.bind(workerDepsFromEnv())(job);
  return completed(job);
}

const code = (c: string) => {
  const g = groundByCode(c);
  return { code: g.code, ruleRef: g.ruleRef, textKk: g.textKk, textRu: g.textRu };
};

/** Service A after a hearing that confirmed the refusal, as the process variables stand. */
async function serviceARefusalVariables() {
  const specialists = [
    { iin: '880512300457', fullName: 'Жақсыбеков Дәурен Асқарұлы', electricalClearanceGroup: 4 },
    { iin: '910203400318', fullName: 'Омарова Айгерім Болатқызы', electricalClearanceGroup: 3 },
  ];
  const base = {
    applicationNumber: 'FAP-2026-000812',
    serviceId: 'fire-automation-permit',
    registeredOn: '2026-08-03',
    applicant: { bin: '150940188329', name: 'ТОО «Өрт Автоматика»', address: 'Алматы қ., Абай даңғылы, 150' },
    specialists,
    measuringInstruments: [{ name: 'Мегаомметр', serialNumber: '7781', verifiedUntil: '2027-01-01' }],
    education: [
      { iin: '880512300457', level: 'higher', specialtyName: 'Юриспруденция' },
      { iin: '910203400318', level: 'higher', specialtyName: 'Автоматизация и управление' },
    ],
    employment: [
      { iin: '880512300457', relevantExperienceYears: 6 },
      { iin: '910203400318', relevantExperienceYears: 2 },
    ],
  };
  const check = await runFireCheck(base);
  return {
    ...base,
    ...check,
    groundsFound: true,
    refusalGrounds: ['A02_PERMIT_REQUIREMENTS'],
    hearingAt: '2026-08-12T10:00:00+05:00',
    hearingPlace: 'Астана қ., Мәңгілік Ел даңғылы, 8',
    hearingMethod: 'in-person',
    applicantPosition: 'Омарова А. Б. тағы бір жыл жұмыс істеді, еңбек шарты қоса беріледі.',
    applicantPositionSummary: 'Өтініш беруші Омарова А. Б. өтілін растайтын еңбек шартын ұсынды.',
    hearingOutcome: 'refusal-confirmed',
    hearingReasons: 'Ұсынылған шарт мамандық бойынша өтілді растамайды.',
    resultKind: 'refusal',
    documentDate: '2026-08-13T05:00:00Z',
  };
}

describe('reasoned refusals state the established facts (Order 138 Annex 2 row 7; Order 923 List row 5, §10–§11)', () => {
  it('Order 138 Annex 2 row 7, row 10 item 2: the refusal names each unqualified specialist with the masked IIN, the education and the experience against the requirement', async () => {
    const facts = factsFromVariables(await serviceARefusalVariables());
    const ru = allText(buildDocument('refusal', facts, 'ru'));
    expect(ru).toContain('Установленные обстоятельства');
    expect(ru).toContain(
      'Специалист Жақсыбеков Дәурен Асқарұлы (ИИН 8805******57): образование: высшее образование, «Юриспруденция» (специальность не входит в перечень).',
    );
    expect(ru).toContain(
      'Специалист Омарова Айгерім Болатқызы (ИИН 9102******18): образование: высшее образование, «Автоматизация и управление»; стаж работы по специальности 2 года, требуется не менее 3 лет',
    );
    expect(ru).toContain('Квалифицированных специалистов 0, требуется не менее 2');
    expect(ru).not.toContain('880512300457');
    const kk = allText(buildDocument('refusal', facts, 'kk'));
    expect(kk).toContain('Маман Омарова Айгерім Болатқызы (ЖСН 9102******18)');
    expect(kk).toContain('мамандығы бойынша жұмыс өтілі 2 жыл, кемінде 3 жыл қажет');
  });

  it('Order 138 Annex 2 row 11 item 2: the ground is cited by its place in the act, in the document language, never by its catalogue note', async () => {
    const facts = factsFromVariables(await serviceARefusalVariables());
    const ru = buildDocument('refusal', facts, 'ru');
    const kk = buildDocument('refusal', facts, 'kk');
    expect(allText(ru)).toContain(
      'основание: подпункт 2) пункта 11 Перечня основных требований (приложение 2 к Правилам)',
    );
    expect(allText(kk)).toContain(
      'негіздеме: Қағидаларға 2-қосымшадағы Тізбенің 11-тармағының 2) тармақшасы',
    );
    expect(allText(ru)).not.toMatch(/Annex|row|MES Order|A02_/);
  });

  it('APPC art. 73, Order 923 §8: the refusal says the hearing took place, when, what position the applicant stated and its result', async () => {
    const facts = factsFromVariables(await serviceARefusalVariables());
    const ru = allText(buildDocument('refusal', facts, 'ru'));
    expect(ru).toContain('Заслушивание проведено 12.08.2026, 10:00 (время Астаны).');
    expect(ru).toContain('Услугополучатель представил позицию: Омарова А. Б. тағы бір жыл');
    expect(ru).toContain(
      'По итогам заслушивания основания для отказа подтверждены: Ұсынылған шарт мамандық бойынша өтілді растамайды.',
    );
    const silent = { ...(await serviceARefusalVariables()), applicantPosition: null };
    expect(allText(buildDocument('refusal', factsFromVariables(silent), 'kk'))).toContain(
      'Көрсетілетін қызметті алушы позициясын білдірмеді.',
    );
  });

  it('Order 923 List row 6 and row 9 item 3: an unpaid licence fee is stated with what the payment gateway showed', () => {
    const variables = {
      ...FACTS.refusal,
      refusalGrounds: [code('B03_FEE_NOT_PAID')],
      feeCheck: { paid: false, amountPaid: 0, expectedAmount: 43250, mci: 4325, paidOn: null },
    };
    const ru = allText(buildDocument('refusal', factsFromVariables(variables), 'ru'));
    expect(ru).toContain(
      'В платёжном шлюзе «электронного правительства» не найдена оплата лицензионного сбора за выдачу лицензии по БИН 210440012345, внесённая не позднее дня подачи заявления (требуемая сумма 43250 тенге, 1 МРП = 4325 тенге)',
    );
    const short = {
      ...variables,
      feeCheck: { ...variables.feeCheck, amountPaid: 39320, paidOn: '2026-03-30' },
    };
    expect(allText(buildDocument('refusal', factsFromVariables(short), 'ru'))).toContain(
      'Лицензионный сбор за выдачу лицензии внесён 30.03.2026 в сумме 39320 тенге, не в полном размере',
    );
  });

  it('Order 923 §8, List row 8: a criminal case against a founder is stated for that person, masked', () => {
    const variables = {
      ...FACTS.refusal,
      serviceId: 'training-centre-designation',
      refusalGrounds: [code('C_SECURITY_LAW_NON_COMPLIANCE')],
      persons: [{ iin: '790315300219', fullName: 'Сейітов Бауыржан Ермекұлы' }],
      criminalRecords: [
        { iin: '790315300219', found: true, hasConviction: false, pendingCriminalCase: true },
        { iin: '850101300123', found: true, hasConviction: false, pendingCriminalCase: false },
      ],
    };
    const ru = allText(buildDocument('refusal', factsFromVariables(variables), 'ru'));
    expect(ru).toContain(
      'Учредитель (руководитель) Сейітов Бауыржан Ермекұлы (ИИН 7903******19): возбуждено уголовное дело',
    );
    expect(ru).not.toContain('8501******23');
    expect(ru).toContain('основание: пункт 8 Правил');
  });

  it('Order 923 §8: the preliminary decision states the facts that the hearing is about', () => {
    const variables = {
      ...FACTS['preliminary-decision'],
      securityRequirementsCheck: {
        passed: false,
        grounds: [
          {
            ...code('B13_SECURITY_LAW_NON_COMPLIANCE'),
            textRu: `${groundByCode('B13_SECURITY_LAW_NON_COMPLIANCE').textRu}: зарегистрированных транспортных средств в собственности 1, требуется не менее 2`,
          },
        ],
      },
    };
    expect(allText(buildDocument('preliminary-decision', factsFromVariables(variables), 'ru'))).toContain(
      'Услугополучатель: зарегистрированных транспортных средств в собственности 1, требуется не менее 2',
    );
  });

  it('a ground of another service cannot be cited in a refusal, and the error names the ground', () => {
    const facts = { ...FACTS.refusal, refusalGrounds: [code('A02_PERMIT_REQUIREMENTS')] };
    try {
      buildDocument('refusal', facts, 'ru');
      throw new Error('expected a DocumentFactsError');
    } catch (err) {
      expect(err).toBeInstanceOf(DocumentFactsError);
      expect((err as DocumentFactsError).field).toBe('refusalGrounds.0.code');
    }
  });
});

describe('signatories (roles; Order 923 §10 of the training-centre rules)', () => {
  const DEPARTMENT_HEAD_RU =
    'Начальник Департамента контроля за охранной деятельностью Министерства внутренних дел Республики Казахстан';
  const training = { ...FACTS.refusal, serviceId: 'training-centre-designation' };
  const refusalGroundsC = [code('C_UNRELIABLE_DATA')];

  it('service C: the refusal and the refusal of further consideration are signed by the MIA department head, the order by the Minister', () => {
    expect(
      buildDocument('refusal', { ...training, refusalGrounds: refusalGroundsC }, 'ru').signature.role,
    ).toBe(DEPARTMENT_HEAD_RU);
    expect(
      buildDocument('refusal-further-consideration', FACTS['refusal-further-consideration'], 'ru').signature
        .role,
    ).toBe(DEPARTMENT_HEAD_RU);
    expect(buildDocument('ministers-order', FACTS['ministers-order'], 'ru').signature.role).toBe(
      'Министр внутренних дел Республики Казахстан',
    );
    expect(
      buildDocument('refusal', { ...training, refusalGrounds: refusalGroundsC }, 'kk').signature.role,
    ).toBe('Қазақстан Республикасы Ішкі істер министрлігі Күзет қызметін бақылау департаментінің бастығы');
  });

  it('service C: the complaint answer is signed by the department head who reviews it', () => {
    const facts = { ...FACTS['complaint-answer'], serviceId: 'training-centre-designation' };
    expect(buildDocument('complaint-answer', facts, 'ru').signature.role).toBe(DEPARTMENT_HEAD_RU);
  });

  it('service D: the consent letter is signed by the MIA department head, by post and name', () => {
    const content = buildDocument('consent-letter', FACTS['consent-letter'], 'ru');
    expect(content.signature).toMatchObject({ role: DEPARTMENT_HEAD_RU, name: 'Серікбаев Ә. Қ.' });
  });

  it("services A and B: the Committee's chairman and the territorial police body's head sign", () => {
    expect(buildDocument('permit', FACTS.permit, 'ru').signature.role).toBe('Председатель Комитета');
    expect(buildDocument('licence', FACTS.licence, 'ru').signature.role).toBe(
      'Руководитель территориального органа полиции',
    );
  });

  it('the refusal of further consideration is signed by whoever signed it in deliver-result, with the name', () => {
    expect(
      buildDocument('refusal-further-consideration', FACTS['refusal-further-consideration'], 'kk').signature
        .name,
    ).toBe('Серікбаев Ә. Қ.');
  });
});

describe('date, place and signature facts (Order 138 Annex 2 row 7; Order 923 §9–§11: the result as signed)', () => {
  it('the date of issue is the signing date, not the drafting date', () => {
    const facts = {
      ...FACTS.permit,
      documentDate: '2026-04-10T04:00:00Z',
      decision: { signedBy: 'Серікбаев Ә. Қ.', signedAt: '2026-04-14T06:00:00Z' },
    };
    for (const kind of ['permit', 'licence', 'refusal'] as const) {
      const content = buildDocument(
        kind,
        { ...FACTS[kind], ...facts, serviceId: FACTS[kind].serviceId },
        'ru',
      );
      expect(content.date).toBe('14.04.2026');
      expect(allText(content)).not.toContain('10.04.2026');
    }
    const permit = buildDocument('permit', facts, 'ru');
    expect(permit.sections.find((s) => s.table)!.table!.rows).toContainEqual(['Дата выдачи', '14.04.2026']);
  });

  it('a draft formed for the signature prints no date of issue and no signature', () => {
    const draft = buildDocument(
      'permit',
      { ...without(FACTS.permit, 'decision'), documentDate: '2026-04-10T04:00:00Z' },
      'ru',
    );
    expect(draft.date).toBe('указывается при подписании');
    expect(draft.sections.find((s) => s.table)!.table!.rows).toContainEqual([
      'Дата выдачи',
      'указывается при подписании',
    ]);
    expect(allText(draft)).not.toContain('10.04.2026');
    expect(draft.signature.name).toBeUndefined();
    expect(draft.signature.signedAt).toBeUndefined();
  });

  it("the signature form's decision to sign dates the document only with the signing time the process recorded", () => {
    const signedNow = factsFromVariables({
      ...FACTS.permit,
      decision: 'approve',
      signerName: 'Жұмабеков Ерлан Серікұлы',
      signedAt: '2026-04-15T12:30:00Z',
    });
    expect(buildDocument('permit', signedNow, 'kk').date).toBe('15.04.2026');
    const returned = factsFromVariables({
      ...FACTS.permit,
      decision: 'refuse',
      signerName: 'Жұмабеков Е. С.',
    });
    expect(buildDocument('permit', returned, 'ru').signature.name).toBeUndefined();
  });

  it("the provider's city is printed: Astana for the Committee and the Ministry, the named city for a territorial police body", () => {
    expect(buildDocument('permit', FACTS.permit, 'ru').place).toBe('г. Астана');
    expect(buildDocument('ministers-order', FACTS['ministers-order'], 'kk').place).toBe('Астана қ.');
    expect(buildDocument('consent-letter', FACTS['consent-letter'], 'ru').place).toBe('г. Астана');
    const licence = buildDocument(
      'licence',
      { ...FACTS.licence, providerLocation: { kk: 'Алматы қ.', ru: 'г. Алматы' } },
      'ru',
    );
    expect(licence.place).toBe('г. Алматы');
    // Order 923 List row 9 ground 6: the territorial body is the one of the entity's registration.
    const registered = { ...FACTS.licence, legalEntity: { region: 'г. Шымкент' } };
    expect(buildDocument('licence', registered, 'kk').place).toBe('Шымкент қ.');
    expect(buildDocument('licence', registered, 'ru').place).toBe('г. Шымкент');
    expect(buildDocument('licence', FACTS.licence, 'ru').place).toBeUndefined();
  });

  it('no document text claims an electronic signature', () => {
    for (const kind of Object.keys(FACTS) as (keyof typeof FACTS)[]) {
      for (const lang of ['kk', 'ru'] as const) {
        expect(allText(buildDocument(kind, FACTS[kind], lang))).not.toMatch(
          /подписан\S* ЭЦП|ЭЦҚ-мен қол қойылған/,
        );
      }
    }
  });
});
