import { stepName as elementStepName } from '../../domain/applications/step-names';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import {
  grid,
  factsTable,
  stepName,
  api,
  lang,
  boot,
  formatDate,
  h,
  pager,
  root,
  serviceName,
  showError,
  status,
  t,
  urgencyBadge,
  withProgress,
} from './common';

/** Operations: running applications, incidents with retry, the deadline board, one instance on its diagram. */
const app = root();

if (boot.data?.processInstanceKey) void instanceView(boot.data.processInstanceKey);
else void dashboard();

async function dashboard() {
  const running = h('section', { 'aria-labelledby': 'h-running' });
  const incidents = h('section', { 'aria-labelledby': 'h-incidents' });
  const deadlines = h('section', { 'aria-labelledby': 'h-deadlines' });
  app.replaceChildren(
    h('h1', {}, t('nav.operations')),
    h(
      'div',
      { class: 'ops-grid' },
      h('div', {}, h('h2', { id: 'h-running' }, t('running')), running),
      h(
        'div',
        {},
        h('h2', { id: 'h-incidents' }, t('incidents')),
        incidents,
        h('h2', { id: 'h-deadlines' }, t('deadlines')),
        deadlines,
      ),
    ),
  );
  await Promise.all([loadRunning(running), loadIncidents(incidents), loadDeadlines(deadlines)]);
}

const instanceLink = (key: string, text?: string) =>
  h('a', { href: `/operations/instances/${key}` }, text ?? key);

async function loadRunning(box: HTMLElement, page = 1) {
  try {
    const data = await api('GET', `/api/ops/instances?page=${page}`);
    if (!data.items.length) return status(box, t('empty'));
    // Counts come keyed by the element's name; the table's words are the stage names, so use them here too.
    const idByName = new Map<string, string>();
    for (const i of data.items) for (const st of i.stages) idByName.set(st.name, st.elementId);
    const stageLabel = (name: string) =>
      idByName.has(name) ? elementStepName(idByName.get(name)!, lang, name) : name;
    const counts = h(
      'div',
      { class: 'counts' },
      ...Object.entries(data.counts as Record<string, Record<string, number>>).map(([service, stages]) =>
        h(
          'div',
          { class: 'card' },
          h('h3', {}, serviceName(service)),
          h(
            'ul',
            {},
            ...Object.entries(stages).map(([stage, n]) =>
              h('li', {}, `${stageLabel(stage)}: `, h('strong', {}, n)),
            ),
          ),
        ),
      ),
    );
    const table = grid(
      'instances',
      [t('instance'), t('service'), t('stage'), t('incidents')],
      data.items.map((i: any) =>
        h(
          'tr',
          {},
          h('td', {}, instanceLink(i.processInstanceKey, i.applicationNumber ?? i.processInstanceKey)),
          h('td', {}, serviceName(i.processDefinitionId)),
          h('td', {}, i.stages.map((s: any) => elementStepName(s.elementId, lang, s.name)).join(', ') || '—'),
          h('td', {}, i.hasIncident ? h('span', { class: 'badge u-overdue' }, '!') : ''),
        ),
      ),
    );
    box.replaceChildren(
      counts,
      table,
      pager(data.page, (n) => void loadRunning(box, n)),
    );
  } catch (err) {
    showError(box, err);
  }
}

async function loadIncidents(box: HTMLElement) {
  try {
    const data = await api('GET', '/api/ops/incidents');
    if (!data.items.length) return status(box, t('empty'));
    box.replaceChildren(
      grid(
        'incidents',
        [t('instance'), t('stage'), t('error'), ''],
        data.items.map((x: any) => {
          const msg = h('span', { class: 'muted' });
          const retry = h(
            'button',
            {
              type: 'button',
              class: 'primary',
              onclick: () =>
                withProgress(retry, msg, t('sending'), async () => {
                  try {
                    await api('POST', `/api/ops/incidents/${x.incidentKey}/retry`);
                    status(msg, t('sent'), 'ok');
                    await loadIncidents(box);
                  } catch (err) {
                    status(msg, (err as Error).message, 'error');
                  }
                }),
            },
            t('retry'),
          );
          return h(
            'tr',
            {},
            h('td', {}, instanceLink(String(x.processInstanceKey))),
            h('td', {}, x.elementId),
            h('td', {}, h('code', {}, `${x.errorType ?? ''}: ${x.errorMessage ?? ''}`)),
            h('td', {}, retry, msg),
          );
        }),
      ),
    );
  } catch (err) {
    showError(box, err);
  }
}

