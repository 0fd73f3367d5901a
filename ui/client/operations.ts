import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import {
  api,
  boot,
  formatDate,
  grid,
  h,
  lang,
  pager,
  root,
  showError,
  status,
  stepName,
  t,
  urgencyBadge,
  withProgress,
} from './common';

/**
 * Operations: applications running and finished, incidents, the deadline board; one application's
 * diagram, history, values and incidents with the operator's actions (each with a reason); the
 * calendar's revisions and the MCI. Every text comes from the server in the page's language.
 */
const app = root();
const view: string | undefined = boot.data?.view;

if (boot.data?.processInstanceKey) void instanceView(boot.data.processInstanceKey);
else if (view === 'calendar') void calendarView();
else if (view === 'mci') void mciView();
else void dashboard();

function tabs(current: string) {
  const link = (href: string, key: string) =>
    h('a', { href, ...(current === href ? { 'aria-current': 'page' } : {}) }, t(key));
  return h(
    'nav',
    { class: 'ops-tabs', 'aria-label': t('nav.operations') },
    link('/operations', 'ops.applications'),
    link('/operations/calendar', 'ops.calendar'),
    link('/operations/mci', 'ops.mci'),
  );
}

const instanceLink = (key: string, number: string | null) =>
  h('a', { href: `/operations/instances/${key}` }, number ?? t('ops.noNumber'));
/** A day typed as ДД.ММ.ГГГГ (the browser's own date picker would show its locale's Latin pattern). */
function dayInput(name: string, value = '') {
  return h('input', {
    name,
    value,
    inputMode: 'numeric',
    maxLength: 10,
    placeholder: t('ops.datePlaceholder'),
    autocomplete: 'off',
  });
}
const wrap = (table: HTMLElement) => h('div', { class: 'table-wrap' }, table);

/** A form asking for a reason (and optionally more fields); `send` gets the reason. */
function reasonForm(
  title: string,
  submit: string,
  send: (reason: string, form: HTMLFormElement) => Promise<void>,
  extra: HTMLElement[] = [],
): HTMLFormElement {
  const reason = h('textarea', { name: 'reason', rows: 2, required: true, minLength: 5, maxLength: 1000 });
  const msg = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'primary' }, submit);
  const form = h(
    'form',
    { class: 'reason-form', 'data-testid': 'reason-form' },
    h('strong', {}, title),
    ...extra,
    h('label', {}, t('ops.reason'), reason),
    h('div', {}, button, msg),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void withProgress(button, msg, t('sending'), async () => {
      try {
        await send(reason.value, form);
      } catch (err) {
        status(msg, (err as Error).message, 'error');
      }
    });
  });
  return form;
}

// ---- dashboard ------------------------------------------------------------------------------

async function dashboard() {
  const list = h('section', { 'aria-labelledby': 'h-apps' });
  const incidents = h('section', { 'aria-labelledby': 'h-incidents' });
  const deadlines = h('section', { 'aria-labelledby': 'h-deadlines' });
  app.replaceChildren(
    h('h1', {}, t('nav.operations')),
    tabs('/operations'),
    h('h2', { id: 'h-apps' }, t('ops.applications')),
    list,
    h(
      'div',
      { class: 'ops-grid' },
      h('div', {}, h('h2', { id: 'h-deadlines' }, t('deadlines')), deadlines),
      h('div', {}, h('h2', { id: 'h-incidents' }, t('ops.incidentsTitle')), incidents),
    ),
  );
  await Promise.all([applications(list), loadIncidents(incidents), loadDeadlines(deadlines)]);
}

