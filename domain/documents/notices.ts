import {
  applicantLine,
  finish,
  headSignature,
  officerSignature,
  REQUEST_KINDS,
  requireDecision,
  signatoryRole,
  type DocumentContext,
} from './context';
import { factsSection, hearingHeldSection } from './findings';
import { enumerate, formatDate, formatDateTime } from './format';
import { citeRules, groundRuleRef, LAWS, shortRef, type RuleRef } from './services';
import type { DocumentContent, DocumentSection } from './types';

/** Where each service's rules put the list of documents and the grounds for refusal. */
function documentsListRef(ctx: DocumentContext): RuleRef {
  return { listItem: ctx.service === 'fire-automation-permit' ? 10 : 8 };
}
function groundsListRef(ctx: DocumentContext): RuleRef {
  return { listItem: ctx.service === 'fire-automation-permit' ? 11 : 9 };
}

/** The security rules' hearing paragraph (§8, second indent); order 138 does not restate service A's. */
function hearingRefs(ctx: DocumentContext): RuleRef[] {
  return ctx.service === 'fire-automation-permit' ? [] : [{ paragraph: 8, indent: 2 }];
}

/**
 * The paragraph behind a completeness refusal (C5). Licence re-issue and duplicate have their
 * own (§10, §11), which call the result a refusal to provide the service rather than a refusal
 * of further consideration. Order 138 does not restate service A's internal steps, so there
 * the documents row of the list is the only citable rule.
 */
function completenessRef(ctx: DocumentContext): { ref: RuleRef; refusesService: boolean } {
  if (ctx.service === 'fire-automation-permit') return { ref: documentsListRef(ctx), refusesService: false };
  if (ctx.service === 'security-licence') {
    const requestKind = ctx.f.oneOf('requestKind', REQUEST_KINDS);
    if (requestKind === 'reissue') return { ref: { paragraph: 10 }, refusesService: true };
    if (requestKind === 'duplicate') return { ref: { paragraph: 11 }, refusesService: true };
  }
  return { ref: { paragraph: 7 }, refusesService: false };
}

/**
 * Each ground in the catalogue's wording with the rule it rests on, cited in the document's
 * language (the catalogue's `ruleRef` is a note for staff and is not printed).
 */
function groundsSection(ctx: DocumentContext, heading: string): DocumentSection {
  const grounds = ctx.f.refusalGrounds();
  return {
    heading,
    paragraphs: enumerate(
      grounds.map((g, i) => {
        const ref = groundRuleRef(ctx.service, g.code);
        if (!ref) ctx.f.fail(`refusalGrounds.${i}.code`, 'invalid', `not a refusal ground of ${ctx.service}`);
        return `${ctx.tr(g.textKk, g.textRu)} (${ctx.tr('негіздеме', 'основание')}: ${shortRef(ctx.service, ref, ctx.lang)})`;
      }),
    ),
  };
}

const HEARING_METHODS: Record<string, { kk: string; ru: string }> = {
  'in-person': { kk: 'тікелей қатысу арқылы', ru: 'очно' },
  video: { kk: 'бейнеконференцбайланыс арқылы', ru: 'посредством видеоконференцсвязи' },
  videoconference: { kk: 'бейнеконференцбайланыс арқылы', ru: 'посредством видеоконференцсвязи' },
  online: { kk: 'бейнеконференцбайланыс арқылы', ru: 'посредством видеоконференцсвязи' },
  phone: { kk: 'телефон байланысы арқылы', ru: 'по телефонной связи' },
  written: { kk: 'жазбаша', ru: 'письменно' },
};

function hearingRows(ctx: DocumentContext): [string, string][] {
  const { f, tr, lang } = ctx;
  const method = f.text('hearing.method');
  return [
    [tr('Уақыты', 'Время'), formatDateTime(f.instant('hearing.at'), lang)],
    [tr('Орны', 'Место'), f.bilingual('hearing.place', lang)],
    [
      tr('Тәсілі', 'Способ'),
      // An unknown method would print an internal value; it is a data error the operator must see.
      HEARING_METHODS[method]?.[lang] ??
        f.fail('hearing.method', 'invalid', `expected one of ${Object.keys(HEARING_METHODS).join(', ')}`),
    ],
  ];
}

