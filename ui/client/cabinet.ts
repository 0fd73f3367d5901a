/**
 * One application in the applicant's cabinet: the outcome in plain words, the request for
 * documents, the hearing, notices with their dates, the status history, complaints and answers.
 * The server decides what may be seen (domain/applications/cabinet.ts); this only lays it out,
 * in the page's language, with Almaty times whatever the browser's zone.
 */
import { formatDate, h, lang, serviceName, t, urgencyBadge } from './common';

type Bi = { kk: string; ru: string };
const tr = (b?: Bi | null) => (b ? (lang === 'ru' ? b.ru : b.kk) : '');

/** A registration day (YYYY-MM-DD) as DD.MM.YYYY. */
export const day = (iso?: string) =>
  iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('.') : '—';

/** Links to the documents, one per language copy, each saying its number, date and language. */
function documentLinks(docs: any[], testid?: string) {
  if (!docs?.length) return null;
  return h(
    'ul',
    { class: 'docs', ...(testid ? { 'data-testid': testid } : {}) },
    ...docs.map((d) =>
      h(
        'li',
        {},
        h(
          'a',
          { href: `/api/documents/${encodeURIComponent(d.documentId)}?download=1`, download: '' },
          d.title,
        ),
        h(
          'span',
          { class: 'muted' },
          d.number ? [' · ', h('span', { class: 'num' }, `№ ${d.number}`)] : null,
          ` · ${[d.date ?? '', t(`cabinet.lang.${d.lang}`)].filter(Boolean).join(' · ')}`,
        ),
      ),
    ),
  );
}

const section = (id: string, title: string, ...body: any[]) =>
  h(
    'section',
    { class: 'cab-section', 'aria-labelledby': id, 'data-testid': id.replace(/^h-/, 'section-') },
    h('h3', { id }, title),
    ...body,
  );

/**
 * A file input whose button and chosen names are in the page's language (Chromium's own control
 * speaks the browser's language): the native input stays in the label, focusable, visually hidden.
 */
export function filePicker(label: string, input: HTMLInputElement): HTMLElement {
  const names = h('span', { class: 'file-names', 'aria-live': 'polite' }, t('cabinet.noFiles'));
  input.classList.add('file-native');
  input.addEventListener('change', () => {
    const chosen = Array.from(input.files ?? []).map((f) => f.name);
    names.textContent = chosen.length ? chosen.join(', ') : t('cabinet.noFiles');
  });
  input.form?.addEventListener('reset', () => (names.textContent = t('cabinet.noFiles')));
  return h(
    'div',
    { class: 'file-pick' },
    h('span', { class: 'file-label' }, label),
    h('label', { class: 'file-button' }, input, h('span', {}, t('cabinet.chooseFiles'))),
    names,
  );
}

export interface CabinetActions {
  hearingPosition(number: string): HTMLElement;
  missingDocuments(number: string): HTMLElement;
  complaint(number: string): HTMLElement;
}