async function applications(box: HTMLElement) {
  const params = new URLSearchParams(location.search);
  const state = h(
    'select',
    { name: 'state' },
    h('option', { value: '' }, t('ops.filter.any')),
    ...['active', 'completed', 'terminated'].map((s) =>
      h('option', { value: s, selected: params.get('state') === s }, t(`ops.state.${s}`)),
    ),
  );
  const service = h('select', { name: 'service' }, h('option', { value: '' }, t('ops.filter.any')));
  const from = dayInput('from', params.get('from') ?? '');
  const to = dayInput('to', params.get('to') ?? '');
  const q = h('input', { type: 'search', name: 'q', value: params.get('q') ?? '' });
  const form = h(
    'form',
    { class: 'ops-filters', role: 'search', 'data-testid': 'ops-filters' },
    h('label', {}, t('ops.filter.state'), state),
    h('label', {}, t('ops.filter.service'), service),
    h('label', {}, t('ops.filter.from'), from),
    h('label', {}, t('ops.filter.to'), to),
    h('label', {}, t('ops.filter.number'), q),
    h('button', { type: 'submit', class: 'primary' }, t('ops.filter.apply')),
    h('a', { href: '/operations', class: 'button' }, t('ops.filter.reset')),
  );
  const results = h('div', {});
  box.replaceChildren(form, results);
  const load = async (page: number) => {
    const query = new URLSearchParams();
    for (const [k, el] of [
      ['state', state],
      ['service', service],
      ['from', from],
      ['to', to],
      ['q', q],
    ] as const)
      if (el.value) query.set(k, el.value);
    history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
    query.set('page', String(page));
    try {
      const data = await api('GET', `/api/ops/applications?${query}`);
      if (service.options.length === 1)
        for (const s of data.services)
          service.append(h('option', { value: s.id, selected: params.get('service') === s.id }, s.name));
      // The table stays with its headers when nothing matches, and says so below.
      const none = data.items.length ? null : h('p', { class: 'muted', role: 'status' }, t('empty'));
      results.replaceChildren(
        wrap(
          grid(
            'applications',
            [
              t('ops.col.number'),
              t('ops.col.applicant'),
              t('ops.col.service'),
              t('ops.col.state'),
              t('ops.col.started'),
              t('ops.col.ended'),
              t('ops.col.steps'),
            ],
            data.items.map((i: any) =>
              h(
                'tr',
                {},
                h('td', {}, instanceLink(i.processInstanceKey, i.applicationNumber)),
                h('td', {}, i.applicant ?? '—'),
                h('td', {}, i.service),
                h(
                  'td',
                  {},
                  i.stateLabel,
                  i.hasIncident ? h('span', { class: 'badge u-overdue' }, ` ${t('ops.hasIncident')}`) : '',
                ),
                h('td', {}, i.started),
                h('td', {}, i.ended ?? '—'),
                h('td', {}, i.steps.join(', ') || '—'),
              ),
            ),
          ),
        ),
        none ?? pager(data.page, (n) => void load(n)),
      );
    } catch (err) {
      showError(results, err);
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load(1);
  });
  await load(1);
}

async function loadIncidents(box: HTMLElement, page = 1) {
  try {
    const data = await api('GET', `/api/ops/incidents?page=${page}`);
    if (!data.items.length) return status(box, t('ops.noIncidents'));
    box.replaceChildren(
      wrap(
        grid(
          'incidents',
          [t('ops.col.number'), t('ops.col.step'), t('ops.col.error'), t('ops.col.since')],
          data.items.map((x: any) =>
            h(
              'tr',
              {},
              h('td', {}, instanceLink(x.processInstanceKey, x.applicationNumber)),
              h('td', {}, x.step),
              h('td', {}, x.error),
              h('td', {}, x.since),
            ),
          ),
        ),
      ),
      pager(data.page, (n) => void loadIncidents(box, n)),
    );
  } catch (err) {
    showError(box, err);
  }
}