function appealParagraph(ctx: DocumentContext): string {
  // Order 138 sets service A's complaint term (§9 part two); the security rules leave it to the law.
  const term =
    ctx.service === 'fire-automation-permit'
      ? ctx.tr(
          ' Шағым тіркелген күнінен бастап 5 (бес) жұмыс күні ішінде қаралады.',
          ' Жалоба рассматривается в течение 5 (пяти) рабочих дней со дня её регистрации.',
        )
      : '';
  return ctx.tr(
    `Осы шешімге көрсетілетін қызметті берушіге, мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға не сотқа Қазақстан Республикасының заңнамасында белгіленген тәртіппен шағым жасалуы мүмкін.${term}`,
    `Настоящее решение может быть обжаловано услугодателю, в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг либо в суд в порядке, установленном законодательством Республики Казахстан.${term}`,
  );
}

function complaintRefs(ctx: DocumentContext): RuleRef[] {
  return ctx.service === 'fire-automation-permit' ? [{ paragraph: 9, part: 2 }] : [];
}

export function refusalFurtherConsideration(ctx: DocumentContext): DocumentContent {
  const { f, tr, lang } = ctx;
  const missing = f.labels('missingDocuments', lang, false);
  const expired = f.labels('expiredDocuments', lang, false);
  const reason = f.optionalText('incompletenessReason');
  if (missing.length === 0 && expired.length === 0 && !reason) {
    f.fail(
      'missingDocuments',
      'missing',
      'name the missing or expired documents, or give incompletenessReason',
    );
  }
  const { ref, refusesService } = completenessRef(ctx);
  const basis = shortRef(ctx.service, ref, lang);

  const sections: DocumentSection[] = [
    {
      paragraphs: [
        tr(
          `«${ctx.serviceName}» мемлекеттік қызметін алуға берілген ${ctx.applicationRef} өтінішіңіз бойынша ұсынылған құжаттардың толықтығы тексерілді.`,
          `Проверена полнота документов, представленных с заявлением ${ctx.applicationRef} на получение государственной услуги «${ctx.serviceName}».`,
        ),
        tr(
          'Тексеру нәтижесінде құжаттардың толық емес топтамасы және (немесе) қолданылу мерзімі өтіп кеткен құжаттар ұсынылғаны анықталды.',
          'По результатам проверки установлено, что представлен неполный пакет документов и (или) документы с истёкшим сроком действия.',
        ),
      ],
    },
  ];
  if (missing.length > 0)
    sections.push({
      heading: tr('Ұсынылмаған құжаттар', 'Не представлены документы'),
      paragraphs: enumerate(missing),
    });
  if (expired.length > 0)
    sections.push({
      heading: tr('Қолданылу мерзімі өткен құжаттар', 'Документы с истёкшим сроком действия'),
      paragraphs: enumerate(expired),
    });
  if (reason) sections.push({ heading: tr('Тексеру нәтижесі', 'Результат проверки'), paragraphs: [reason] });
  sections.push({
    paragraphs: [
      refusesService
        ? tr(
            `Осыған байланысты мемлекеттік қызмет көрсетуден бас тартылады. Негіздеме: ${basis}.`,
            `В связи с этим в оказании государственной услуги отказано. Основание: ${basis}.`,
          )
        : tr(
            `Осыған байланысты өтінішті одан әрі қараудан бас тартылады. Негіздеме: ${basis}.`,
            `В связи с этим в дальнейшем рассмотрении заявления отказано. Основание: ${basis}.`,
          ),
      tr(
        'Көрсетілген кемшіліктерді жойғаннан кейін мемлекеттік қызметті алу үшін қайта жүгінуге құқылысыз.',
        'После устранения указанных недостатков Вы вправе повторно обратиться за получением государственной услуги.',
      ),
      appealParagraph(ctx),
    ],
  });

  const refs = 'listItem' in ref ? [ref] : [ref, documentsListRef(ctx)];
  return finish(ctx, {
    title: refusesService
      ? tr(
          'Мемлекеттік қызмет көрсетуден дәлелді бас тарту',
          'Мотивированный отказ в оказании государственной услуги',
        )
      : tr(
          'Өтінішті одан әрі қараудан дәлелді бас тарту',
          'Мотивированный отказ в дальнейшем рассмотрении заявления',
        ),
    addressee: applicantLine(ctx),
    sections,
    legalBasis: [citeRules(ctx.service, refs, lang)],
    // Signed in deliver-result by the head (service C: the MIA department head), an authorised person (§7).
    signature: headSignature(ctx),
  });
}

