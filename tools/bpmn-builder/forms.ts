/**
 * Writes the Camunda Forms of every user task into forms/, plus forms/i18n/{kk,ru}.json (field key
 * → label) for our web app's language switch. Labels inside the forms are "Kazakh / Russian" so
 * that Camunda Tasklist, which has no language switch, shows both.
 * Run: `npx tsx tools/bpmn-builder/forms.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groundsOf } from '../../domain/rules/refusal-grounds';
import { premisesDocument, SUB_TYPE_ONE_DOCUMENTS } from '../../domain/rules/security-requirements';
import { SERVICE_IDS, type ServiceId } from '../../domain/services';

type L = [kk: string, ru: string];
type Component = Record<string, unknown>;

const i18n: { kk: Record<string, string>; ru: Record<string, string> } = { kk: {}, ru: {} };
let seq = 0;

function label(key: string, [kk, ru]: L): string {
  i18n.kk[key] = kk;
  i18n.ru[key] = ru;
  return `${kk} / ${ru}`;
}
function id(key: string) {
  return `Field_${key.replace(/[^A-Za-z0-9]/g, '_')}_${++seq}`;
}

const text = (md: string): Component => ({ type: 'text', text: md, id: `Text_${++seq}` });
const checkbox = (key: string, l: L, o: Component = {}): Component => ({
  type: 'checkbox',
  key,
  label: label(key, l),
  id: id(key),
  ...o,
});
const textarea = (key: string, l: L, o: Component = {}): Component => ({
  type: 'textarea',
  key,
  label: label(key, l),
  id: id(key),
  ...o,
});
const textfield = (key: string, l: L, o: Component = {}): Component => ({
  type: 'textfield',
  key,
  label: label(key, l),
  id: id(key),
  ...o,
});
const radio = (key: string, l: L, values: Array<[string, L]>, o: Component = {}): Component => ({
  type: 'radio',
  key,
  label: label(key, l),
  id: id(key),
  values: values.map(([value, vl]) => ({ value, label: `${vl[0]} / ${vl[1]}` })),
  validate: { required: true },
  ...o,
});
const view = (key: string, l: L, expression: string): Component => ({
  type: 'expression',
  key,
  id: id(key),
  expression,
  computeOn: 'change',
  label: label(key, l),
});
const required = { validate: { required: true } };
/** Spec C13, Order 138 ¶4: the rules version's note to the clerk (intake's `earlierWordingNote`), shown only when set. */
const earlierWording = (): Component => ({
  type: 'text',
  text: '**{{earlierWordingNote}}**',
  // A fixed id, so that adding it does not renumber the other forms' components.
  id: 'Text_EarlierWordingNote',
  conditional: { hide: '=earlierWordingNote = null' },
});

const reason = (key: string, l: L, hide: string): Component =>
  textarea(key, l, { validate: { required: true, minLength: 20, maxLength: 4000 }, conditional: { hide } });

/** A read-only table fed by a display variable the case-summary job prepares. */
const table = (key: string, l: L, columns: Array<[string, L]>): Component => ({
  type: 'table',
  id: `Table_${key}`,
  label: label(`Table_${key}`, l),
  dataSource: `=if ${key} = null then [] else ${key}`,
  columns: columns.map(([k, [kk, ru]]) => ({ key: k, label: `${kk} / ${ru}` })),
});

/**
 * The case as it stands when the task was created (domain/case-summary.ts, prepared by the
 * case-summary job before the task): who applies and for what, each check with its result, source
 * and time, the grounds with their facts and the act's paragraph, the terms with working days left,
 * the applicant's positions and messages, the remarks, and the documents with links and a preview.
 * Fixed ids, so that the numbered ids of the forms' own fields stay as they were.
 */