async function loadDeadlines(box: HTMLElement, page = 1) {
  try {
    const data = await api('GET', `/api/ops/deadlines?page=${page}`);
    // Each band by the legal deadline, earliest first (the engine's clock decided the bands).
    const byDue = (rows: any[]) => [...rows].sort((a, b) => String(a.dueAt).localeCompare(String(b.dueAt)));
    const band = (title: string, rows: any[], cls: string) =>
      h(
        'div',
        { class: `band ${cls}` },
        h('h3', {}, `${title} (${rows.length})`),
        rows.length
          ? h(
              'ul',
              {},
              ...byDue(rows).map((r) =>
                h(
                  'li',
                  {},
                  instanceLink(r.processInstanceKey, r.applicationNumber ?? null),
                  ` · ${stepName(r.step)} · ${formatDate(r.dueAt)} `,
                  urgencyBadge(r.urgency, r.remainingWorkingDays),
                ),
              ),
            )
          : h('p', { class: 'muted' }, t('empty')),
      );
    box.replaceChildren(
      h(
        'div',
        { class: 'bands', 'data-testid': 'deadline-board' },
        band(t('overdue'), data.overdue, 'u-overdue'),
        band(t('dueToday'), data.dueToday, 'u-last-day'),
        band(t('within2'), data.within2, 'u-soon'),
        (data.uncomputable ?? []).length
          ? h(
              'div',
              { class: 'band u-overdue', 'data-testid': 'deadline-uncomputable' },
              h('h3', {}, `${t('uncomputable')} (${data.uncomputable.length})`),
              h(
                'ul',
                {},
                ...data.uncomputable.map((r: any) =>
                  h(
                    'li',
                    {},
                    instanceLink(r.processInstanceKey, r.applicationNumber ?? null),
                    ` · ${stepName(r.step)} · ${r[lang] ?? r.ru}`,
                  ),
                ),
              ),
            )
          : null,
      ),
      pager(data.page, (n) => void loadDeadlines(box, n)),
    );
  } catch (err) {
    showError(box, err);
  }
}

// ---- one application ------------------------------------------------------------------------

async function instanceView(key: string) {
  try {
    const data = await api('GET', `/api/ops/applications/${key}`);
    const i = data.instance;
    const number = i.applicationNumber ?? t('ops.noNumber');
    const canvas = h('div', { class: 'canvas', 'data-testid': 'diagram' });
    const actions = h('div', {});
    const cancelButton = i.cancellable
      ? h(
          'button',
          {
            type: 'button',
            class: 'danger',
            'data-testid': 'cancel-instance',
            onclick: () =>
              actions.replaceChildren(
                reasonForm(
                  t('ops.cancelTitle').replace('{number}', number),
                  t('ops.cancel'),
                  async (reason) => {
                    await api('POST', `/api/ops/applications/${key}/cancel`, { reason });
                    location.reload();
                  },
                ),
              ),
          },
          t('ops.cancel'),
        )
      : null;
    const zoom = (f: (c: any) => void) => () => f(viewer.get('canvas') as any);
    const tools = h(
      'div',
      { class: 'diagram-tools' },
      h(
        'button',
        { type: 'button', 'data-testid': 'zoom-in', onclick: zoom((c) => c.zoom(c.zoom() * 1.25)) },
        `+ ${t('ops.zoomIn')}`,
      ),
      h(
        'button',
        { type: 'button', 'data-testid': 'zoom-out', onclick: zoom((c) => c.zoom(c.zoom() / 1.25)) },
        `− ${t('ops.zoomOut')}`,
      ),
      h(
        'button',
        { type: 'button', 'data-testid': 'zoom-fit', onclick: zoom((c) => c.zoom('fit-viewport', 'auto')) },
        t('ops.fit'),
      ),
      h(
        'span',
        { class: 'legend' },
        h('span', {}, h('span', { class: 'swatch taken' }), t('ops.legend.taken')),
        h('span', {}, h('span', { class: 'swatch active' }), t('ops.legend.active')),
        h('span', {}, h('span', { class: 'swatch incident' }), t('ops.legend.incident')),
        h('span', { class: 'muted' }, t('ops.legend.counts')),
      ),
    );
    app.replaceChildren(
      tabs(''),
      h('p', {}, h('a', { href: '/operations' }, `← ${t('back')}`)),
      h('h1', {}, `${i.service} · ${number}`),
      h(
        'p',
        { class: 'muted', 'data-testid': 'instance-state' },
        `${t('ops.col.state')}: ${i.stateLabel} · ${t('ops.col.started')}: ${i.started}`,
        i.ended ? ` · ${t('ops.col.ended')}: ${i.ended}` : '',
        i.version ? ` · ${t('ops.version').replace('{version}', String(i.version))}` : '',
        data.activeSteps.length ? ` · ${t('ops.activeSteps')}: ${data.activeSteps.join(', ')}` : '',
      ),
      h('div', {}, cancelButton, actions),
      h('h2', {}, t('ops.diagram')),
      tools,
      canvas,
      h(
        'div',
        { class: 'ops-grid' },
        h(
          'div',
          {},
          h('h2', {}, t('ops.incidentsTitle')),
          incidentsOf(data.incidents),
          h('h2', {}, t('ops.terms')),
          termsOf(data.deadlines),
        ),
        h('div', {}, h('h2', {}, t('ops.values')), valuesOf(key, data.variables)),
      ),
      h('h2', {}, t('ops.history')),
      wrap(
        grid(
          'history',
          [t('ops.col.when'), t('ops.col.step'), t('ops.col.what'), t('ops.col.who'), t('ops.col.reason')],
          data.history.map((e: any) =>
            h(
              'tr',
              {},
              h('td', {}, e.when),
              h('td', {}, e.step),
              h('td', {}, e.what),
              h('td', {}, e.who),
              h('td', {}, e.reason ?? ''),
            ),
          ),
        ),
      ),
    );
    const viewer = new NavigatedViewer({ container: canvas });
    await viewer.importXML(data.xml);
    const c = viewer.get('canvas') as any;
    c.zoom('fit-viewport');
    mark(viewer, data);
  } catch (err) {
    showError(app, err);
  }
}