export function renderCabinet(s: any, actions: CabinetActions): HTMLElement {
  const outcome = s.outcome
    ? h(
        'div',
        {
          class: `outcome ${s.outcome.kind.startsWith('refusal') ? 'refused' : 'granted'}`,
          'data-testid': 'outcome',
        },
        h('p', { class: 'outcome-text' }, tr(s.outcome.text)),
        s.outcome.number || s.outcome.date
          ? h(
              'p',
              {},
              s.outcome.number ? h('span', { class: 'num' }, `№ ${s.outcome.number}`) : null,
              s.outcome.date ? `${s.outcome.number ? ' · ' : ''}${s.outcome.date}` : null,
            )
          : null,
        s.outcome.grounds?.length
          ? h(
              'div',
              {},
              h('p', {}, `${t('cabinet.grounds')}:`),
              h('ul', { class: 'grounds' }, ...s.outcome.grounds.map((g: Bi) => h('li', {}, tr(g)))),
            )
          : null,
        s.outcome.reason ? h('p', {}, `${t('reason')}: ${s.outcome.reason}`) : null,
        documentLinks(s.outcome.documents, 'outcome-documents'),
      )
    : null;

  const request = s.request
    ? section(
        'h-request',
        t('documentsRequested'),
        h('ul', {}, ...s.request.items.map((i: Bi) => h('li', {}, tr(i)))),
        s.request.dueAt ? h('p', {}, `${t('cabinet.dueBy')}: ${formatDate(s.request.dueAt)}`) : null,
        s.request.answeredAt
          ? h('p', { class: 'ok' }, `${t('documentsSent')}: ${formatDate(s.request.answeredAt)}`)
          : s.request.closed
            ? h('p', { class: 'muted' }, t('cabinet.requestClosed'))
            : null,
        documentLinks(s.request.documents),
        s.request.open ? actions.missingDocuments(s.applicationNumber) : null,
      )
    : null;

  const hearing = s.hearing
    ? section(
        'h-hearing',
        t('hearing'),
        h(
          'dl',
          { class: 'kv' },
          h('dt', {}, t('cabinet.hearingAt')),
          h('dd', {}, s.hearing.at ? formatDate(s.hearing.at) : '—'),
          s.hearing.place && h('dt', {}, t('cabinet.hearingPlace')),
          s.hearing.place && h('dd', { class: 'wrap' }, s.hearing.place),
        ),
        s.hearing.grounds?.length
          ? h(
              'div',
              {},
              h('p', {}, `${t('cabinet.preliminaryGrounds')}:`),
              h('ul', { class: 'grounds' }, ...s.hearing.grounds.map((g: Bi) => h('li', {}, tr(g)))),
            )
          : null,
        s.hearing.positions?.length
          ? h(
              'div',
              {},
              h('p', {}, `${t('cabinet.positionsSent')}:`),
              h(
                'ul',
                {},
                ...s.hearing.positions.map((p: any) =>
                  h(
                    'li',
                    {},
                    `${p.at ? formatDate(p.at) : ''}${p.late ? ` (${t('cabinet.late')})` : ''}: `,
                    h('span', { class: 'wrap' }, p.text),
                  ),
                ),
              ),
            )
          : null,
        s.hearing.open ? actions.hearingPosition(s.applicationNumber) : null,
      )
    : null;

  const notices = section(
    'h-notices',
    t('notices'),
    s.noticesUnavailable ? h('p', { class: 'error', role: 'alert' }, t('cabinet.noticesUnavailable')) : null,
    s.notices.length
      ? h(
          'ol',
          { class: 'cards', 'data-testid': 'notices' },
          ...[...s.notices]
            .reverse()
            .map((n: any) =>
              h(
                'li',
                { class: 'card notice-card' },
                h('p', { class: 'when' }, h('time', { datetime: n.at }, formatDate(n.at))),
                h('p', { class: 'title' }, tr(n.title)),
                n.body ? h('p', { class: 'wrap' }, tr(n.body)) : null,
                documentLinks(n.documents),
              ),
            ),
        )
      : h('p', { class: 'muted' }, t('empty')),
  );

  const history = section(
    'h-history',
    t('cabinet.history'),
    s.history.length
      ? h(
          'ol',
          { class: 'timeline', 'data-testid': 'history' },
          ...s.history.map((e: any) =>
            h('li', {}, h('time', { datetime: e.at }, formatDate(e.at)), h('span', {}, tr(e.text))),
          ),
        )
      : h('p', { class: 'muted' }, t('empty')),
  );

  const complaints = section(
    'h-complaints',
    t('cabinet.complaints'),
    ...s.complaints.map((c: any) =>
      h(
        'div',
        { class: 'card', 'data-testid': 'complaint-item' },
        h(
          'p',
          {},
          h('strong', {}, t(`cabinet.complaint.${c.state}`)),
          c.registeredOn ? ` · ${t('registeredOn')} ${day(c.registeredOn)}` : '',
        ),
        h('p', { class: 'wrap' }, c.text),
        c.dueAt ? h('p', {}, `${t('cabinet.answerDue')}: ${formatDate(c.dueAt)}`) : null,
        c.answer
          ? h(
              'div',
              { class: 'answer' },
              h(
                'p',
                {},
                h(
                  'strong',
                  {},
                  c.answer.upheld === true
                    ? t('cabinet.upheld')
                    : c.answer.upheld === false
                      ? t('cabinet.notUpheld')
                      : t('cabinet.complaint.answered'),
                ),
                ` · ${formatDate(c.answer.at)}`,
              ),
              c.answer.text ? h('p', { class: 'wrap' }, c.answer.text) : null,
              documentLinks(c.answer.documents),
            )
          : null,
      ),
    ),
    actions.complaint(s.applicationNumber),
  );

  return h(
    'div',
    { class: 'cabinet' },
    h('h2', {}, s.applicationNumber),
    h('p', {}, serviceName(s.serviceId)),
    h(
      'dl',
      { class: 'kv', 'data-testid': 'application-status' },
      h('dt', {}, t('stage')),
      h('dd', { 'data-testid': 'stage' }, tr(s.stage)),
      h('dt', {}, t('registeredOn')),
      h('dd', {}, day(s.registeredOn)),
      s.term && h('dt', {}, t('cabinet.term')),
      s.term &&
        h(
          'dd',
          {},
          `${formatDate(s.term.dueAt)} `,
          urgencyBadge(s.term.urgency, s.term.remainingWorkingDays),
        ),
    ),
    outcome,
    request,
    hearing,
    notices,
    history,
    complaints,
  );
}