const caseSummary = (): Component[] => [
  {
    type: 'text',
    id: 'Text_CaseSummary',
    text: '**Өтініш беруші / Заявитель:** {{displayApplicant}}\n\n**Сұрау / Запрос:** {{displayRequest}}',
  },
  table(
    'displayDeadlines',
    ['Мерзімдер', 'Сроки'],
    [
      ['step', ['Кезең', 'Этап']],
      ['due', ['Мерзімі', 'Срок']],
      ['left', ['Қалды', 'Осталось']],
    ],
  ),
  table(
    'displayChecks',
    ['Тексерулер', 'Проверки'],
    [
      ['check', ['Тексеру', 'Проверка']],
      ['result', ['Нәтиже', 'Результат']],
      ['source', ['Дереккөз', 'Источник']],
      ['answeredAt', ['Жауап уақыты', 'Время ответа']],
    ],
  ),
  table(
    'displayGrounds',
    ['Бас тарту негіздері', 'Основания для отказа'],
    [
      ['ground', ['Негіз', 'Основание']],
      ['facts', ['Фактілер', 'Факты']],
      ['act', ['Заң нормасы', 'Норма акта']],
    ],
  ),
  table(
    'displayMessages',
    ['Өтініш берушінің ұстанымдары мен хабарлары', 'Позиции и сообщения заявителя'],
    [
      ['at', ['Күні', 'Дата']],
      ['kind', ['Түрі', 'Вид']],
      ['text', ['Мәтіні', 'Текст']],
      ['attachments', ['Құжаттар', 'Документы']],
    ],
  ),
  table(
    'displayRemarks',
    ['Ескертпелер мен шешімдер', 'Замечания и решения'],
    [
      ['who', ['Кім / кезең', 'Кто / этап']],
      ['text', ['Мәтіні', 'Текст']],
    ],
  ),
  table(
    'displayDocuments',
    ['Құжаттар', 'Документы'],
    [
      ['title', ['Шығу тегі', 'Происхождение']],
      ['file', ['Құжат', 'Документ']],
    ],
  ),
  {
    type: 'text',
    id: 'Text_DocumentLinks',
    text: '**Құжаттарды ашу / Открыть документы:**\n\n{{displayDocumentLinks}}',
  },
  {
    type: 'documentPreview',
    id: 'DocumentPreview_Documents',
    label: label('DocumentPreview_Documents', ['Құжатты қарау', 'Просмотр документа']),
    dataSource: '=displayPreviews',
    maxHeight: 600,
    conditional: { hide: '=displayPreviews = null or count(displayPreviews) = 0' },
  },
];

function form(formId: string, title: L, components: Component[], o: { summary?: false } = {}) {
  return {
    $schema: 'https://unpkg.com/@bpmn-io/form-json-schema/resources/schema.json',
    executionPlatform: 'Camunda Cloud',
    executionPlatformVersion: '8.8.0',
    exporter: { name: 'kz-permits forms', version: '1.0.0' },
    schemaVersion: 16,
    type: 'default',
    id: formId,
    components: [
      text(
        o.summary === false
          ? `## ${title[0]}\n## ${title[1]}`
          : `## ${title[0]}\n## ${title[1]}\n\nӨтініш / Заявление № {{applicationNumber}}`,
      ),
      ...(o.summary === false ? [] : caseSummary()),
      ...components,
    ],
  };
}

/** Order 923 List row 9 and Order 138 Annex 2 row 11: each service's study offers its own grounds only. */
const groundValues = (serviceId: ServiceId) =>
  groundsOf(serviceId).map((g) => ({ value: g.code, label: `${g.textKk} / ${g.textRu}` }));

/** The study form of one service: `compliance-study-<serviceId>`, the id its diagram's study task uses (service-frame.ts). */
const studyFormId = (serviceId: ServiceId) => `compliance-study-${serviceId}`;

const SUB_TYPE_ONE = '=serviceId != "security-licence" or subType != 1 or requestKind = "duplicate"';

