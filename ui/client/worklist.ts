import { stepName as elementStepName } from '../../domain/applications/step-names';
import { formatAlmatyDateTime } from '../../domain/almaty-time';
import { Form } from '@bpmn-io/form-js-viewer';
import {
  grid,
  api,
  boot,
  formatDate,
  h,
  lang,
  pager,
  root,
  serviceName,
  showError,
  status,
  t,
  withProgress,
} from './common';
import { fromFormData, toFormData, type SchemaComponent } from './datetime-fields';
import { edsConfig } from './ncalayer';
import { requestSignaturesBox, signResult } from './eds-worklist';

/**
 * The clerk's worklist: views (mine, not yet taken, all of my groups, completed by me) with counts,
 * search, sort and paging done by the server; the list refreshes itself every few seconds without
 * touching the open task; a task's form is read-only until claimed, and what is typed is kept as a
 * draft on the server. Keys: j/k or arrows move, Enter opens, c claims, / searches.
 */
const VIEWS = ['mine', 'unassigned', 'group', 'completed'] as const;
const SORTS = ['deadline', 'created', 'step'] as const;
const REFRESH_MS = 5_000;
const DRAFT_DELAY_MS = 700;

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
const timeOf = (iso: string) => formatAlmatyDateTime(iso).split(' ').pop() ?? '';

