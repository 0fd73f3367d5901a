/**
 * Writes the Camunda Forms of every user task into forms/, plus forms/i18n/{kk,ru}.json (field key
 * → label). Every text a person reads is in the form's language: our worklist passes `formLanguage`
 * (the page's language, never submitted); Camunda Tasklist, which has no language switch, passes
 * none and shows both. Titles, instructions and the case summary are one text or group per
 * language hidden by `formLanguage`; labels and options are FEEL expressions choosing by it
 * ("Kazakh / Russian" when it is not set).
 * Run: `npx tsx tools/bpmn-builder/forms.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groundsOf } from '../../domain/rules/refusal-grounds';
import { premisesDocument, SUB_TYPE_ONE_DOCUMENTS } from '../../domain/rules/security-requirements';
import { SERVICE_IDS, type ServiceId } from '../../domain/services';
import { LANGS, t, type Lang, type MessageKey } from '../../i18n';

type L = [kk: string, ru: string];
/** A text of the message catalogue (i18n/sections/forms.*) in both languages. */
const m = (key: MessageKey): L => [t('kk', key), t('ru', key)];
/** A FEEL string literal. */
const lit = (s: string) => JSON.stringify(s);
/**
 * FEEL: the text in the form's language (`formLanguage`, set by our worklist); "Kazakh / Russian"
 * when none is set, as in Camunda Tasklist, which has no language switch.
 */
const inFormLanguage = ([kk, ru]: L): string =>
  `if formLanguage = "kk" then ${lit(kk)} else if formLanguage = "ru" then ${lit(ru)} else ${lit(`${kk} / ${ru}`)}`;
/** FEEL options of a radio or tag list, their labels in the form's language. */
const options = (values: Array<[value: string, label: L]>): string =>
  `=[${values.map(([value, l]) => `{value: ${lit(value)}, label: ${inFormLanguage(l)}}`).join(', ')}]`;
type Component = Record<string, unknown>;

const i18n: { kk: Record<string, string>; ru: Record<string, string> } = { kk: {}, ru: {} };
let seq = 0;