export function refusal(ctx: DocumentContext): DocumentContent {
  const { f, tr, lang } = ctx;
  requireDecision(ctx, false);
  const heardAt = f.optionalInstant('hearing.at');
  const decided = heardAt
    ? tr(
        `${formatDateTime(heardAt, lang)} өткізілген тыңдау нәтижелерін ескере отырып, мемлекеттік қызмет көрсетуден мынадай негіздер бойынша бас тарту туралы шешім қабылданды.`,
        `С учётом результатов заслушивания, проведённого ${formatDateTime(heardAt, lang)}, принято решение об отказе в оказании государственной услуги по следующим основаниям.`,
      )
    : tr(
        'Мемлекеттік қызмет көрсетуден мынадай негіздер бойынша бас тарту туралы шешім қабылданды.',
        'Принято решение об отказе в оказании государственной услуги по следующим основаниям.',
      );
  const legalBasis = [
    citeRules(ctx.service, [groundsListRef(ctx), ...hearingRefs(ctx), ...complaintRefs(ctx)], lang),
  ];
  if (heardAt) legalBasis.push(LAWS.appc73[lang]);
  legalBasis.push(LAWS.publicServices25[lang]);
  return finish(ctx, {
    title: tr(
      'Мемлекеттік қызмет көрсетуден дәлелді бас тарту',
      'Мотивированный отказ в оказании государственной услуги',
    ),
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [
          tr(
            `«${ctx.serviceName}» мемлекеттік қызметін алуға берілген ${ctx.applicationRef} өтінішіңіз қаралды.`,
            `Рассмотрено Ваше заявление ${ctx.applicationRef} на получение государственной услуги «${ctx.serviceName}».`,
          ),
          decided,
        ],
      },
      ...factsSection(ctx),
      ...hearingHeldSection(ctx),
      groundsSection(ctx, tr('Бас тарту негіздері', 'Основания отказа')),
      { paragraphs: [appealParagraph(ctx)] },
    ],
    legalBasis,
    signature: headSignature(ctx),
  });
}

export function preliminaryDecision(ctx: DocumentContext): DocumentContent {
  const { f, tr, lang } = ctx;
  const rows = hearingRows(ctx);
  return finish(ctx, {
    title: tr(
      'Мемлекеттік қызмет көрсетуден бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама',
      'Предварительное решение об отказе в оказании государственной услуги и уведомление о заслушивании',
    ),
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [
          tr(
            `«${ctx.serviceName}» мемлекеттік қызметін алуға берілген ${ctx.applicationRef} өтінішіңізді қарау нәтижелері бойынша мемлекеттік қызмет көрсетуден бас тартуға мынадай негіздер бар екенін хабарлаймыз.`,
            `Сообщаем, что по результатам рассмотрения Вашего заявления ${ctx.applicationRef} на получение государственной услуги «${ctx.serviceName}» имеются следующие основания для отказа в оказании государственной услуги.`,
          ),
        ],
      },
      ...factsSection(ctx),
      groundsSection(ctx, tr('Бас тарту негіздері', 'Основания для отказа')),
      ...(f.has('preliminaryDecisionText')
        ? [
            {
              heading: tr('Алдын ала шешімнің негіздемесі', 'Обоснование предварительного решения'),
              paragraphs: [f.text('preliminaryDecisionText')],
            },
          ]
        : []),
      {
        heading: tr('Тыңдау', 'Заслушивание'),
        paragraphs: [
          tr(
            'Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің 73-бабына сәйкес Сізге алдын ала шешім бойынша өз позицияңызды білдіру мүмкіндігі беріледі. Тыңдау мынадай уақытта, орында және тәсілмен өткізіледі:',
            'В соответствии со статьёй 73 Административного процедурно-процессуального кодекса Республики Казахстан Вам предоставляется возможность выразить позицию по предварительному решению. Заслушивание состоится в следующее время, в следующем месте и следующим способом:',
          ),
        ],
        table: { rows },
      },
      {
        paragraphs: [
          tr(
            'Сіз өз позицияңызды тыңдау кезінде ауызша немесе ол басталғанға дейін жазбаша түрде, оның ішінде порталдағы «жеке кабинет» арқылы білдіруге, қарсылықтарыңызды растайтын құжаттарды ұсынуға құқылысыз.',
            'Вы вправе выразить свою позицию устно на заслушивании или письменно до его начала, в том числе через «личный кабинет» на портале, и представить документы, подтверждающие Ваши возражения.',
          ),
          tr(
            'Тыңдау өткізілгеннен кейін мемлекеттік қызметті көрсету немесе одан бас тарту туралы түпкілікті шешім қабылданады. Тыңдауға келмеген және позиция білдірілмеген жағдайда шешім қолда бар материалдар негізінде қабылданады.',
            'После заслушивания будет принято окончательное решение об оказании государственной услуги либо об отказе в её оказании. При неявке на заслушивание и непредставлении позиции решение принимается на основании имеющихся материалов.',
          ),
        ],
      },
    ],
    legalBasis: [LAWS.appc73[lang], citeRules(ctx.service, [...hearingRefs(ctx), groundsListRef(ctx)], lang)],
    signature: officerSignature(ctx),
  });
}

