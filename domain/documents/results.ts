import {
  applicantLine,
  finish,
  headSignature,
  issuedOn,
  officerSignature,
  REQUEST_KINDS,
  requireDecision,
  type DocumentContext,
} from './context';
import { formatDate } from './format';
import { citeRules, LAWS, SERVICES, shortRef } from './services';
import type { DocumentContent, DocumentSection } from './types';

const SUB_TYPES = {
  1: {
    kk: 'күзет қызметтерінің барлық түрі, оның ішінде террористік тұрғыдан осал объектілерді күзету',
    ru: 'все виды охранных услуг, включая охрану объектов, уязвимых в террористическом отношении',
  },
  2: {
    kk: 'террористік тұрғыдан осал объектілерді күзетуді қоспағанда, күзет қызметтерінің барлық түрі',
    ru: 'все виды охранных услуг, за исключением охраны объектов, уязвимых в террористическом отношении',
  },
} as const;

/** The paragraph of the licensing rules that governs each kind of request (§9, §10, §11). */
const LICENCE_PARAGRAPH = { issue: 9, reissue: 10, duplicate: 11 } as const;

/**
 * A re-issued or duplicated licence keeps its number, so it must be known; a new licence takes the
 * document's register number unless E-licensing has already assigned one.
 */
function licenceNumberOf(ctx: DocumentContext): string {
  const requestKind = ctx.f.oneOf('requestKind', REQUEST_KINDS);
  if (requestKind !== 'issue') return ctx.f.text('licenceNumber');
  return ctx.f.optionalText('licenceNumber') ?? ctx.number;
}

function licenceParticulars(ctx: DocumentContext): {
  rows: [string, string][];
  requestKind: keyof typeof LICENCE_PARAGRAPH;
} {
  const { f, tr, lang } = ctx;
  const subType = f.oneOf('subType', [1, 2] as const);
  const requestKind = f.oneOf('requestKind', REQUEST_KINDS);
  const licenceNumber = licenceNumberOf(ctx);
  const basis = {
    issue: tr('лицензия беру', 'выдача лицензии'),
    reissue: tr('лицензияны қайта ресімдеу', 'переоформление лицензии'),
    duplicate: tr('лицензияның телнұсқасын беру', 'выдача дубликата лицензии'),
  }[requestKind];
  const rows: [string, string][] = [
    [tr('Лицензия нөмірі', 'Номер лицензии'), licenceNumber],
    [tr('Лицензиат', 'Лицензиат'), ctx.applicant.name],
    [tr('БСН', 'БИН'), ctx.applicant.bin],
    [tr('Қызмет түрі', 'Вид деятельности'), tr('Күзет қызметі', 'Охранная деятельность')],
    [tr('Қызметтің кіші түрі', 'Подвид деятельности'), SUB_TYPES[subType][lang]],
    [tr('Лицензиар', 'Лицензиар'), ctx.issuer],
    [
      tr('Ресімдеу негізі', 'Основание оформления'),
      `${basis}, ${tr('өтініш', 'заявление')} № ${ctx.applicationNumber}`,
    ],
    [tr('Берілген күні', 'Дата выдачи'), issuedOn(ctx)],
  ];
  if (ctx.applicant.address)
    rows.splice(3, 0, [tr('Орналасқан жері', 'Место нахождения'), ctx.applicant.address]);
  return { rows, requestKind };
}

function licenceLegalBasis(ctx: DocumentContext, requestKind: keyof typeof LICENCE_PARAGRAPH): string[] {
  return [
    citeRules(
      ctx.service,
      [{ paragraph: 2 }, { paragraph: LICENCE_PARAGRAPH[requestKind] }, { listItem: 5 }],
      ctx.lang,
    ),
    LAWS.securityActivity[ctx.lang],
  ];
}