/** Taken path, active steps, incidents and counts per element on the diagram. */
function mark(viewer: any, data: any) {
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  const visited = new Set<string>(data.diagram.visited);
  for (const id of visited) if (registry.get(id)) canvas.addMarker(id, 'ov-taken');
  // A flow between two elements the instance went through is part of its path.
  for (const flow of registry.filter((e: any) => e.type === 'bpmn:SequenceFlow')) {
    const bo = flow.businessObject;
    if (visited.has(bo.sourceRef?.id) && visited.has(bo.targetRef?.id)) canvas.addMarker(flow.id, 'ov-taken');
  }
  for (const id of data.diagram.active as string[]) if (registry.get(id)) canvas.addMarker(id, 'ov-active');
  for (const x of data.incidents)
    if (x.elementId && registry.get(x.elementId)) canvas.addMarker(x.elementId, 'ov-incident');
  for (const [id, n] of Object.entries(data.diagram.counts as Record<string, any>)) {
    const el = registry.get(id);
    if (!el || el.type === 'bpmn:Process' || el.waypoints) continue;
    const badge = document.createElement('span');
    badge.className = n.incidents ? 'ov ov-incident' : n.active ? 'ov ov-active' : 'ov-count';
    badge.textContent = `${n.active} / ${n.completed}`;
    badge.title = `${t('ops.legend.active')}: ${n.active}; ${t('ops.legend.taken')}: ${n.completed}`;
    overlays.add(id, { position: { bottom: 10, left: -6 }, html: badge });
  }
}

function incidentsOf(incidents: any[]): HTMLElement {
  if (!incidents.length) return h('p', { class: 'muted' }, t('ops.noIncidents'));
  return h(
    'ul',
    { 'data-testid': 'instance-incidents' },
    ...incidents.map((x) => {
      const slot = h('div', {});
      return h(
        'li',
        {},
        h('strong', {}, x.step),
        ` — ${x.error} (${x.since}) `,
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'retry',
            onclick: () =>
              slot.replaceChildren(
                reasonForm(x.step, t('ops.retry'), async (reason) => {
                  await api('POST', `/api/ops/incidents/${x.incidentKey}/retry`, { reason });
                  location.reload();
                }),
              ),
          },
          t('ops.retry'),
        ),
        slot,
      );
    }),
  );
}

function termsOf(terms: any[]): HTMLElement {
  if (!terms.length) return h('p', { class: 'muted' }, t('empty'));
  return h(
    'ul',
    {},
    ...terms.map((d) => h('li', {}, `${d.step}: ${d.due} `, urgencyBadge(d.urgency, d.remainingWorkingDays))),
  );
}