/**
 * Order 923 §6–§7, List row 8 item 1: the sub-type 1 documents the portal's attachments lack, for
 * the clerk's completeness decision (an incomplete package, never refusal ground 13). Built from the
 * domain's list; the premises line carries its condition (leased), which the clerk judges.
 */
const missingSubTypeOneView = (): Component => {
  const docs = [premisesDocument(undefined), ...SUB_TYPE_ONE_DOCUMENTS];
  const entries = docs
    .map((d) => `{kinds: [${d.kinds.map((k) => `"${k}"`).join(', ')}], label: "${d.kk} / ${d.ru}"}`)
    .join(', ');
  return {
    ...view(
      'viewMissingSubTypeOne',
      ['Қоса берілмеген құжаттар (1-кіші түр)', 'Не приложены документы (подвид 1)'],
      `={present: if attachments = null then [] else for a in attachments return a.kind, missing: (for d in [${entries}] return if some k in d.kinds satisfies list contains(present, k) then null else d.label)[item != null], shown: if count(missing) = 0 then "барлығы қоса берілген / все приложены" else string join(missing, "; ")}.shown`,
    ),
    conditional: { hide: SUB_TYPE_ONE },
  };
};

/** Required documents per service (checkbox per document); hidden when not asked for. */
type Doc = { key: string; l: L; hide: string };
const askedWhen = (hide: string, docs: Array<[key: string, l: L]>): Doc[] =>
  docs.map(([key, l]) => ({ key, l, hide }));
const DOCS: Doc[] = [
  { key: 'docApplication', l: ['ЭЦҚ қойылған өтініш', 'Заявление, подписанное ЭЦП'], hide: '=false' },
  // Service A, Annex 2 row 10
  ...askedWhen('=serviceId != "fire-automation-permit"', [
    [
      'docSpecialists',
      ['Мамандардың құжаттары (рұқсат тобы, білімі)', 'Документы специалистов (группа допуска, образование)'],
    ],
    ['docEmploymentContracts', ['Мамандармен еңбек шарттары', 'Трудовые договоры со специалистами']],
    ['docPremises', ['Ғимаратқа немесе үй-жайға құжаттар', 'Документы на здание или помещение']],
    ['docMeasuringInstruments', ['Өлшеу құралдарына құжаттар', 'Документы на средства измерений']],
  ]),
  // Service B sub-type 1 (issue, re-issue), List row 8 item 1
  ...askedWhen(SUB_TYPE_ONE, [
    [
      'docCentralPostPremises',
      [
        'Орталықтандырылған күзет пунктінің үй-жайына құжаттар (жалға алса)',
        'Документы на помещение центрального поста охраны (при аренде)',
      ],
    ],
    [
      'docMonitoringConsole',
      ['Орталықтандырылған бақылау пультіне құжаттар', 'Документы на пульт централизованного наблюдения'],
    ],
    [
      'docRadioPermit',
      [
        'Радиожиілікке рұқсат немесе радиобайланыс шарты',
        'Разрешение на радиочастоту или договор радиосвязи',
      ],
    ],
    [
      'docResponseGroups',
      ['Жедел ден қою топтары туралы бұйрықтар', 'Приказы о группах быстрого реагирования'],
    ],
    [
      'docVehicles',
      [
        'Кемінде екі көлік құралының тіркеу куәліктері',
        'Свидетельства о регистрации не менее двух транспортных средств',
      ],
    ],
  ]),
  // Service C, Annex 1 row 8
  ...askedWhen('=serviceId != "training-centre-designation"', [
    ['docInspectionAct', ['Тексеру актісі', 'Акт обследования']],
    ['docTeachers', ['Оқытушылар мен практиктердің құжаттары', 'Документы преподавателей и практиков']],
    ['docCurricula', ['Оқу бағдарламалары мен жоспарлары', 'Учебные программы и планы']],
    ['docShootingRange', ['Атыс тиріне құжаттар (жалға алса)', 'Документы на тир (при аренде)']],
  ]),
  // Service D, Annex 1 row 8
  ...askedWhen('=serviceId != "national-company-security-approval"', [
    [
      'docAntimonopolyConsent',
      ['Монополияға қарсы органның алдын ала келісімі', 'Предварительное согласие антимонопольного органа'],
    ],
    ['docConstituent', ['Құрылтай құжаттары', 'Учредительные документы']],
    ['docObjectsList', ['Күзетілетін объектілердің тізбесі', 'Перечень охраняемых объектов']],
  ]),
];