export function permit(ctx: DocumentContext): DocumentContent {
  const { f, tr, lang } = ctx;
  requireDecision(ctx, true);
  // E-licensing assigns the permit number when it has one; otherwise the register number stands.
  const permitNumber = f.optionalText('permitNumber') ?? ctx.number;
  const activity = tr(
    'өрт автоматикасы жүйелерін монтаждау, баптау және оларға техникалық қызмет көрсету жөніндегі қызметті жүзеге асыру',
    'осуществление деятельности по монтажу, наладке и техническому обслуживанию систем пожарной автоматики',
  );
  const rows: [string, string][] = [
    [tr('Рұқсат нөмірі', 'Номер разрешения'), permitNumber],
    [tr('Рұқсат иесі', 'Владелец разрешения'), ctx.applicant.name],
    [tr('ЖСН/БСН', 'ИИН/БИН'), ctx.applicant.bin],
    [tr('Қызмет түрі', 'Вид деятельности'), activity],
    [tr('Берген орган', 'Орган, выдавший разрешение'), ctx.issuer],
    [tr('Берілген күні', 'Дата выдачи'), issuedOn(ctx)],
    [tr('Өтініш', 'Заявление'), ctx.applicationRef],
  ];
  if (ctx.applicant.address)
    rows.splice(3, 0, [tr('Орналасқан жері', 'Место нахождения'), ctx.applicant.address]);
  if (ctx.applicant.headFullName)
    rows.splice(3, 0, [tr('Басшы', 'Руководитель'), ctx.applicant.headFullName]);
  return finish(ctx, {
    title: tr(
      'Өрт автоматикасы жүйелерін монтаждау, баптау және оларға техникалық қызмет көрсету жөніндегі қызметті жүзеге асыруға рұқсат',
      'Разрешение на осуществление деятельности по монтажу, наладке и техническому обслуживанию систем пожарной автоматики',
    ),
    number: permitNumber,
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [
          tr(
            `Осы рұқсат ${ctx.applicant.name} атына берілді және ${activity} құқығын береді.`,
            `Настоящее разрешение выдано ${ctx.applicant.name} и предоставляет право на ${activity}.`,
          ),
        ],
      },
      { heading: tr('Рұқсат деректері', 'Сведения о разрешении'), paragraphs: [], table: { rows } },
      {
        paragraphs: [
          tr(
            'Рұқсат «Е-лицензиялау» мемлекеттік деректер базасында электрондық құжат нысанында ресімделді және көрсетілетін қызметті алушының «жеке кабинетіне» жолданды.',
            'Разрешение оформлено в форме электронного документа в государственной базе данных «Е-лицензирование» и направлено в «личный кабинет» услугополучателя.',
          ),
        ],
      },
    ],
    legalBasis: [
      tr(
        '«Азаматтық қорғау туралы» Қазақстан Республикасы Заңының 12-бабы 1-тармағының 88) тармақшасы',
        'Подпункт 88) пункта 1 статьи 12 Закона Республики Казахстан «О гражданской защите»',
      ),
      citeRules(ctx.service, [{ paragraph: 3 }, { listItem: 7 }], lang),
    ],
    signature: headSignature(ctx),
  });
}

export function licence(ctx: DocumentContext): DocumentContent {
  const { tr } = ctx;
  requireDecision(ctx, true);
  const { rows, requestKind } = licenceParticulars(ctx);
  const sections: DocumentSection[] = [
    {
      paragraphs: [
        tr(
          `Күзет қызметімен айналысу құқығына лицензия ${ctx.applicant.name} атына берілді.`,
          `Лицензия на право занятия охранной деятельностью выдана ${ctx.applicant.name}.`,
        ),
      ],
    },
  ];
  if (requestKind === 'reissue') {
    sections.push({
      paragraphs: [
        tr(
          'Лицензия көрсетілетін қызметті алушының өтініші бойынша қайта ресімделді.',
          'Лицензия переоформлена по заявлению услугополучателя.',
        ),
      ],
    });
  }
  if (requestKind === 'duplicate') {
    sections.push({
      paragraphs: [
        tr(
          'Телнұсқа лицензия жоғалған немесе бүлінген жағдайда беріледі және түпнұсқамен бірдей заңды күшке ие.',
          'Дубликат выдан взамен утраченной или повреждённой лицензии и имеет ту же юридическую силу, что и подлинник.',
        ),
      ],
    });
  }
  sections.push({
    heading: tr('Лицензия деректері', 'Сведения о лицензии'),
    paragraphs: [],
    table: { rows },
  });
  return finish(ctx, {
    title:
      requestKind === 'duplicate'
        ? tr(
            'Күзет қызметімен айналысу құқығына лицензияның телнұсқасы',
            'Дубликат лицензии на право занятия охранной деятельностью',
          )
        : tr(
            'Күзет қызметімен айналысу құқығына лицензия',
            'Лицензия на право занятия охранной деятельностью',
          ),
    number: licenceNumberOf(ctx),
    addressee: applicantLine(ctx),
    sections,
    legalBasis: licenceLegalBasis(ctx, requestKind),
    signature: headSignature(ctx),
  });
}

