import { maskIin } from '../identifiers';
import { groundByCode } from '../rules/refusal-grounds';
import type { DocumentContext } from './context';
import { formatDate, formatDateTime } from './format';
import type { DocumentSection } from './types';

/**
 * The established facts of a refusal (Order 138 Annex 2 row 7; Order 923 List row 5, §10–§11): what
 * the checks recorded in the process variables — which check failed, for whom and with what data —
 * worded in the document's language. Nothing is invented: a check that recorded nothing adds nothing.
 */

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const recs = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRec) : []);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A person as a document prints them: the name, then the IIN masked (`8501******23`). */
function personLabel(
  ctx: DocumentContext,
  role: { kk: string; ru: string },
  iin: string,
  name?: string,
): string {
  const id = `${ctx.tr('ЖСН', 'ИИН')} ${maskIin(iin)}`;
  return `${ctx.tr(role.kk, role.ru)} ${name ? `${name} (${id})` : id}`;
}

/** Names the state systems returned, by IIN: persons, the applicant's head, the declared specialists. */
function namesByIin(ctx: DocumentContext): Map<string, string> {
  const names = new Map<string, string>();
  const add = (iin: unknown, name: unknown) => {
    if (str(iin) && str(name) && !names.has(String(iin))) names.set(String(iin), String(name).trim());
  };
  const all = ctx.f;
  for (const p of recs(all.raw('persons'))) add(p.iin, p.fullName);
  for (const s of recs(all.raw('specialists'))) add(s.iin, s.fullName);
  for (const s of recs(all.raw('founders'))) add(s.iin, s.fullName);
  add(all.raw('applicant.headIin'), all.raw('applicant.headFullName'));
  return names;
}

const LEVEL = {
  higher: { kk: 'жоғары білім', ru: 'высшее образование' },
  'technical-vocational': {
    kk: 'техникалық және кәсіптік білім',
    ru: 'техническое и профессиональное образование',
  },
} as const;

/** "2 года" / "5 лет": a count of years in the nominative. */
function years(ctx: DocumentContext, n: number): string {
  if (ctx.lang === 'kk') return `${n} жыл`;
  const last = n % 10;
  const teen = n % 100 >= 11 && n % 100 <= 14;
  return `${n} ${last === 1 && !teen ? 'год' : last >= 2 && last <= 4 && !teen ? 'года' : 'лет'}`;
}

/** "не менее 3 лет" / "кемінде 3 жыл": a minimum of years. */
function atLeastYears(ctx: DocumentContext, n: number): string {
  if (ctx.lang === 'kk') return `кемінде ${n} жыл`;
  return `не менее ${n} ${n % 10 === 1 && n % 100 !== 11 ? 'года' : 'лет'}`;
}