// The clerk's place is in the address, so a reload or a shared link comes back to it.
const params = new URLSearchParams(location.search);
const place = {
  view: (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? params.get('view')! : 'group',
  sort: (SORTS as readonly string[]).includes(params.get('sort') ?? '') ? params.get('sort')! : 'deadline',
  q: params.get('q') ?? '',
  page: Math.max(1, Number(params.get('page')) || 1),
};

let selected: string | null = null;
let lastList = '';
let labels: Record<string, any> | null = null;
/** The open task: the form, what it holds now, and its claim button (for the c key). */
let open: {
  key: string;
  form: Form | null;
  data: Record<string, unknown>;
  claim?: HTMLButtonElement;
} | null = null;

const app = root();
const listBox = h('section', { class: 'list', 'aria-label': t('nav.worklist') });
const detail = h(
  'section',
  { class: 'detail', 'aria-live': 'polite' },
  h('p', { class: 'muted' }, t('chooseTask')),
);
const tabs = h('div', { class: 'views', role: 'group', 'aria-label': t('wl.views') });
const searchInput = h('input', {
  type: 'search',
  id: 'wl-search',
  name: 'q',
  value: place.q,
  autocomplete: 'off',
  'aria-keyshortcuts': '/',
});
const sortSel = h(
  'select',
  {
    id: 'wl-sort',
    onchange: () => {
      place.sort = sortSel.value;
      place.page = 1;
      void loadList();
    },
  },
  ...SORTS.map((s) => h('option', { value: s, selected: s === place.sort }, t(`wl.sort.${s}`))),
);
const updated = h('p', { class: 'muted updated' });
const searchForm = h(
  'form',
  {
    class: 'search',
    role: 'search',
    onsubmit: (e: Event) => {
      e.preventDefault();
      place.q = searchInput.value.trim();
      place.page = 1;
      void loadList();
    },
  },
  h('label', { for: 'wl-search' }, t('wl.search')),
  h('div', { class: 'search-row' }, searchInput, h('button', { type: 'submit' }, t('wl.searchButton'))),
);
app.replaceChildren(
  h(
    'div',
    { class: 'toolbar' },
    h('h1', {}, t('nav.worklist')),
    searchForm,
    h('label', { for: 'wl-sort' }, t('wl.sort'), sortSel),
  ),
  tabs,
  h(
    'details',
    { class: 'keys' },
    h('summary', {}, t('wl.keys')),
    h(
      'ul',
      {},
      ...(
        [
          ['move', 'j / k'],
          ['open', t('wl.keys.enter')],
          ['claim', 'c'],
          ['search', '/'],
        ] as const
      ).map(([k, key]) => {
        // The keys themselves are not words of either language: drawn as keys, not from the catalogue.
        const [before, after] = t(`wl.keys.${k}`).split(/\{keys?\}/);
        return h('li', {}, before, h('kbd', {}, key), after);
      }),
    ),
  ),
  h('div', { class: 'split' }, h('div', {}, listBox, updated), detail),
);

function renderTabs(counts: Record<string, number>) {
  tabs.replaceChildren(
    ...VIEWS.map((v) =>
      h(
        'button',
        {
          type: 'button',
          class: 'view-tab',
          'aria-pressed': String(v === place.view),
          dataset: { view: v },
          onclick: () => {
            place.view = v;
            place.page = 1;
            void loadList();
          },
        },
        t(`wl.view.${v}`),
        ' ',
        h('span', { class: 'count' }, String(counts[v] ?? 0)),
      ),
    ),
  );
}

/** The flag a person reads: red when the term passed, amber with two working days or fewer left. */
function deadlineBadge(task: any) {
  if (task.remainingWorkingDays === null || task.remainingWorkingDays === undefined) return '—';
  const days = Math.abs(task.remainingWorkingDays);
  const text =
    task.flag === 'overdue'
      ? days === 0
        ? t('wl.overdueToday')
        : fill(t('wl.overdueBy'), { days })
      : fill(t('wl.daysLeft'), { days });
  return h(
    'span',
    { class: `badge flag-${task.flag}`, dataset: { flag: task.flag } },
    task.flag === 'none' ? null : h('span', { class: 'sr-only' }, `${t(`wl.flag.${task.flag}`)}: `),
    text,
  );
}

function renderList(data: any) {
  renderTabs(data.counts);
  updated.textContent = fill(t('wl.updatedAt'), { time: timeOf(data.now) });
  const completed = place.view === 'completed';
  if (!data.items.length) {
    listBox.replaceChildren(h('p', { class: 'muted', role: 'status' }, t('empty')));
    return;
  }
  const focusedKey = (document.activeElement as HTMLElement | null)
    ?.closest?.('tr[data-key]')
    ?.getAttribute('data-key');
  const table = grid(
    'task-list',
    [
      t('task'),
      t('application'),
      t('wl.applicant'),
      completed ? t('wl.completedAt') : t('due'),
      t('assignee'),
    ],
    data.items.map((task: any) =>
      h(
        'tr',
        {
          class: `${task.userTaskKey === selected ? 'selected ' : ''}flag-row-${task.flag}`,
          dataset: { key: task.userTaskKey, flag: task.flag },
        },
        h(
          'td',
          { 'data-label': t('task') },
          h(
            'a',
            {
              href: `#task-${task.userTaskKey}`,
              onclick: (e: Event) => {
                e.preventDefault();
                void openTask(task.userTaskKey);
              },
            },
            elementStepName(task.elementId, lang, task.name),
          ),
          h('div', { class: 'muted small' }, serviceName(task.processDefinitionId)),
        ),
        h('td', { 'data-label': t('application') }, task.applicationNumber ?? '—'),
        h(
          'td',
          { 'data-label': t('wl.applicant') },
          task.applicantName ?? '—',
          task.applicantBin ? h('div', { class: 'muted small' }, task.applicantBin) : null,
        ),
        h(
          'td',
          { 'data-label': completed ? t('wl.completedAt') : t('due') },
          completed ? formatDate(task.completionDate) : formatDate(task.dueDate),
          completed ? null : h('div', {}, deadlineBadge(task)),
        ),
        h('td', { 'data-label': t('assignee') }, assigneeText(task.assignee)),
      ),
    ),
  );
  listBox.replaceChildren(
    table,
    pager(data.page, (n) => {
      place.page = n;
      void loadList();
    }),
  );
  // A refresh keeps the row the clerk was on.
  if (focusedKey) rowLink(focusedKey)?.focus({ preventScroll: true });
}

/** Who holds a task, as a person reads it (user names are sign-in ids, not names). */
const assigneeText = (assignee: string | null) =>
  !assignee ? '—' : assignee === boot.session?.userId ? t('wl.assignee.me') : t('wl.assignee.other');

const rowLink = (key: string) =>
  listBox.querySelector<HTMLAnchorElement>(`tr[data-key="${CSS.escape(key)}"] a`);

function query() {
  const q = new URLSearchParams({ view: place.view, sort: place.sort });
  if (place.q) q.set('q', place.q);
  if (place.page > 1) q.set('page', String(place.page));
  return q;
}

async function loadList(quiet = false) {
  const q = query();
  history.replaceState(null, '', `${location.pathname}?${q}${location.hash}`);
  try {
    const data = await api('GET', `/api/worklist?${q}`);
    const text = JSON.stringify({ ...data, now: undefined });
    if (quiet && text === lastList) {
      updated.textContent = fill(t('wl.updatedAt'), { time: timeOf(data.now) });
      return;
    }
    lastList = text;
    renderList(data);
  } catch (err) {
    if (!quiet) showError(listBox, err);
  }
}

/** forms/i18n/<lang>.json: `{ "<formId>": { "<key>": "label" } }` or a flat `{ "<label or key>": "label" }`. */
function translate(schema: any, formId?: string): any {
  if (!labels) return schema;
  const perForm = (formId && labels[formId]) || labels[schema.id] || labels;
  const walk = (components: any[] = []) =>
    components.map((c) => {
      const out = { ...c };
      const hit = [c.key, c.id, c.label, c.text]
        .map((k) => (k ? perForm[k] : undefined))
        .find((v) => typeof v === 'string');
      if (hit && out.label !== undefined) out.label = hit;
      else if (hit && out.type === 'text') out.text = hit;
      if (c.components) out.components = walk(c.components);
      return out;
    });
  return { ...schema, components: walk(schema.components) };
}

/** Keys of the fields a person fills in: only these go into a draft, never the case's variables. */
function fieldKeys(schema: { components?: (SchemaComponent & { type?: string })[] }): Set<string> {
  const keys = new Set<string>();
  const walk = (list: any[] | undefined) => {
    for (const c of list ?? []) {
      if (c.key && !['text', 'html', 'image', 'table', 'documentPreview', 'spacer'].includes(c.type))
        keys.add(c.key);
      walk(c.components);
    }
  };
  walk(schema.components);
  return keys;
}

async function openTask(key: string) {
  selected = key;
  // The open task is part of the clerk's place too: a reload opens it again.
  history.replaceState(null, '', `${location.pathname}${location.search}#task-${key}`);
  for (const row of Array.from(listBox.querySelectorAll('tr[data-key]')))
    row.classList.toggle('selected', (row as HTMLElement).dataset.key === key);
  status(detail, t('loading'));
  try {
    labels ??= await api('GET', `/api/forms/i18n/${lang}`).catch(() => ({}));
    const [data, draft] = await Promise.all([
      api('GET', `/api/tasks/${key}`),
      api('GET', `/api/tasks/${key}/draft`).catch(() => ({ draft: null })),
    ]);
    renderTask(data, draft.draft);
  } catch (err) {
    showError(detail, err);
  }
}

function renderTask(data: any, draft: { data: Record<string, unknown>; savedAt: string } | null) {
  const task = data.task;
  const me = boot.session?.userId;
  let mine = task.assignee === me;
  const message = h('div', { class: 'message' });
  const draftNote = h('p', { class: 'muted draft-note', role: 'status' });
  const readOnlyNote = h('p', { class: 'readonly-note', hidden: mine }, t('wl.readOnly'));
  const formBox = h('div', { class: 'form-box', 'data-testid': 'task-form' });
  const keys = data.form ? fieldKeys(data.form.schema) : new Set<string>();
  const completeBtn: HTMLButtonElement = h(
    'button',
    { type: 'button', class: 'primary', disabled: !mine, onclick: () => complete() },
    t('complete'),
  );
  const claimBtn: HTMLButtonElement = h(
    'button',
    { type: 'button', hidden: Boolean(task.assignee), 'aria-keyshortcuts': 'c', onclick: () => claim() },
    t('claim'),
  );
  const releaseBtn: HTMLButtonElement = h(
    'button',
    { type: 'button', hidden: !mine, onclick: () => release() },
    t('release'),
  );
  const docs = data.documents.length
    ? h(
        'ul',
        { class: 'docs' },
        ...data.documents.map((d: any) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: () => {
                  preview.hidden = false;
                  preview.setAttribute('src', `/api/documents/${encodeURIComponent(d.documentId)}`);
                },
              },
              `${d.title ?? t('documents')}${d.lang ? ` (${d.lang === 'kk' ? 'қаз.' : 'рус.'})` : ''}`,
            ),
            ' ',
            h('a', { href: `/api/documents/${encodeURIComponent(d.documentId)}?download=1` }, t('download')),
          ),
        ),
      )
    : h('p', { class: 'muted' }, t('empty'));
  const preview = h('iframe', { class: 'pdf', title: t('preview'), hidden: true });

  detail.replaceChildren(
    h('h2', {}, elementStepName(task.elementId, lang, task.name)),
    h(
      'p',
      { class: 'muted' },
      `${serviceName(task.processDefinitionId)} · ${data.variables.applicationNumber ?? ''} · ${t('due')}: ${formatDate(task.dueDate)} `,
      deadlineBadge({ ...task, flag: flagOf(task) }),
    ),
    h(
      'div',
      { class: 'task-grid' },
      h(
        'div',
        {},
        readOnlyNote,
        formBox,
        h('div', { class: 'actions' }, claimBtn, releaseBtn, completeBtn),
        draftNote,
        message,
      ),
      h(
        'aside',
        {},
        h('h3', {}, t('documents')),
        docs,
        preview,
        requestSignaturesBox(data.variables.applicationNumber),
      ),
    ),
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Changes while the form is being filled from the task's variables are not the clerk's typing. */
  let ready = false;
  open?.form?.destroy();
  const current: NonNullable<typeof open> = { key: task.userTaskKey, form: null, data: {}, claim: claimBtn };
  open = current;
  if (data.form) {
    // The form shows its case summary in the page's language (`formLanguage`, not a field: never submitted).
    const initial = {
      ...toFormData(data.form.schema, data.variables),
      formLanguage: lang,
      ...(draft?.data ?? {}),
    };
    current.data = initial;
    if (draft) draftNote.textContent = fill(t('wl.draftRestored'), { time: formatDate(draft.savedAt) });
    const form = new Form({ container: formBox, properties: { disabled: !mine } } as never);
    current.form = form;
    form.on('changed', (e: { data: Record<string, unknown> }) => {
      current.data = e.data;
      if (mine && ready) scheduleDraft();
    });
    form
      .importSchema(translate(data.form.schema, data.form.formId), initial)
      .then(() => {
        ready = true;
      })
      .catch((err: Error) => showError(formBox, err));
  } else {
    formBox.append(h('p', { class: 'muted' }, t('noForm')));
  }

  function scheduleDraft() {
    clearTimeout(timer);
    timer = setTimeout(() => void saveDraft(), DRAFT_DELAY_MS);
  }
  async function saveDraft() {
    if (open !== current || !mine) return;
    const fields = Object.fromEntries(Object.entries(current.data).filter(([k]) => keys.has(k)));
    try {
      const r = await api('PUT', `/api/tasks/${task.userTaskKey}/draft`, { data: fields });
      draftNote.textContent = fill(t('wl.draftSaved'), { time: timeOf(r.savedAt) });
    } catch {
      draftNote.textContent = t('wl.draftFailed');
    }
  }

  /** Claiming opens the fields where they are: nothing typed or restored is reloaded or lost. */
  async function claim() {
    await withProgress(claimBtn, message, t('loading'), async () => {
      try {
        await api('POST', `/api/tasks/${task.userTaskKey}/claim`);
        mine = true;
        task.assignee = me;
        current.form?.setProperty('disabled', false);
        claimBtn.hidden = true;
        releaseBtn.hidden = false;
        completeBtn.disabled = false;
        readOnlyNote.hidden = true;
        message.replaceChildren();
        if (draft) await saveDraft();
        void loadList(true);
      } catch (err) {
        status(message, (err as Error).message, 'error');
      }
    });
  }

  async function release() {
    await withProgress(releaseBtn, message, t('loading'), async () => {
      try {
        clearTimeout(timer);
        await saveDraft();
        await api('POST', `/api/tasks/${task.userTaskKey}/release`);
        mine = false;
        task.assignee = null;
        current.form?.setProperty('disabled', true);
        claimBtn.hidden = false;
        releaseBtn.hidden = true;
        completeBtn.disabled = true;
        readOnlyNote.hidden = false;
        message.replaceChildren();
        void loadList(true);
      } catch (err) {
        status(message, (err as Error).message, 'error');
      }
    });
  }

  async function complete() {
    let variables: Record<string, unknown> = {};
    if (current.form) {
      const result = current.form.submit();
      if (Object.keys(result.errors).length) return status(message, t('validationFailed'), 'error');
      variables = data.form ? fromFormData(data.form.schema, result.data) : result.data;
    }
    clearTimeout(timer);
    await withProgress(completeBtn, message, t('sending'), async () => {
      try {
        // The head signs the result with EDS before an approved signature task can complete.
        if (task.elementId === 'Task_SignResult' && variables.decision === 'approve' && (await edsConfig()))
          await signResult(task.userTaskKey);
        await api('POST', `/api/tasks/${task.userTaskKey}/complete`, { variables });
        current.form?.destroy();
        open = null;
        selected = null;
        history.replaceState(null, '', `${location.pathname}${location.search}`);
        status(detail, t('completed'), 'ok');
        await loadList(true);
      } catch (err) {
        status(message, (err as Error).message, 'error');
      }
    });
  }
}