export function licenceAnnex(ctx: DocumentContext): DocumentContent {
  const { tr, lang } = ctx;
  requireDecision(ctx, true);
  const { rows, requestKind } = licenceParticulars(ctx);
  const subType = ctx.f.oneOf('subType', [1, 2] as const);
  // Annex 5: the places where the activity is carried on; the licensee's location when none are given.
  const places = ctx.f.labels('placesOfActivity', lang, false);
  const seat = ctx.applicant.address ?? ctx.f.optionalText('applicant.location');
  const where = places.length > 0 ? places : seat ? [seat] : [];
  if (where.length > 0)
    rows.splice(rows.length - 1, 0, [
      tr('Қызметті жүзеге асыру орындары', 'Места осуществления деятельности'),
      where.join('; '),
    ]);
  return finish(ctx, {
    title:
      requestKind === 'duplicate'
        ? tr(
            'Күзет қызметімен айналысу құқығына лицензияға қосымшаның телнұсқасы',
            'Дубликат приложения к лицензии на право занятия охранной деятельностью',
          )
        : tr(
            'Күзет қызметімен айналысу құқығына лицензияға қосымша',
            'Приложение к лицензии на право занятия охранной деятельностью',
          ),
    // The annex carries the number of its licence.
    number: licenceNumberOf(ctx),
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [
          tr(
            `№ ${licenceNumberOf(ctx)} лицензияға осы қосымша лицензиаттың мынадай кіші түр бойынша қызметті жүзеге асыру құқығын растайды: ${SUB_TYPES[subType][lang]}.`,
            `Настоящее приложение к лицензии № ${licenceNumberOf(ctx)} подтверждает право лицензиата осуществлять деятельность по подвиду: ${SUB_TYPES[subType][lang]}.`,
          ),
          tr('Қосымша лицензиясыз жарамсыз.', 'Приложение действительно только вместе с лицензией.'),
        ],
      },
      { heading: tr('Қосымша деректері', 'Сведения о приложении'), paragraphs: [], table: { rows } },
    ],
    legalBasis: licenceLegalBasis(ctx, requestKind),
    signature: headSignature(ctx),
  });
}

function objectsSection(ctx: DocumentContext): DocumentSection {
  const { tr } = ctx;
  return {
    heading: tr(
      'Күзетке берілетін объектілер (еншілес ұйымдардың объектілерін қоса алғанда)',
      'Объекты, передаваемые под охрану (включая объекты дочерних организаций)',
    ),
    paragraphs: [],
    table: { rows: ctx.f.objects().map((o, i): [string, string] => [`${i + 1}. ${o.name}`, o.location]) },
  };
}

/** A reference to an outside document given as `{ number, date }`, e.g. the antimonopoly consent. */
function outsideDocument(ctx: DocumentContext, path: string): string | undefined {
  // An answer may come without its outgoing number (the antimonopoly body's answer carries only
  // consent and comment): it is then cited without number and date rather than stopping the result.
  if (!ctx.f.has(`${path}.number`)) return undefined;
  const number = ctx.f.text(`${path}.number`);
  const date = formatDate(ctx.f.instant(`${path}.date`));
  return ctx.tr(`${date} № ${number}`, `№ ${number} от ${date}`);
}

export function antimonopolyLetter(ctx: DocumentContext): DocumentContent {
  const { tr, lang } = ctx;
  const consent = outsideDocument(ctx, 'antimonopolyConsent');
  const paragraphs = [
    tr(
      `Қазақстан Республикасы Ішкі істер министрлігі ${ctx.applicant.name} (БСН ${ctx.applicant.bin}) ұлттық компаниясының күзет ұйымын құруын келісу туралы ${ctx.applicationRef} өтінішін қарауда.`,
      `Министерство внутренних дел Республики Казахстан рассматривает заявление ${ctx.applicationRef} национальной компании ${ctx.applicant.name} (БИН ${ctx.applicant.bin}) о согласовании создания охранной организации.`,
    ),
    tr(
      `${shortRef(ctx.service, { paragraph: 9 }, lang)} негізінде Қазақстан Республикасының Кәсіпкерлік кодексіне сәйкес берілген, аталған күзет ұйымын құруға, оның ішінде қызметтің жарғылық түрлерін кеңейтуге және (немесе) өзгертуге монополияға қарсы органның алдын ала келісімін растауды сұраймыз.`,
      `В соответствии с пунктом 9 Правил просим подтвердить предварительное согласие антимонопольного органа, данное в соответствии с Предпринимательским кодексом Республики Казахстан, на создание указанной охранной организации, в том числе на расширение и (или) изменение уставных видов деятельности.`,
    ),
  ];
  if (consent) {
    paragraphs.push(
      tr(
        `Көрсетілетін қызметті алушы монополияға қарсы органның ${consent} алдын ала келісімін ұсынды.`,
        `Услугополучателем представлен документ о предварительном согласии антимонопольного органа ${consent}.`,
      ),
    );
  }
  return finish(ctx, {
    title: tr(
      'Алдын ала келісімді растау туралы сұрау салу',
      'Запрос о подтверждении предварительного согласия',
    ),
    addressee: ctx.f.has('antimonopolyBody')
      ? ctx.f.bilingual('antimonopolyBody', lang)
      : tr(
          'Қазақстан Республикасының монополияға қарсы органы',
          'Антимонопольный орган Республики Казахстан',
        ),
    sections: [
      { paragraphs },
      objectsSection(ctx),
      {
        paragraphs: [
          tr(
            'Жауабыңызды хатта көрсетілген нөмірге сілтеме жасай отырып жолдауыңызды сұраймыз.',
            'Ответ просим направить со ссылкой на номер настоящего письма.',
          ),
        ],
      },
    ],
    legalBasis: [
      citeRules(ctx.service, [{ paragraph: 9 }, { listItem: 8 }], lang),
      LAWS.entrepreneurialCode[lang],
      LAWS.mia863[lang],
    ],
    signature: officerSignature(ctx),
  });
}