/** Service A (Annex 2 row 10 items 2, 5): the specialists and instruments the check found wanting. */
function specialistFacts(
  ctx: DocumentContext,
  raw: (p: string) => unknown,
  names: Map<string, string>,
): string[] {
  const check = raw('specialistsCheck');
  if (!isRec(check) || check.passed !== false) return [];
  const lines: string[] = [];
  const findings = recs(check.findings);
  const role = { kk: 'маман', ru: 'специалист' };
  if (findings.length > 0) {
    for (const s of findings.filter((x) => x.qualified === false)) {
      const iin = String(s.iin ?? '');
      const parts: string[] = [];
      const group = num(s.electricalClearanceGroup);
      const minGroup = num(s.minimumClearanceGroup);
      if (group !== undefined && minGroup !== undefined && group < minGroup)
        parts.push(
          ctx.tr(
            `электр қауіпсіздігі бойынша рұқсат беру тобы ${group}, кемінде ${minGroup} қажет`,
            `группа допуска по электробезопасности ${group}, требуется не ниже ${minGroup}`,
          ),
        );
      const education = recs(s.education);
      parts.push(
        education.length === 0
          ? ctx.tr(
              'білімі туралы мәліметтер мемлекеттік жүйеде табылмады',
              'сведения об образовании в государственной системе не найдены',
            )
          : `${ctx.tr('білімі', 'образование')}: ${education
              .map((e) => {
                const level = LEVEL[e.level as keyof typeof LEVEL]?.[ctx.lang] ?? '';
                const specialty = str(e.specialty);
                return specialty ? `${level}, «${specialty}»` : level;
              })
              .join(
                '; ',
              )}${s.listedSpecialty === false ? ctx.tr(' (мамандық тізбеде жоқ)', ' (специальность не входит в перечень)') : ''}`,
      );
      const exp = num(s.experienceYears);
      const req = num(s.requiredExperienceYears);
      if (exp !== undefined && req !== undefined && exp < req)
        parts.push(
          ctx.tr(
            `мамандығы бойынша жұмыс өтілі ${years(ctx, exp)}, ${atLeastYears(ctx, req)} қажет`,
            `стаж работы по специальности ${years(ctx, exp)}, требуется ${atLeastYears(ctx, req)}`,
          ),
        );
      lines.push(`${personLabel(ctx, role, iin, str(s.fullName) ?? names.get(iin))}: ${parts.join('; ')}`);
    }
  } else {
    for (const v of recs(check.specialists).filter((x) => x.qualified === false)) {
      const iin = String(v.iin ?? '');
      const reasons = recs(v.reasons)
        .map((r) => str(r[ctx.lang]))
        .filter((r): r is string => !!r);
      lines.push(`${personLabel(ctx, role, iin, names.get(iin))}: ${reasons.join('; ')}`);
    }
  }
  const qualified = num(check.qualifiedCount);
  const minimum = num(check.minimumSpecialists);
  if (qualified !== undefined && minimum !== undefined && qualified < minimum)
    lines.push(
      ctx.tr(
        `Талаптарға сай мамандар саны ${qualified}, кемінде ${minimum} қажет`,
        `Квалифицированных специалистов ${qualified}, требуется не менее ${minimum}`,
      ),
    );
  const instruments = num(check.verifiedInstrumentCount);
  const minInstruments = num(check.minimumVerifiedInstruments);
  if (instruments !== undefined && minInstruments !== undefined && instruments < minInstruments)
    lines.push(
      ctx.tr(
        `Өтініш тіркелген күні тексерілген өлшеу құралдары ${instruments}, кемінде ${minInstruments} қажет`,
        `Поверенных на день регистрации заявления средств измерений ${instruments}, требуется не менее ${minInstruments}`,
      ),
    );
  return lines;
}

const FEE_PURPOSE = {
  issue: { kk: 'лицензия беру', ru: 'выдачу лицензии' },
  reissue: { kk: 'лицензияны қайта ресімдеу', ru: 'переоформление лицензии' },
  duplicate: { kk: 'лицензияның телнұсқасын беру', ru: 'выдачу дубликата лицензии' },
} as const;

/** Service B (List row 6, ground 3): what the payment gateway showed. */
function feeFacts(ctx: DocumentContext, raw: (p: string) => unknown): string[] {
  const fee = raw('feeCheck');
  if (!isRec(fee) || fee.paid !== false) return [];
  const expected = num(fee.expectedAmount);
  const paid = num(fee.amountPaid) ?? 0;
  const mci = num(fee.mci);
  const purpose = FEE_PURPOSE[raw('requestKind') as keyof typeof FEE_PURPOSE]?.[ctx.lang];
  const forWhat = purpose ? ctx.tr(`${purpose} үшін `, `за ${purpose} `) : '';
  const due =
    expected !== undefined
      ? ctx.tr(
          ` (талап етілетін сома ${expected} теңге${mci ? `, 1 АЕК = ${mci} теңге` : ''})`,
          ` (требуемая сумма ${expected} тенге${mci ? `, 1 МРП = ${mci} тенге` : ''})`,
        )
      : '';
  const paidOn = str(fee.paidOn);
  if (paid === 0 || !paidOn)
    return [
      ctx.tr(
        `«Электрондық үкімет» төлем шлюзінде БСН ${ctx.applicant.bin} бойынша ${forWhat}лицензиялық алымның өтініш берілген күнге дейін төленгені табылмады${due}`,
        `В платёжном шлюзе «электронного правительства» не найдена оплата лицензионного сбора ${forWhat}по БИН ${ctx.applicant.bin}, внесённая не позднее дня подачи заявления${due}`,
      ),
    ];
  return [
    ctx.tr(
      `${forWhat}лицензиялық алым ${formatDate(new Date(`${paidOn.slice(0, 10)}T12:00:00Z`))} ${paid} теңге сомасында толық төленбеген${due}`,
      `Лицензионный сбор ${forWhat}внесён ${formatDate(new Date(`${paidOn.slice(0, 10)}T12:00:00Z`))} в сумме ${paid} тенге, не в полном размере${due}`,
    ),
  ];
}