async function loadDeadlines(box: HTMLElement, page = 1) {
  try {
    const data = await api('GET', `/api/ops/deadlines?page=${page}`);
    const band = (title: string, rows: any[], cls: string) =>
      h(
        'div',
        { class: `band ${cls}` },
        h('h3', {}, `${title} (${rows.length})`),
        rows.length
          ? h(
              'ul',
              {},
              ...rows.map((r) =>
                h(
                  'li',
                  {},
                  instanceLink(r.processInstanceKey, r.applicationNumber ?? r.processInstanceKey),
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
        // Terms the calendar cannot count (a year not in its data): each application marked, the rest shown.
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
                    instanceLink(r.processInstanceKey, r.applicationNumber ?? r.processInstanceKey),
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

async function instanceView(key: string) {
  try {
    const data = await api('GET', `/api/ops/instances/${key}`);
    const canvas = h('div', { class: 'canvas', 'data-testid': 'diagram' });
    const incidents = h('div', {});
    app.replaceChildren(
      h('p', {}, h('a', { href: '/operations' }, `← ${t('back')}`)),
      h(
        'h1',
        {},
        `${serviceName(data.instance.processDefinitionId)} · ${data.variables.applicationNumber ?? key}`,
      ),
      h(
        'p',
        { class: 'muted' },
        `${t('state')}: ${t(`state.${String(data.instance.state).toLowerCase()}`)} · v${data.instance.processDefinitionVersion ?? '?'}`,
        // A large diagram fits the screen small: say in words where the instance is.
        data.active?.length
          ? ` · ${t('stage')}: ${[...new Set<string>(data.active)]
              .map((id) =>
                elementStepName(
                  id,
                  lang,
                  data.elements.find((e: any) => e.elementId === id)?.elementName ?? id,
                ),
              )
              .join(', ')}`
          : '',
      ),
      canvas,
      h(
        'div',
        { class: 'ops-grid' },
        h(
          'div',
          {},
          h('h2', {}, t('incidents')),
          incidents,
          h('h2', {}, t('deadlines')),
          data.deadlines.length
            ? h(
                'ul',
                {},
                ...data.deadlines.map((d: any) =>
                  h(
                    'li',
                    {},
                    `${stepName(d.step)}: ${formatDate(d.dueAt)} `,
                    urgencyBadge(d.urgency, d.remainingWorkingDays),
                  ),
                ),
              )
            : h('p', { class: 'muted' }, t('empty')),
        ),
        h(
          'div',
          {},
          h('h2', {}, t('variables')),
          factsTable(
            Object.entries(data.variables).map(([k, v]) => [
              k,
              h('code', {}, typeof v === 'string' ? v : JSON.stringify(v)),
            ]),
          ),
        ),
      ),
    );
    if (data.incidents.length) {
      incidents.append(
        h(
          'ul',
          {},
          ...data.incidents.map((x: any) =>
            h(
              'li',
              {},
              h('code', {}, `${x.elementId}: ${x.errorMessage ?? x.errorType}`),
              ' ',
              h(
                'button',
                {
                  type: 'button',
                  onclick: async () => {
                    await api('POST', `/api/ops/incidents/${x.incidentKey}/retry`);
                    location.reload();
                  },
                },
                t('retry'),
              ),
            ),
          ),
        ),
      );
    } else incidents.append(h('p', { class: 'muted' }, t('empty')));

    const viewer = new NavigatedViewer({ container: canvas });
    await viewer.importXML(data.xml);
    (viewer.get('canvas') as any).zoom('fit-viewport');
    const overlays = viewer.get('overlays') as any;
    const registry = viewer.get('elementRegistry') as any;
    const add = (elementId: string, cls: string, text: string) => {
      if (!registry.get(elementId)) return;
      const position =
        cls === 'ov-active'
          ? { bottom: 12, right: 12 }
          : cls === 'ov-incident'
            ? { top: -12, right: 12 }
            : { top: -12, left: -8 };
      overlays.add(elementId, { position, html: `<span class="ov ${cls}" title="${text}">${text}</span>` });
      (viewer.get('canvas') as any).addMarker(elementId, cls);
    };
    for (const id of new Set<string>(data.active)) add(id, 'ov-active', '●');
    for (const x of data.incidents) add(x.elementId, 'ov-incident', '!');
    const activeIds: string[] = data.active;
    for (const step of data.breached as string[]) {
      const id = activeIds.find((a) =>
        a
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
          .includes(step.toLowerCase()),
      );
      if (id) add(id, 'ov-breached', '⏰');
    }
  } catch (err) {
    showError(app, err);
  }
}