function label(key: string, [kk, ru]: L): string {
  i18n.kk[key] = kk;
  i18n.ru[key] = ru;
  return `=${inFormLanguage([kk, ru])}`;
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
  valuesExpression: options(values),
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
/** The display variable the case-summary job prepares in `lang` (domain/case-summary.ts). */
function displayOf(lang: Lang) {
  return lang === 'kk' ? 'displayKk' : 'displayRu';
}
/**
 * Shown in the form's language: our worklist passes `formLanguage` (the page's language); Camunda
 * Tasklist, which has no language switch, passes none and shows both, each in its own language.
 */
function inLanguage(lang: Lang) {
  return { hide: `=formLanguage = "${lang === 'kk' ? 'ru' : 'kk'}"` };
}
/**
 * Spec C13, Order 138 ¶4: the rules version's note to the clerk, in the form's language (the
 * case summary's `earlierWording`, set when intake flagged the application), shown only when set.
 * Fixed ids, so that adding it does not renumber the other forms' components.
 */
const earlierWording = (): Component[] =>
  LANGS.map((lang) => ({
    type: 'text',
    text: `**{{${displayOf(lang)}.earlierWording}}**`,
    id: `Text_EarlierWordingNote_${lang}`,
    conditional: { hide: `${inLanguage(lang).hide} or ${displayOf(lang)}.earlierWording = null` },
  }));

const reason = (key: string, l: L, hide: string): Component =>
  textarea(key, l, { validate: { required: true, minLength: 20, maxLength: 4000 }, conditional: { hide } });

/** A read-only table of the case summary in `lang`, fed by `display<Lang>.<rows>`. */
const table = (lang: Lang, rows: string, columns: string[]): Component => {
  const path = `${displayOf(lang)}.${rows}`;
  const name = `display${rows[0].toUpperCase()}${rows.slice(1)}`;
  return {
    type: 'table',
    id: `Table_${name}_${lang}`,
    label: t(lang, `form.table.${name}` as MessageKey),
    dataSource: `=if ${path} = null then [] else ${path}`,
    columns: columns.map((k) => ({ key: k, label: t(lang, `form.table.${name}.${k}` as MessageKey) })),
  };
};

/** A text view in each language (fixed ids `Text_<name>_kk`, `Text_<name>_ru`), each shown in its form language. */
const textInLanguages = (name: string, md: (lang: Lang, display: string) => string): Component[] => {
  // Takes the place of one numbered text view: the numbered ids after it stay as they were.
  ++seq;
  return LANGS.map((lang) => ({
    type: 'text',
    id: `Text_${name}_${lang}`,
    text: md(lang, displayOf(lang)),
    conditional: inLanguage(lang),
  }));
};
const of = (lang: Lang, [kk, ru]: L) => (lang === 'kk' ? kk : ru);

/**
 * The case as it stands when the task was created (domain/case-summary.ts, prepared by the
 * case-summary job before the task), one group per language: who applies and for what, each check
 * with its result, source and time, the grounds with their facts and the act's paragraph, the terms
 * with working days left, the applicant's positions and messages, the remarks, and the documents
 * with links and a preview. Fixed ids, so that the numbered ids of the forms' own fields stay as they were.
 */
const caseSummarySection = (lang: Lang): Component => {
  const d = displayOf(lang);
  return {
    type: 'group',
    id: `Group_CaseSummary_${lang}`,
    label: t(lang, 'form.summary.title'),
    showOutline: true,
    conditional: inLanguage(lang),
    components: [
      {
        type: 'text',
        id: `Text_CaseSummary_${lang}`,
        text: `**${t(lang, 'form.summary.applicant')}:** {{${d}.applicant}}\n\n**${t(lang, 'form.summary.request')}:** {{${d}.request}}`,
      },
      table(lang, 'deadlines', ['step', 'due', 'left']),
      table(lang, 'checks', ['check', 'result', 'source', 'answeredAt']),
      table(lang, 'grounds', ['ground', 'facts', 'act']),
      table(lang, 'messages', ['at', 'kind', 'text', 'attachments']),
      table(lang, 'remarks', ['who', 'text']),
      table(lang, 'documents', ['title', 'file']),
      {
        type: 'text',
        id: `Text_DocumentLinks_${lang}`,
        text: `**${t(lang, 'form.summary.open-documents')}:**\n\n{{${d}.documentLinks}}`,
      },
      {
        type: 'documentPreview',
        id: `DocumentPreview_Documents_${lang}`,
        label: t(lang, 'form.field.DocumentPreview_Documents'),
        dataSource: `=${d}.previews`,
        maxHeight: 600,
        conditional: { hide: `=${d}.previews = null or count(${d}.previews) = 0` },
      },
    ],
  };
};
const caseSummary = (): Component[] => LANGS.map(caseSummarySection);

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
      ...textInLanguages('Title', (lang) =>
        o.summary === false
          ? `## ${of(lang, title)}`
          : `## ${of(lang, title)}\n\n${t(lang, 'form.header.application')} № {{applicationNumber}}`,
      ),
      ...(o.summary === false ? [] : caseSummary()),
      ...components,
    ],
  };
}

/** Order 923 List row 9 and Order 138 Annex 2 row 11: each service's study offers its own grounds only. */
const groundValues = (serviceId: ServiceId) =>
  options(groundsOf(serviceId).map((g) => [g.code, [g.textKk, g.textRu]]));

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
    .map(
      (d) => `{kinds: [${d.kinds.map((k) => `"${k}"`).join(', ')}], label: ${inFormLanguage([d.kk, d.ru])}}`,
    )
    .join(', ');
  return {
    ...view(
      'viewMissingSubTypeOne',
      m('form.field.viewMissingSubTypeOne'),
      `={present: if attachments = null then [] else for a in attachments return a.kind, missing: (for d in [${entries}] return if some k in d.kinds satisfies list contains(present, k) then null else d.label)[item != null], shown: if count(missing) = 0 then ${inFormLanguage(m('form.field.viewMissingSubTypeOne.none'))} else string join(missing, "; ")}.shown`,
    ),
    conditional: { hide: SUB_TYPE_ONE },
  };
};

/** Required documents per service (checkbox per document); hidden when not asked for. */
type Doc = { key: string; l: L; hide: string };
const askedWhen = (hide: string, docs: Array<[key: string, l: L]>): Doc[] =>
  docs.map(([key, l]) => ({ key, l, hide }));