export function consentLetter(ctx: DocumentContext): DocumentContent {
  const { tr, lang } = ctx;
  requireDecision(ctx, true);
  const answer = outsideDocument(ctx, 'antimonopolyAnswer');
  const answerKk = answer
    ? `монополияға қарсы органның ${answer} жауабын`
    : 'монополияға қарсы органның жауабын';
  const answerRu = answer ? `ответа антимонопольного органа ${answer}` : 'ответа антимонопольного органа';
  return finish(ctx, {
    title: tr(
      'Ұлттық компанияның күзет ұйымын құруына келісім хат',
      'Письмо-согласие на создание национальной компанией охранной организации',
    ),
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [
          tr(
            `Қазақстан Республикасы Ішкі істер министрлігі ${ctx.applicationRef} өтінішті қарап, ${answerKk} ескере отырып, ${ctx.applicant.name} ұлттық компаниясының күзет ұйымын құруына келісім береді.`,
            `Министерство внутренних дел Республики Казахстан, рассмотрев заявление ${ctx.applicationRef} и с учётом ${answerRu}, согласовывает создание национальной компанией ${ctx.applicant.name} охранной организации.`,
          ),
          tr(
            'Күзет ұйымы төменде көрсетілген объектілерді күзету үшін құрылады.',
            'Охранная организация создаётся для охраны объектов, указанных ниже.',
          ),
        ],
      },
      objectsSection(ctx),
      {
        paragraphs: [
          tr(
            `Осы хат «${ctx.serviceName}» мемлекеттік қызметті көрсетудің нәтижесі болып табылады.`,
            `Настоящее письмо является результатом оказания государственной услуги «${ctx.serviceName}».`,
          ),
        ],
      },
    ],
    legalBasis: [
      citeRules(ctx.service, [{ paragraph: 10 }], lang),
      LAWS.mia863[lang],
      LAWS.securityActivity[lang],
    ],
    signature: headSignature(ctx),
  });
}

/**
 * The Minister's order designating the training centre (service C, §9–§10). The draft goes to the
 * ministry's legal and editorial services; the final order, agreed after their conclusions and
 * signed by the Minister, is the result sent to the applicant's personal cabinet.
 */