/** The specific part of a check's finding, without the catalogue wording it repeats. */
function detailOf(ctx: DocumentContext, g: Rec): string | undefined {
  const text = str(ctx.lang === 'kk' ? g.textKk : g.textRu);
  if (!text) return undefined;
  try {
    const base = groundByCode(String(g.code));
    const prefix = `${ctx.lang === 'kk' ? base.textKk : base.textRu}: `;
    return text.startsWith(prefix) ? text.slice(prefix.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Service B (List row 8 item 1): what the sub-type 1 requirements check found missing. */
function securityFacts(ctx: DocumentContext, raw: (p: string) => unknown): string[] {
  const check = raw('securityRequirementsCheck');
  if (!isRec(check) || check.passed !== false) return [];
  return recs(check.grounds)
    .map((g) => detailOf(ctx, g))
    .filter((d): d is string => !!d)
    .map((d) => `${ctx.tr('Көрсетілетін қызметті алушы', 'Услугополучатель')}: ${d}`);
}

/** Founders and heads (List row 8): what the law-enforcement and health records hold. */
function personRecordFacts(
  ctx: DocumentContext,
  raw: (p: string) => unknown,
  names: Map<string, string>,
): string[] {
  const lines: string[] = [];
  const headIin = str(raw('applicant.headIin'));
  const roleOf = (iin: string) =>
    iin === headIin
      ? { kk: 'басшы', ru: 'руководитель' }
      : { kk: 'құрылтайшы (басшы)', ru: 'учредитель (руководитель)' };
  for (const r of recs(raw('criminalRecords'))) {
    const iin = String(r.iin ?? '');
    const found: string[] = [];
    if (r.hasConviction === true) found.push(ctx.tr('соттылығы бар', 'имеется судимость'));
    if (r.nonExoneratingRelease === true)
      found.push(
        ctx.tr(
          'ақталмайтын негіздер бойынша қылмыстық жауаптылықтан босатылған',
          'освобождён от уголовной ответственности по нереабилитирующим основаниям',
        ),
      );
    if (r.pendingCriminalCase === true)
      found.push(ctx.tr('қылмыстық іс қозғалған', 'возбуждено уголовное дело'));
    if (r.extremismOrTerrorismData === true)
      found.push(
        ctx.tr(
          'экстремизмге немесе терроризмге қарсы іс-қимыл желісі бойынша мәліметтер бар',
          'имеются сведения по линии противодействия экстремизму или терроризму',
        ),
      );
    if (found.length > 0)
      lines.push(
        `${personLabel(ctx, roleOf(iin), iin, names.get(iin))}: ${found.join('; ')} (${ctx.tr('құқықтық статистика органдарының ақпараттық жүйесінің «электрондық үкімет» шлюзі арқылы алынған мәліметтері', 'сведения информационной системы органов правовой статистики, полученные через шлюз «электронного правительства»')})`,
      );
  }
  for (const m of recs(raw('mentalHealth'))) {
    if (m.registered !== true) continue;
    const iin = String(m.iin ?? '');
    lines.push(
      `${personLabel(ctx, roleOf(iin), iin, names.get(iin))}: ${ctx.tr('психикалық денсаулық саласында медициналық көмек көрсететін ұйымда есепте тұр', 'состоит на учёте в организации, оказывающей медицинскую помощь в области психического здоровья')}`,
    );
  }
  return lines;
}

/** Service D (§9–§10): the antimonopoly body's answer. */
function antimonopolyFacts(ctx: DocumentContext, raw: (p: string) => unknown): string[] {
  const answer = raw('antimonopolyAnswer');
  if (!isRec(answer) || answer.consent !== false) return [];
  const comment = str(answer.comment);
  return [
    ctx.tr(
      `Монополияға қарсы орган ұлттық компанияның күзет ұйымын құруына алдын ала келісімді растамады${comment ? `: ${comment}` : ''}`,
      `Антимонопольный орган не подтвердил предварительное согласие на создание национальной компанией охранной организации${comment ? `: ${comment}` : ''}`,
    ),
  ];
}

/** Lines of established fact, in the order the checks run; the clerk's study conclusion last. */
export function establishedFacts(ctx: DocumentContext): string[] {
  const raw = (p: string) => ctx.f.raw(p);
  const names = namesByIin(ctx);
  const lines = [
    ...specialistFacts(ctx, raw, names),
    ...securityFacts(ctx, raw),
    ...feeFacts(ctx, raw),
    ...personRecordFacts(ctx, raw, names),
    ...antimonopolyFacts(ctx, raw),
  ];
  const legalEntity = raw('legalEntity');
  if (isRec(legalEntity) && legalEntity.courtBan === true)
    lines.push(
      ctx.tr(
        'Заңды тұлғалардың мемлекеттік дерекқорында көрсетілетін қызметті алушының қызметіне соттың тыйым салуы туралы мәлімет бар',
        'В государственной базе данных юридических лиц имеются сведения о запрете судом деятельности услугополучателя',
      ),
    );
  const notes = str(raw('studyNotes'));
  if (notes) lines.push(`${ctx.tr('Зерделеу нәтижесі', 'Заключение по изучению документов')}: ${notes}`);
  return lines;
}

/** Capital first letter, one closing full stop. */
function sentence(text: string): string {
  const t = text.trim();
  return `${t.charAt(0).toLocaleUpperCase('ru')}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}

export function factsSection(ctx: DocumentContext): DocumentSection[] {
  const lines = establishedFacts(ctx);
  if (lines.length === 0) return [];
  return [
    {
      heading: ctx.tr('Анықталған мән-жайлар', 'Установленные обстоятельства'),
      paragraphs: lines.map((l, i) => `${i + 1}) ${sentence(l)}`),
    },
  ];
}

const OUTCOME = {
  'refusal-confirmed': {
    kk: 'тыңдау нәтижесі бойынша бас тарту негіздері расталды',
    ru: 'по итогам заслушивания основания для отказа подтверждены',
  },
  'position-accepted': {
    kk: 'тыңдау нәтижесі бойынша көрсетілетін қызметті алушының позициясы қабылданды',
    ru: 'по итогам заслушивания позиция услугополучателя принята',
  },
} as const;

/**
 * That the hearing took place (APPC art. 73; Order 923 §8): when, whether the applicant stated a
 * position (the portal message `applicantPosition`), the record's summary and its result.
 */
export function hearingHeldSection(ctx: DocumentContext): DocumentSection[] {
  const at = ctx.f.optionalInstant('hearing.at');
  if (!at) return [];
  const reader = ctx.f;
  const position = reader.raw('applicantPosition');
  const stated = str(position) ?? (isRec(position) ? str(position.text) : undefined);
  const summary = ctx.f.has('hearing.applicantPosition')
    ? ctx.f.bilingual('hearing.applicantPosition', ctx.lang)
    : undefined;
  const paragraphs = [
    ctx.tr(
      `Тыңдау ${formatDateTime(at, ctx.lang)} өткізілді.`,
      `Заслушивание проведено ${formatDateTime(at, ctx.lang)}.`,
    ),
    stated
      ? sentence(
          ctx.tr(
            `Көрсетілетін қызметті алушы позициясын білдірді: ${stated}`,
            `Услугополучатель представил позицию: ${stated}`,
          ),
        )
      : ctx.tr(
          'Көрсетілетін қызметті алушы позициясын білдірмеді.',
          'Услугополучатель позицию не представил.',
        ),
  ];
  if (summary)
    paragraphs.push(`${ctx.tr('Тыңдау хаттамасы бойынша', 'Согласно протоколу заслушивания')}: ${summary}`);
  const outcome = OUTCOME[reader.raw('hearingOutcome') as keyof typeof OUTCOME];
  const reasons = ctx.f.has('hearing.conclusion')
    ? ctx.f.bilingual('hearing.conclusion', ctx.lang)
    : undefined;
  if (outcome || reasons)
    paragraphs.push(
      `${outcome ? outcome[ctx.lang].replace(/^./, (c) => c.toUpperCase()) : ctx.tr('Тыңдау нәтижесі', 'Итог заслушивания')}${reasons ? `: ${reasons}` : ''}.`.replace(
        /\.\.$/,
        '.',
      ),
    );
  return [{ heading: ctx.tr('Тыңдау', 'Заслушивание'), paragraphs }];
}