const DOCS: Doc[] = [
  { key: 'docApplication', l: m('form.field.docApplication'), hide: '=false' },
  // Service A, Annex 2 row 10
  ...askedWhen('=serviceId != "fire-automation-permit"', [
    ['docSpecialists', m('form.field.docSpecialists')],
    ['docEmploymentContracts', m('form.field.docEmploymentContracts')],
    ['docPremises', m('form.field.docPremises')],
    ['docMeasuringInstruments', m('form.field.docMeasuringInstruments')],
  ]),
  // Service B sub-type 1 (issue, re-issue), List row 8 item 1
  ...askedWhen(SUB_TYPE_ONE, [
    ['docCentralPostPremises', m('form.field.docCentralPostPremises')],
    ['docMonitoringConsole', m('form.field.docMonitoringConsole')],
    ['docRadioPermit', m('form.field.docRadioPermit')],
    ['docResponseGroups', m('form.field.docResponseGroups')],
    ['docVehicles', m('form.field.docVehicles')],
  ]),
  // Service C, Annex 1 row 8
  ...askedWhen('=serviceId != "training-centre-designation"', [
    ['docInspectionAct', m('form.field.docInspectionAct')],
    ['docTeachers', m('form.field.docTeachers')],
    ['docCurricula', m('form.field.docCurricula')],
    ['docShootingRange', m('form.field.docShootingRange')],
  ]),
  // Service D, Annex 1 row 8
  ...askedWhen('=serviceId != "national-company-security-approval"', [
    ['docAntimonopolyConsent', m('form.field.docAntimonopolyConsent')],
    ['docConstituent', m('form.field.docConstituent')],
    ['docObjectsList', m('form.field.docObjectsList')],
  ]),
];

/** Service D: who applies under a power of attorney (Order 923, national-company List row 8 lead-in). */
// A fixed id, so adding it leaves the numbered ids of every other field as they were.
/** FEEL: a `YYYY-MM-DD` day as a person reads it, dd.MM.yyyy. */
const dotted = (day: string) =>
  `(substring(${day}, 9, 2) + "." + substring(${day}, 6, 2) + "." + substring(${day}, 1, 4))`;
const representativeView: Component = {
  type: 'expression',
  key: 'viewRepresentative',
  id: 'Field_viewRepresentative',
  computeOn: 'change',
  label: label('viewRepresentative', m('form.field.viewRepresentative')),
  expression: `=if representative = null then "—" else representative.fullName + " (" + (${inFormLanguage(m('form.field.viewRepresentative.iin'))}) + " " + representative.iin + "), " + (${inFormLanguage(m('form.field.viewRepresentative.power-of-attorney'))}) + " № " + representative.powerOfAttorney.number + " · " + ${dotted('representative.powerOfAttorney.issuedOn')} + " · " + ${dotted('representative.powerOfAttorney.validFrom')} + " – " + ${dotted('representative.powerOfAttorney.validUntil')}`,
  conditional: { hide: '=representative = null' },
};

function studyForm(serviceId: ServiceId) {
  return form(studyFormId(serviceId), m('form.title.compliance-study'), [
    ...earlierWording(),
    representativeView,
    // Order 138 Annex 2 row 11, Order 923 List row 9: grounds the application or the checks
    // recorded take the case to the hearing whatever is ticked below.
    ...LANGS.map((lang) => ({
      type: 'text',
      id: `Text_RecordedGrounds_${lang}`,
      text: `**${t(lang, 'form.study.recorded-grounds')}**`,
      conditional: {
        hide: `${inLanguage(lang).hide} or recordedGroundCodes = null or count(recordedGroundCodes) = 0`,
      },
    })),
    checkbox('groundsFound', m('form.field.groundsFound')),
    {
      type: 'taglist',
      key: 'refusalGrounds',
      id: id('refusalGrounds'),
      label: label('refusalGrounds', m('form.field.refusalGrounds')),
      valuesExpression: groundValues(serviceId),
      validate: { required: true },
      conditional: { hide: '=groundsFound != true' },
    },
    textarea('studyNotes', m('form.field.studyNotes'), {
      validate: { maxLength: 4000 },
    }),
  ]);
}