function ministersOrder(ctx: DocumentContext, draft: boolean): DocumentContent {
  const { tr, lang } = ctx;
  if (!draft) requireDecision(ctx, true);
  const name = ctx.applicant.name;
  const rows: [string, string][] = [
    [tr('Өтініш', 'Заявление'), ctx.applicationRef],
    [tr('Заңды тұлға', 'Юридическое лицо'), name],
    [tr('БСН', 'БИН'), ctx.applicant.bin],
  ];
  if (ctx.applicant.address) rows.push([tr('Орналасқан жері', 'Место нахождения'), ctx.applicant.address]);
  return finish(ctx, {
    title: draft
      ? tr(
          'Қазақстан Республикасы Ішкі істер министрінің бұйрығы (жоба)',
          'Приказ Министра внутренних дел Республики Казахстан (проект)',
        )
      : tr(
          'Қазақстан Республикасы Ішкі істер министрінің бұйрығы',
          'Приказ Министра внутренних дел Республики Казахстан',
        ),
    addressee: draft
      ? tr(
          'Қазақстан Республикасы Ішкі істер министрлігінің мүдделі қызметтері (құқықтық және редакциялық сараптама)',
          'Заинтересованные службы Министерства внутренних дел Республики Казахстан (правовая и редакционная экспертиза)',
        )
      : name,
    sections: [
      {
        heading: tr(
          'Жеке күзет ұйымында басшы және күзетші лауазымдарын атқаратын жұмыскерлерді даярлау және біліктілігін арттыру жөніндегі мамандандырылған оқу орталығын айқындау туралы',
          'Об определении специализированного учебного центра по подготовке и повышению квалификации работников, занимающих должности руководителя и охранника в частной охранной организации',
        ),
        paragraphs: [
          tr(
            `«Күзет қызметі туралы» Қазақстан Республикасының Заңына және «${ctx.serviceName}» мемлекеттік қызмет көрсету қағидаларына сәйкес БҰЙЫРАМЫН:`,
            `В соответствии с Законом Республики Казахстан «Об охранной деятельности» и Правилами оказания государственной услуги «${ctx.serviceName}» ПРИКАЗЫВАЮ:`,
          ),
          tr(
            `1. ${name} (БСН ${ctx.applicant.bin}) жеке күзет ұйымында басшы және күзетші лауазымдарын атқаратын жұмыскерлерді даярлау және біліктілігін арттыру жөніндегі мамандандырылған оқу орталығы болып айқындалсын.`,
            `1. Определить ${name} (БИН ${ctx.applicant.bin}) специализированным учебным центром по подготовке и повышению квалификации работников, занимающих должности руководителя и охранника в частной охранной организации.`,
          ),
          tr(
            '2. Қазақстан Республикасы Ішкі істер министрлігінің Күзет қызметін бақылау департаменті осы бұйрықты көрсетілетін қызметті алушының «жеке кабинетіне» жолдауды қамтамасыз етсін.',
            '2. Департаменту контроля за охранной деятельностью Министерства внутренних дел Республики Казахстан обеспечить направление настоящего приказа в «личный кабинет» услугополучателя.',
          ),
          tr(
            '3. Осы бұйрықтың орындалуын бақылау Қазақстан Республикасы Ішкі істер министрінің жетекшілік ететін орынбасарына жүктелсін.',
            '3. Контроль за исполнением настоящего приказа возложить на курирующего заместителя Министра внутренних дел Республики Казахстан.',
          ),
          tr(
            '4. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.',
            '4. Настоящий приказ вводится в действие со дня его подписания.',
          ),
        ],
      },
      { heading: tr('Өтініш деректері', 'Сведения о заявлении'), paragraphs: [], table: { rows } },
      {
        paragraphs: [
          draft
            ? tr(
                `Жоба құқықтық және редакциялық сараптамаға жолданады (${shortRef(ctx.service, { paragraph: 9 }, lang)}); сарапшылардың қорытындыларынан кейін бұйрық келісіліп, Министрдің қол қоюына ұсынылады (${shortRef(ctx.service, { paragraph: 10 }, lang)}).`,
                `Проект направляется на правовую и редакционную экспертизу (${shortRef(ctx.service, { paragraph: 9 }, lang)}); после заключений экспертов приказ согласовывается и вносится на подпись Министру (${shortRef(ctx.service, { paragraph: 10 }, lang)}).`,
              )
            : tr(
                `Бұйрық құқықтық және редакциялық сараптаманың оң қорытындыларынан кейін келісілді (${shortRef(ctx.service, { paragraph: 9 }, lang)}, ${shortRef(ctx.service, { paragraph: 10 }, lang)}).`,
                `Приказ согласован после положительных заключений правовой и редакционной экспертизы (${shortRef(ctx.service, { paragraph: 9 }, lang)}, ${shortRef(ctx.service, { paragraph: 10 }, lang)}).`,
              ),
        ],
      },
    ],
    legalBasis: [
      LAWS.securityActivity[lang],
      citeRules(ctx.service, [{ paragraph: 9 }, { paragraph: 10 }], lang),
    ],
    // A draft carries the signatory's post only; the Minister signs the final order.
    signature: draft ? { role: SERVICES[ctx.service].head[lang] } : headSignature(ctx),
  });
}

export const ministersOrderDraft = (ctx: DocumentContext): DocumentContent => ministersOrder(ctx, true);
export const ministersOrderFinal = (ctx: DocumentContext): DocumentContent => ministersOrder(ctx, false);