export function hearingRecord(ctx: DocumentContext): DocumentContent {
  const { f, tr, lang } = ctx;
  const rows = hearingRows(ctx);
  const participants = f.labels('hearing.participants', lang, false);
  if (participants.length > 0) rows.push([tr('Қатысқандар', 'Участники'), participants.join('; ')]);
  const position = f.has('hearing.applicantPosition')
    ? f.bilingual('hearing.applicantPosition', lang)
    : tr('Көрсетілетін қызметті алушы позициясын білдірмеді.', 'Услугополучатель позицию не представил.');
  const conclusion = f.has('hearing.conclusion') ? [f.bilingual('hearing.conclusion', lang)] : [];
  return finish(ctx, {
    title: tr('Тыңдау хаттамасы', 'Протокол заслушивания'),
    addressee: tr(
      `${ctx.applicationRef} өтініш бойынша іс материалдары`,
      `Материалы дела по заявлению ${ctx.applicationRef}`,
    ),
    sections: [
      {
        paragraphs: [
          tr(
            `${applicantLine(ctx)} «${ctx.serviceName}» мемлекеттік қызметін алуға берілген өтініші бойынша мемлекеттік қызмет көрсетуден бас тарту туралы алдын ала шешімге қатысты тыңдау өткізілді.`,
            `Проведено заслушивание по предварительному решению об отказе в оказании государственной услуги «${ctx.serviceName}» по заявлению ${applicantLine(ctx)}.`,
          ),
        ],
        table: { rows },
      },
      groundsSection(
        ctx,
        tr(
          'Алдын ала шешімде көрсетілген бас тарту негіздері',
          'Основания отказа, указанные в предварительном решении',
        ),
      ),
      {
        heading: tr('Көрсетілетін қызметті алушының позициясы', 'Позиция услугополучателя'),
        paragraphs: [position],
      },
      {
        heading: tr('Қорытынды', 'Итог'),
        paragraphs: [
          ...conclusion,
          tr(
            'Тыңдау материалдары түпкілікті шешім қабылдау кезінде ескеріледі.',
            'Материалы заслушивания учитываются при принятии окончательного решения.',
          ),
        ],
      },
    ],
    legalBasis: [LAWS.appc73[lang], citeRules(ctx.service, [...hearingRefs(ctx), groundsListRef(ctx)], lang)],
    signature: {
      role: tr('Тыңдауды жүргізген лауазымды адам', 'Должностное лицо, проводившее заслушивание'),
      name: f.optionalText('hearing.conductedBy') ?? f.optionalText('officerName'),
    },
  });
}