function valuesOf(key: string, variables: any[]): HTMLElement {
  return wrap(
    grid(
      'values',
      [t('ops.col.name'), t('ops.col.value'), ''],
      variables.map((v) => {
        const slot = h('div', {});
        const input =
          v.kind === 'boolean'
            ? h(
                'select',
                { name: 'value' },
                h('option', { value: 'true', selected: v.raw === true }, t('ops.value.yes')),
                h('option', { value: 'false', selected: v.raw === false }, t('ops.value.no')),
              )
            : h('input', {
                name: 'value',
                type: v.kind === 'number' ? 'number' : 'text',
                value: v.raw ?? '',
              });
        const edit = v.editable
          ? h(
              'button',
              {
                type: 'button',
                'data-testid': 'edit-value',
                onclick: () =>
                  slot.replaceChildren(
                    reasonForm(
                      v.label,
                      t('ops.save'),
                      async (reason) => {
                        const value = v.kind === 'boolean' ? input.value === 'true' : input.value;
                        await api(
                          'PUT',
                          `/api/ops/applications/${key}/variables/${encodeURIComponent(v.name)}`,
                          {
                            value,
                            reason,
                          },
                        );
                        location.reload();
                      },
                      [h('label', {}, t('ops.newValue'), input)],
                    ),
                  ),
              },
              t('ops.edit'),
            )
          : v.protected
            ? h('span', { class: 'badge protected' }, t('ops.protected'))
            : '';
        return h('tr', {}, h('th', { scope: 'row' }, v.label), h('td', {}, v.value, slot), h('td', {}, edit));
      }),
    ),
  );
}

// ---- calendar and MCI --------------------------------------------------------------------------

/** Shows each field's problem beside it and the list above the button. */
function showProblems(form: HTMLFormElement, box: HTMLElement, err: any) {
  form.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
  const problems: any[] = err?.body?.problems ?? [];
  for (const p of problems) form.querySelector(`[name="${p.field}"]`)?.setAttribute('aria-invalid', 'true');
  box.replaceChildren(
    h(
      'div',
      { class: 'error', role: 'alert' },
      h('p', {}, err.message),
      problems.length ? h('ul', {}, ...problems.map((p) => h('li', {}, p[lang] ?? p.ru))) : null,
    ),
  );
}

function basisFields() {
  return [
    h('label', {}, t('ops.basis.act'), h('input', { name: 'act', maxLength: 300 })),
    h('label', {}, t('ops.basis.paragraph'), h('input', { name: 'paragraph', maxLength: 100 })),
    h('label', {}, t('ops.basis.actDate'), dayInput('actDate')),
  ];
}
const field = (form: HTMLFormElement, name: string) =>
  (form.querySelector(`[name="${name}"]`) as HTMLInputElement | null)?.value ?? '';