const forms = [
  form('completeness-check', m('form.title.completeness-check'), [
    ...earlierWording(),
    representativeView,
    ...textInLanguages('TickEach', (lang) => t(lang, 'form.completeness.tick-each')),
    missingSubTypeOneView(),
    ...DOCS.map((d) => checkbox(d.key, d.l, { conditional: { hide: d.hide } })),
    checkbox('documentsExpired', m('form.field.documentsExpired')),
    // C5: which documents are expired, for the reasoned refusal; only this service's documents offered.
    {
      type: 'taglist',
      key: 'expiredDocuments',
      id: id('expiredDocuments'),
      label: label('expiredDocuments', m('form.field.expiredDocuments')),
      valuesExpression: `=[${DOCS.map(
        (d) => `if not(${d.hide.slice(1)}) then {value: "${d.key}", label: ${inFormLanguage(d.l)}} else null`,
      ).join(', ')}][item != null]`,
      validate: { required: true },
      conditional: { hide: '=documentsExpired != true' },
    },
    // A boolean, because the diagram's gateway tests `documentsComplete = true`.
    checkbox('documentsComplete', m('form.field.documentsComplete')),
    reason('incompletenessReason', m('form.field.incompletenessReason'), '=documentsComplete = true'),
  ]),
  // The first study form takes the place of the former common one; the others go last, so that
  // the field ids of the forms in between stay as they were.
  studyForm(SERVICE_IDS[0]),
  form('preliminary-decision', m('form.title.preliminary-decision'), [
    // C6: the check of the hearing time sends a rejected time back here with its reason.
    ...textInLanguages(
      'HearingTimeError',
      (lang) =>
        `{{#if hearingTimeError}}**${t(lang, 'form.preliminary-decision.time-rejected')}:** {{hearingTimeError.${lang}}}{{/if}}`,
    ),
    ...textInLanguages(
      'HearingWindow',
      (lang, d) => `**${t(lang, 'form.preliminary-decision.hearing-window')}:** {{${d}.hearingWindow}}`,
    ),
    {
      type: 'datetime',
      key: 'hearingAt',
      id: id('hearingAt'),
      subtype: 'datetime',
      dateLabel: label('hearingAt', m('form.field.hearingAt')),
      timeLabel: `=${inFormLanguage(m('form.field.hearingAt.time'))}`,
      timeSerializingFormat: 'utc_offset',
      timeInterval: 15,
      disallowPassedDates: true,
      validate: { required: true },
    },
    radio('hearingMethod', m('form.field.hearingMethod'), [
      ['in-person', m('form.field.hearingMethod.in-person')],
      ['video', m('form.field.hearingMethod.video')],
      ['written', m('form.field.hearingMethod.written')],
    ]),
    textfield('hearingPlace', m('form.field.hearingPlace'), {
      validate: { required: true, minLength: 5, maxLength: 300 },
    }),
    textarea('preliminaryDecisionText', m('form.field.preliminaryDecisionText'), {
      validate: { required: true, minLength: 50, maxLength: 8000 },
    }),
  ]),
  form('hearing-record', m('form.title.hearing-record'), [
    ...textInLanguages('Hearing', (lang, d) => `**${t(lang, 'form.hearing')}:** {{${d}.hearing}}`),
    // C6: every position the applicant sent, with its attachments, those sent after the hearing
    // time marked, are in the summary's messages table (`display<Lang>.messages`).
    textarea('applicantPositionSummary', m('form.field.applicantPositionSummary'), {
      validate: { required: true, minLength: 20, maxLength: 8000 },
    }),
    radio('hearingOutcome', m('form.field.hearingOutcome'), [
      ['refusal-confirmed', m('form.field.hearingOutcome.refusal-confirmed')],
      ['position-accepted', m('form.field.hearingOutcome.position-accepted')],
    ]),
    textarea('hearingReasons', m('form.field.hearingReasons'), {
      validate: { required: true, minLength: 20, maxLength: 8000 },
    }),
  ]),
  form('signature', m('form.title.signature'), [
    ...textInLanguages(
      'ResultKind',
      (lang, d) => `${t(lang, 'form.signature.result')}: **{{${d}.resultKind}}**`,
    ),
    radio('decision', m('form.field.decision'), [
      ['approve', m('form.field.decision.approve')],
      ['refuse', m('form.field.decision.refuse')],
    ]),
    textfield('signerName', m('form.field.signerName'), {
      validate: { required: true, minLength: 5, maxLength: 200 },
    }),
    reason('signatureRemarks', m('form.field.signatureRemarks'), '=decision != "refuse"'),
  ]),
  form('draft-order', m('form.title.draft-order'), [
    textfield('orderTitle', m('form.field.orderTitle'), {
      validate: { required: true, minLength: 10, maxLength: 500 },
    }),
    textarea('orderText', m('form.field.orderText'), {
      validate: { required: true, minLength: 100, maxLength: 20000 },
    }),
    // The experts' remarks are in the summary's remarks table (`display<Lang>.remarks`).
  ]),
  form('legal-review', m('form.title.legal-review'), [
    text('{{orderTitle}}'),
    checkbox('legalReviewApproved', m('form.field.legalReviewApproved')),
    reason('legalReviewRemarks', m('form.field.legalReviewRemarks'), '=legalReviewApproved = true'),
  ]),
  form('editorial-review', m('form.title.editorial-review'), [
    text('{{orderTitle}}'),
    checkbox('editorialReviewApproved', m('form.field.editorialReviewApproved')),
    reason(
      'editorialReviewRemarks',
      m('form.field.editorialReviewRemarks'),
      '=editorialReviewApproved = true',
    ),
  ]),
  form('complaint-review', m('form.title.complaint-review'), [
    // The complaint's text and date are in the summary's messages table (`display<Lang>.messages`).
    radio('complaintUpheld', m('form.field.complaintUpheld'), [
      ['true', m('form.field.complaintUpheld.true')],
      ['false', m('form.field.complaintUpheld.false')],
    ]),
    textarea('complaintAnswer', m('form.field.complaintAnswer'), {
      validate: { required: true, minLength: 50, maxLength: 8000 },
    }),
  ]),
  form(
    'rules-change-notice',
    m('form.title.rules-change-notice'),
    [
      ...textInLanguages(
        'Amendment',
        (lang) =>
          `${t(lang, 'form.rules-change-notice.act')}: **{{actTitle}} № {{actNumber}}**, {{actDate}}\n\n${t(lang, 'form.rules-change-notice.effective')}: **{{amendmentEffectiveDate}}**\n\n${t(lang, 'form.rules-change-notice.changes')}: {{amendmentChanges}}`,
      ),
      checkbox('egovOperatorInformed', m('form.field.egovOperatorInformed'), required),
      checkbox('contactCentreInformed', m('form.field.contactCentreInformed'), required),
      textfield('noticeOutgoingNumber', m('form.field.noticeOutgoingNumber'), {
        validate: { required: true, pattern: '^[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі0-9/\\-.]{1,40}$' },
      }),
    ],
    // Not a case: the form shows the amendment itself.
    { summary: false },
  ),
  form('missing-documents-review', m('form.title.missing-documents-review'), [
    view(
      'viewMissing',
      m('form.field.viewMissing'),
      `=string join([if educationFound = false then ${inFormLanguage(m('form.field.viewMissing.diploma'))} else null, if employmentFound = false then ${inFormLanguage(m('form.field.viewMissing.employment'))} else null][item != null], "; ")`,
    ),
    checkbox('missingDocumentsAccepted', m('form.field.missingDocumentsAccepted')),
    reason(
      'missingDocumentsRemarks',
      m('form.field.missingDocumentsRemarks'),
      '=missingDocumentsAccepted = true',
    ),
  ]),
  form('consent-letter-draft', m('form.title.consent-letter-draft'), [
    // What the body answered (rules §10) and, when the clerk recorded it unconfirmed, the hearing on it.
    ...textInLanguages('AntimonopolyAnswer', (lang, d) =>
      [
        `**${t(lang, 'form.consent-letter-draft.answer')}:**`,
        `{{#if antimonopolyAnswer.consent = true}}${t(lang, 'form.consent-letter-draft.confirmed')}{{/if}}` +
          `{{#if antimonopolyAnswer.consent = false}}${t(lang, 'form.consent-letter-draft.not-confirmed')}{{/if}}` +
          `{{#if antimonopolyAnswer = null}}${t(lang, 'form.consent-letter-draft.no-answer')}{{/if}}`,
        `{{#if antimonopolyAnswer.letterId}}${t(lang, 'form.consent-letter-draft.letter')} {{antimonopolyAnswer.letterId}}, {{${d}.antimonopolyAnsweredAt}}. {{antimonopolyAnswer.comment}}{{/if}}`,
        `{{#if hearingOutcome}}**${t(lang, 'form.hearing')}:** {{${d}.hearingOutcome}}. {{hearingReasons}}{{/if}}`,
      ].join('\n\n'),
    ),
    checkbox('antimonopolyConsentConfirmed', m('form.field.antimonopolyConsentConfirmed')),
    textarea('consentLetterText', m('form.field.consentLetterText'), {
      validate: { required: true, minLength: 50, maxLength: 8000 },
      conditional: { hide: '=antimonopolyConsentConfirmed != true' },
    }),
    textfield('objectsCount', m('form.field.objectsCount'), {
      validate: { pattern: '^[0-9]{1,4}$' },
    }),
  ]),
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