/** The task API's urgency as the list's flag. */
function flagOf(task: any): string {
  if (task.urgency === 'overdue') return 'overdue';
  if (task.remainingWorkingDays !== null && task.remainingWorkingDays <= 2) return 'amber';
  return 'none';
}

// ---- keyboard: j/k or arrows move, Enter opens (the row's link), c claims, / searches -----------
const typing = (el: Element | null) =>
  !!el &&
  (el.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]') ||
    !!el.closest('.fjs-form'));

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const active = document.activeElement;
  if (typing(active)) {
    if (e.key === 'Escape' && active === searchInput) searchInput.blur();
    return;
  }
  // By key position, so a Kazakh or Russian layout works the same (c is "с", j is "о" there).
  const code = e.code;
  if (code === 'Slash' || e.key === '/') {
    e.preventDefault();
    searchInput.focus();
    searchInput.select();
    return;
  }
  if (code === 'KeyC') {
    if (open?.claim && !open.claim.hidden) {
      e.preventDefault();
      open.claim.click();
    }
    return;
  }
  const down = code === 'KeyJ' || e.key === 'ArrowDown';
  const up = code === 'KeyK' || e.key === 'ArrowUp';
  if (!down && !up) return;
  const links = Array.from(listBox.querySelectorAll<HTMLAnchorElement>('tr[data-key] a'));
  if (!links.length) return;
  const at = links.findIndex((a) => a === active);
  // Arrows scroll the page as usual unless the clerk is in the list.
  if (at < 0 && !code.startsWith('Key') && !listBox.contains(active)) return;
  e.preventDefault();
  const next =
    at < 0 ? (down ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + (down ? 1 : -1)));
  links[next].focus();
});

// ---- live refresh: every few seconds while the page is in view; the open task is left alone ----
setInterval(() => {
  if (document.visibilityState === 'visible') void loadList(true);
}, REFRESH_MS);

void loadList().then(() => {
  const key = /^#task-(\d+)$/.exec(location.hash)?.[1];
  if (key) void openTask(key);
});