async function calendarView() {
  const list = h('div', {});
  const msg = h('div', { 'aria-live': 'polite' });
  const days = h('div', {});
  let kinds: { id: string; name: string }[] = [];
  const addDay = () => {
    const n = days.children.length;
    days.append(
      h(
        'div',
        { class: 'day-row' },
        h('label', {}, t('ops.calendar.date'), dayInput(`changes.${n}.date`)),
        h(
          'label',
          {},
          t('ops.calendar.kind'),
          h(
            'select',
            { name: `changes.${n}.kind` },
            ...kinds.map((k) => h('option', { value: k.id }, k.name)),
          ),
        ),
        h('label', {}, t('ops.calendar.dayName'), h('input', { name: `changes.${n}.name`, maxLength: 100 })),
      ),
    );
  };
  const form = h(
    'form',
    { class: 'ops-form', 'data-testid': 'calendar-form' },
    h('label', {}, t('ops.calendar.id'), h('input', { name: 'id', maxLength: 60 })),
    h('label', {}, t('ops.calendar.effectiveFrom'), dayInput('effectiveFrom')),
    h('fieldset', { name: 'changes' }, h('legend', {}, t('ops.calendar.changes')), days),
    h('button', { type: 'button', onclick: () => addDay() }, `+ ${t('ops.calendar.addDay')}`),
    h('fieldset', {}, h('legend', {}, t('ops.basis')), ...basisFields()),
    h('button', { type: 'submit', class: 'primary' }, t('ops.record')),
    msg,
  );
  app.replaceChildren(
    h('h1', {}, t('ops.calendar')),
    tabs('/operations/calendar'),
    h('h2', {}, t('ops.calendar.revisions')),
    list,
    h('h2', {}, t('ops.calendar.new')),
    form,
  );
  const load = async () => {
    try {
      const data = await api('GET', '/api/ops/calendar');
      kinds = data.kinds;
      if (!days.children.length) addDay();
      if (!data.revisions.length) return status(list, t('empty'));
      list.replaceChildren(
        wrap(
          grid(
            'calendar-revisions',
            [
              t('ops.calendar.id'),
              t('ops.calendar.effectiveFrom'),
              t('ops.calendar.changes'),
              t('ops.basis'),
              t('ops.recordedAt'),
              t('ops.author'),
            ],
            data.revisions.map((r: any) =>
              h(
                'tr',
                {},
                h('td', {}, r.id),
                h('td', {}, r.effective),
                h(
                  'td',
                  {},
                  h(
                    'ul',
                    {},
                    ...r.changes.map((c: any) =>
                      h('li', {}, `${c.date}: ${c.kind}${c.name ? ` (${c.name})` : ''}`),
                    ),
                  ),
                ),
                h('td', {}, r.legalBasis),
                h('td', {}, r.recorded),
                h('td', {}, r.author),
              ),
            ),
          ),
        ),
      );
    } catch (err) {
      showError(list, err);
    }
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const changes = Array.from(days.children, (_, n) => ({
      date: field(form, `changes.${n}.date`),
      kind: field(form, `changes.${n}.kind`),
      name: field(form, `changes.${n}.name`) || undefined,
    }));
    try {
      const r = await api('POST', '/api/ops/calendar/revisions', {
        id: field(form, 'id'),
        effectiveFrom: field(form, 'effectiveFrom'),
        act: field(form, 'act'),
        paragraph: field(form, 'paragraph'),
        actDate: field(form, 'actDate'),
        changes,
      });
      status(msg, t('ops.calendar.recorded').replace('{count}', String(r.rearmed)), 'ok');
      await load();
    } catch (err) {
      showProblems(form, msg, err);
    }
  });
  await load();
}

async function mciView() {
  const list = h('div', {});
  const msg = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'ops-form', 'data-testid': 'mci-form' },
    h('label', {}, t('ops.mci.year'), h('input', { name: 'year', inputMode: 'numeric', maxLength: 4 })),
    h('label', {}, t('ops.mci.value'), h('input', { name: 'mci', inputMode: 'numeric', maxLength: 7 })),
    h('fieldset', {}, h('legend', {}, t('ops.basis')), ...basisFields()),
    h('button', { type: 'submit', class: 'primary' }, t('ops.record')),
    msg,
  );
  app.replaceChildren(
    h('h1', {}, t('ops.mci')),
    tabs('/operations/mci'),
    list,
    h('h2', {}, t('ops.mci.new')),
    form,
  );
  const load = async () => {
    try {
      const data = await api('GET', '/api/ops/mci');
      list.replaceChildren(
        wrap(
          grid(
            'mci-years',
            [t('ops.mci.year'), t('ops.mci.value'), t('ops.basis'), t('ops.recordedAt'), t('ops.author')],
            data.years.map((y: any) =>
              h(
                'tr',
                {},
                h('td', {}, String(y.year)),
                h('td', {}, new Intl.NumberFormat('ru-RU').format(y.mci)),
                h('td', {}, y.legalBasis),
                h('td', {}, y.recorded ?? t('ops.mci.shipped')),
                h('td', {}, y.author ?? '—'),
              ),
            ),
          ),
        ),
      );
    } catch (err) {
      showError(list, err);
    }
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const r = await api('POST', '/api/ops/mci', {
        year: field(form, 'year'),
        mci: field(form, 'mci'),
        act: field(form, 'act'),
        paragraph: field(form, 'paragraph'),
        actDate: field(form, 'actDate'),
      });
      status(msg, t('ops.mci.recorded').replace('{year}', String(r.year)), 'ok');
      await load();
    } catch (err) {
      showProblems(form, msg, err);
    }
  });
  await load();
}