/** Service D: who applies under a power of attorney (Order 923, national-company List row 8 lead-in). */
// A fixed id, so adding it leaves the numbered ids of every other field as they were.
const representativeView: Component = {
  type: 'expression',
  key: 'viewRepresentative',
  id: 'Field_viewRepresentative',
  computeOn: 'change',
  label: label('viewRepresentative', ['Сенімхат бойынша өкіл', 'Представитель по доверенности']),
  expression:
    '=if representative = null then "—" else representative.fullName + " (ЖСН/ИИН " + representative.iin + "), сенімхат/доверенность № " + representative.powerOfAttorney.number + " · " + representative.powerOfAttorney.issuedOn + " · " + representative.powerOfAttorney.validFrom + " – " + representative.powerOfAttorney.validUntil',
  conditional: { hide: '=representative = null' },
};

function studyForm(serviceId: ServiceId) {
  return form(
    studyFormId(serviceId),
    ['Құжаттарды зерделеу және сәйкестікті тексеру', 'Изучение документов и проверка соответствия'],
    [
      earlierWording(),
      representativeView,
      // Order 138 Annex 2 row 11, Order 923 List row 9: grounds the application or the checks
      // recorded take the case to the hearing whatever is ticked below.
      {
        type: 'text',
        id: 'Text_RecordedGrounds',
        text: '**Жүйе бас тарту негіздерін тіркеді: өтініш тыңдауға жіберіледі (өтініш берушінің ұстанымы қабылданса ғана қызмет көрсетіледі). / Система зафиксировала основания для отказа: заявление направляется на заслушивание (услуга оказывается, только если позиция заявителя будет принята).**',
        conditional: { hide: '=recordedGroundCodes = null or count(recordedGroundCodes) = 0' },
      },
      checkbox('groundsFound', ['Бас тарту үшін негіздер бар', 'Есть основания для отказа']),
      {
        type: 'taglist',
        key: 'refusalGrounds',
        id: id('refusalGrounds'),
        label: label('refusalGrounds', [
          'Бас тарту негіздері (заң бойынша)',
          'Основания для отказа (по закону)',
        ]),
        values: groundValues(serviceId),
        validate: { required: true },
        conditional: { hide: '=groundsFound != true' },
      },
      textarea('studyNotes', ['Зерделеу нәтижесі', 'Заключение по изучению'], {
        validate: { maxLength: 4000 },
      }),
    ],
  );
}