export function complaintAnswer(ctx: DocumentContext): DocumentContent {
  const { f, tr, lang } = ctx;
  const receivedAt = formatDate(f.instant('complaint.receivedAt'));
  const complaintText = f.text('complaint.text');
  const upheld = f.boolean('complaintAnswer.upheld');
  const answer = f.bilingual('complaintAnswer.text', lang);
  return finish(ctx, {
    title: tr('Шағымға жауап', 'Ответ на жалобу'),
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [
          tr(
            `«${ctx.serviceName}» мемлекеттік қызметін алуға берілген ${ctx.applicationRef} өтініш бойынша ${receivedAt} келіп түскен шағымыңыз қаралды.`,
            `Рассмотрена Ваша жалоба, поступившая ${receivedAt}, по заявлению ${ctx.applicationRef} на получение государственной услуги «${ctx.serviceName}».`,
          ),
        ],
      },
      { heading: tr('Шағымның мазмұны', 'Содержание жалобы'), paragraphs: [complaintText] },
      {
        heading: tr('Қарау нәтижесі', 'Результат рассмотрения'),
        paragraphs: [
          upheld
            ? tr(
                'Шағым негізді деп танылды және қанағаттандырылды.',
                'Жалоба признана обоснованной и удовлетворена.',
              )
            : tr(
                'Шағым негізсіз деп танылды және қанағаттандырусыз қалдырылды.',
                'Жалоба признана необоснованной и оставлена без удовлетворения.',
              ),
          answer,
        ],
      },
      {
        paragraphs: [
          tr(
            'Шағымды қарау нәтижелерімен келіспеген жағдайда Сіз мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға не сотқа Қазақстан Республикасының заңнамасында белгіленген тәртіппен жүгінуге құқылысыз.',
            'В случае несогласия с результатами рассмотрения жалобы Вы вправе обратиться в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг либо в суд в порядке, установленном законодательством Республики Казахстан.',
          ),
        ],
      },
    ],
    legalBasis: [
      LAWS.publicServices25[lang],
      ...(complaintRefs(ctx).length > 0 ? [citeRules(ctx.service, complaintRefs(ctx), lang)] : []),
    ],
    signature: {
      role: signatoryRole(ctx),
      name: f.optionalText('complaintAnswer.signedBy') ?? f.optionalText('officerName'),
    },
  });
}

export function missingDocumentsRequest(ctx: DocumentContext): DocumentContent {
  const { f, tr, lang } = ctx;
  const documents = f.labels('missingDocuments', lang, true);
  const dueAt = f.optionalInstant('responseDueAt');
  const listRef = documentsListRef(ctx);
  // Service B's list lets the provider ask for the head's diploma or employment record when
  // the state systems cannot supply them; elsewhere the request names the documents row.
  const why =
    ctx.service === 'security-licence'
      ? tr(
          'Төменде көрсетілген мәліметтерді «электрондық үкімет» шлюзі арқылы тиісті мемлекеттік ақпараттық жүйелерден алу мүмкін болмады.',
          'Сведения, указанные ниже, не удалось получить из государственных информационных систем через шлюз «электронного правительства».',
        )
      : tr(
          'Өтінішті қарау үшін құжаттар тізбесінде көзделген мынадай құжаттар қажет.',
          'Для рассмотрения заявления необходимы следующие документы, предусмотренные перечнем документов.',
        );
  const paragraphs = [
    tr(
      `«${ctx.serviceName}» мемлекеттік қызметін алуға берілген ${ctx.applicationRef} өтінішіңіз қаралуда. ${why}`,
      `Ваше заявление ${ctx.applicationRef} на получение государственной услуги «${ctx.serviceName}» находится на рассмотрении. ${why}`,
    ),
  ];
  const closing = [
    tr(
      `Аталған құжаттардың электрондық көшірмелерін порталдағы «жеке кабинет» арқылы ұсынуыңызды сұраймыз. Негіздеме: ${shortRef(ctx.service, listRef, lang)}.`,
      `Просим представить электронные копии указанных документов через «личный кабинет» на портале. Основание: ${shortRef(ctx.service, listRef, lang)}.`,
    ),
  ];
  if (dueAt)
    closing.push(
      tr(
        `Ұсыну мерзімі: ${formatDateTime(dueAt, lang)} дейін.`,
        `Срок представления: до ${formatDateTime(dueAt, lang)}.`,
      ),
    );
  return finish(ctx, {
    title: tr('Құжаттарды ұсыну туралы сұрау салу', 'Запрос о представлении документов'),
    addressee: applicantLine(ctx),
    sections: [
      { paragraphs },
      { heading: tr('Сұралатын құжаттар', 'Запрашиваемые документы'), paragraphs: enumerate(documents) },
      { paragraphs: closing },
    ],
    legalBasis: [citeRules(ctx.service, [listRef], lang)],
    signature: officerSignature(ctx),
  });
}