const forms = [
  form(
    'completeness-check',
    ['Құжаттардың толықтығын тексеру', 'Проверка полноты документов'],
    [
      earlierWording(),
      representativeView,
      text('Әр құжатты белгілеңіз / Отметьте каждый представленный и действующий документ.'),
      missingSubTypeOneView(),
      ...DOCS.map((d) => checkbox(d.key, d.l, { conditional: { hide: d.hide } })),
      checkbox('documentsExpired', ['Мерзімі өткен құжаттар бар', 'Есть документы с истёкшим сроком']),
      // C5: which documents are expired, for the reasoned refusal; only this service's documents offered.
      {
        type: 'taglist',
        key: 'expiredDocuments',
        id: id('expiredDocuments'),
        label: label('expiredDocuments', ['Мерзімі өткен құжаттар', 'Документы с истёкшим сроком']),
        valuesExpression: `=[${DOCS.map(
          (d) =>
            `if not(${d.hide.slice(1)}) then {value: "${d.key}", label: "${d.l[0]} / ${d.l[1]}"} else null`,
        ).join(', ')}][item != null]`,
        validate: { required: true },
        conditional: { hide: '=documentsExpired != true' },
      },
      // A boolean, because the diagram's gateway tests `documentsComplete = true`.
      checkbox('documentsComplete', [
        'Құжаттар топтамасы толық және қолданыста',
        'Пакет документов полный и действующий',
      ]),
      reason(
        'incompletenessReason',
        [
          'Бас тарту себебі (жетіспейтін немесе мерзімі өткен құжаттар)',
          'Причина отказа (недостающие или просроченные документы)',
        ],
        '=documentsComplete = true',
      ),
    ],
  ),
  // The first study form takes the place of the former common one; the others go last, so that
  // the field ids of the forms in between stay as they were.
  studyForm(SERVICE_IDS[0]),
  form(
    'preliminary-decision',
    ['Бас тарту туралы алдын ала шешім және тыңдау', 'Предварительное решение об отказе и заслушивание'],
    [
      // C6: the check of the hearing time sends a rejected time back here with its reason.
      text(
        '{{#if hearingTimeError}}**Тыңдау уақыты қабылданбады / Время заслушивания не принято:** {{hearingTimeError.kk}} / {{hearingTimeError.ru}}{{/if}}',
      ),
      text('**Тыңдауды белгілеуге болатын уақыт / Допустимое время заслушивания:** {{displayHearingWindow}}'),
      {
        type: 'datetime',
        key: 'hearingAt',
        id: id('hearingAt'),
        subtype: 'datetime',
        dateLabel: label('hearingAt', ['Тыңдау күні мен уақыты', 'Дата и время заслушивания']),
        timeLabel: 'Уақыт / Время',
        timeSerializingFormat: 'utc_offset',
        timeInterval: 15,
        disallowPassedDates: true,
        validate: { required: true },
      },
      radio(
        'hearingMethod',
        ['Тыңдау тәсілі', 'Способ заслушивания'],
        [
          ['in-person', ['Көрсетілетін қызметті берушінің кеңсесінде', 'В офисе услугодателя']],
          ['video', ['Бейнебайланыс', 'Видеосвязь']],
          ['written', ['Жазбаша ұстаным', 'Письменная позиция']],
        ],
      ),
      textfield('hearingPlace', ['Орны немесе бейнебайланыс сілтемесі', 'Место или ссылка на видеосвязь'], {
        validate: { required: true, minLength: 5, maxLength: 300 },
      }),
      textarea(
        'preliminaryDecisionText',
        ['Алдын ала шешімнің негіздемесі', 'Обоснование предварительного решения'],
        { validate: { required: true, minLength: 50, maxLength: 8000 } },
      ),
    ],
  ),
  form(
    'hearing-record',
    ['Тыңдау хаттамасы', 'Протокол заслушивания'],
    [
      text('**Тыңдау / Заслушивание:** {{displayHearing}}'),
      // C6: every position the applicant sent, with its attachments, those sent after the hearing
      // time marked, are in the summary's messages table (displayMessages).
      textarea(
        'applicantPositionSummary',
        ['Өтініш берушінің ұстанымының қысқаша мазмұны', 'Краткое изложение позиции заявителя'],
        { validate: { required: true, minLength: 20, maxLength: 8000 } },
      ),
      radio(
        'hearingOutcome',
        ['Түпкілікті шешім', 'Итоговое решение'],
        [
          ['refusal-confirmed', ['Бас тарту расталды', 'Отказ подтверждён']],
          [
            'position-accepted',
            ['Ұстаным қабылданды — қызмет көрсетіледі', 'Позиция принята — услуга оказывается'],
          ],
        ],
      ),
      textarea('hearingReasons', ['Шешімнің уәждері', 'Мотивы решения'], {
        validate: { required: true, minLength: 20, maxLength: 8000 },
      }),
    ],
  ),
  form(
    'signature',
    ['Нәтижеге қол қою', 'Подписание результата'],
    [
      text('Нәтиже / Результат: **{{displayResultKind}}**'),
      radio(
        'decision',
        ['Шешім', 'Решение'],
        [
          ['approve', ['ЭЦҚ-мен қол қоямын', 'Подписываю ЭЦП']],
          ['refuse', ['Қол қоймаймын — пысықтауға қайтару', 'Не подписываю — вернуть на доработку']],
        ],
      ),
      textfield('signerName', ['Қол қоюшының Т.А.Ә.', 'Ф.И.О. подписывающего'], {
        validate: { required: true, minLength: 5, maxLength: 200 },
      }),
      textfield('signerPosition', ['Лауазымы', 'Должность'], {
        validate: { required: true, maxLength: 200 },
      }),
      reason('signatureRemarks', ['Қайтару себебі', 'Причина возврата'], '=decision != "refuse"'),
    ],
  ),
  form(
    'draft-order',
    ['Министр бұйрығының жобасы', 'Проект приказа Министра'],
    [
      textfield('orderTitle', ['Бұйрықтың атауы', 'Наименование приказа'], {
        validate: { required: true, minLength: 10, maxLength: 500 },
      }),
      textarea('orderText', ['Бұйрықтың мәтіні', 'Текст приказа'], {
        validate: { required: true, minLength: 100, maxLength: 20000 },
      }),
      // The experts' remarks are in the summary's remarks table (displayRemarks).
    ],
  ),
  form(
    'legal-review',
    ['Бұйрық жобасының құқықтық сараптамасы', 'Правовая экспертиза проекта приказа'],
    [
      text('{{orderTitle}}'),
      checkbox('legalReviewApproved', ['Құқықтық сараптама оң', 'Правовая экспертиза положительная']),
      reason('legalReviewRemarks', ['Ескертпелер', 'Замечания'], '=legalReviewApproved = true'),
    ],
  ),
  form(
    'editorial-review',
    ['Бұйрық жобасының редакциялық сараптамасы', 'Редакционная экспертиза проекта приказа'],
    [
      text('{{orderTitle}}'),
      checkbox('editorialReviewApproved', [
        'Редакциялық сараптама оң',
        'Редакционная экспертиза положительная',
      ]),
      reason('editorialReviewRemarks', ['Ескертпелер', 'Замечания'], '=editorialReviewApproved = true'),
    ],
  ),
  form(
    'complaint-review',
    ['Шағымды қарау', 'Рассмотрение жалобы'],
    [
      // The complaint's text and date are in the summary's messages table (displayMessages).
      radio(
        'complaintUpheld',
        ['Шағым бойынша шешім', 'Решение по жалобе'],
        [
          ['true', ['Қанағаттандырылды', 'Удовлетворена']],
          ['false', ['Қанағаттандырусыз қалдырылды', 'Оставлена без удовлетворения']],
        ],
      ),
      textarea('complaintAnswer', ['Жауап мәтіні', 'Текст ответа'], {
        validate: { required: true, minLength: 50, maxLength: 8000 },
      }),
    ],
  ),
  form(
    'rules-change-notice',
    ['Қағидалардың өзгергені туралы хабарлау', 'Информирование об изменении правил'],
    [
      text(
        'Акт / Акт: **{{actTitle}} № {{actNumber}}**, {{actDate}}\n\nҚолданысқа енгізілу күні / Дата вступления в силу: **{{amendmentEffectiveDate}}**\n\nНе өзгерді / Что изменено: {{amendmentChanges}}',
      ),
      checkbox(
        'egovOperatorInformed',
        [
          '«Электрондық үкімет» операторы хабардар етілді',
          'Оператор «электронного правительства» проинформирован',
        ],
        required,
      ),
      checkbox(
        'contactCentreInformed',
        ['Бірыңғай байланыс орталығы (1414) хабардар етілді', 'Единый контакт-центр (1414) проинформирован'],
        required,
      ),
      textfield('noticeOutgoingNumber', ['Шығыс хат нөмірі', 'Исходящий номер письма'], {
        validate: { required: true, pattern: '^[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі0-9/\\-.]{1,40}$' },
      }),
    ],
    // Not a case: the form shows the amendment itself.
    { summary: false },
  ),
  form(
    'missing-documents-review',
    ['Сұралған құжаттарды қарау', 'Рассмотрение запрошенных документов'],
    [
      view(
        'viewMissing',
        ['Мемлекеттік жүйелерде табылмады', 'Не найдено в государственных системах'],
        '=(if educationFound = false then "диплом " else "") + (if employmentFound = false then "еңбек қызметі / трудовая деятельность" else "")',
      ),
      checkbox('missingDocumentsAccepted', [
        'Жіберілген көшірмелер қабылданды',
        'Представленные копии приняты',
      ]),
      reason(
        'missingDocumentsRemarks',
        ['Қабылдамау себебі', 'Причина непринятия'],
        '=missingDocumentsAccepted = true',
      ),
    ],
  ),
  form(
    'consent-letter-draft',
    ['Келісім хаттың жобасы', 'Проект письма-согласия'],
    [
      // What the body answered (rules §10) and, when the clerk recorded it unconfirmed, the hearing on it.
      text(
        [
          '**Монополияға қарсы органның жауабы / Ответ антимонопольного органа:**',
          '{{#if antimonopolyAnswer.consent = true}}алдын ала келісім расталды / предварительное согласие подтверждено{{/if}}' +
            '{{#if antimonopolyAnswer.consent = false}}алдын ала келісім расталмады / предварительное согласие не подтверждено{{/if}}' +
            '{{#if antimonopolyAnswer = null}}жауап жоқ / ответа нет{{/if}}',
          '{{#if antimonopolyAnswer.letterId}}Хат / письмо {{antimonopolyAnswer.letterId}}, {{displayAntimonopolyAnsweredAt}}. {{antimonopolyAnswer.comment}}{{/if}}',
          '{{#if hearingOutcome}}**Тыңдау / Заслушивание:** {{displayHearingOutcome}}. {{hearingReasons}}{{/if}}',
        ].join('\n\n'),
      ),
      checkbox('antimonopolyConsentConfirmed', [
        'Алдын ала келісім расталды',
        'Предварительное согласие подтверждено',
      ]),
      textarea('consentLetterText', ['Келісім хаттың мәтіні', 'Текст письма-согласия'], {
        validate: { required: true, minLength: 50, maxLength: 8000 },
        conditional: { hide: '=antimonopolyConsentConfirmed != true' },
      }),
      textfield('objectsCount', ['Күзетілетін объектілер саны', 'Количество охраняемых объектов'], {
        validate: { pattern: '^[0-9]{1,4}$' },
      }),
    ],
  ),
  ...SERVICE_IDS.slice(1).map((serviceId) => studyForm(serviceId)),
];

const sorted = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** Every file this builder owns under forms/: path relative to forms/ → content. */
export function formFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of forms) files.set(`${f.id}.form`, JSON.stringify(f, null, 2) + '\n');
  files.set('i18n/kk.json', JSON.stringify(sorted(i18n.kk), null, 2) + '\n');
  files.set('i18n/ru.json', JSON.stringify(sorted(i18n.ru), null, 2) + '\n');
  return files;
}

if (require.main === module) {
  const dir = join(__dirname, '..', '..', 'forms');
  mkdirSync(join(dir, 'i18n'), { recursive: true });
  for (const [file, content] of formFiles()) writeFileSync(join(dir, file), content);
  console.log(forms.map((f) => `forms/${f.id}.form`).join('\n'));
}
