import { stepName as elementStepName } from '../../domain/applications/step-names';
import { Form } from '@bpmn-io/form-js-viewer';
import {
  grid,
  factsTable,
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
  urgencyBadge,
  withProgress,
} from './common';
import { fromFormData, toFormData } from './datetime-fields';
import { edsConfig } from './ncalayer';
import { requestSignaturesBox, signResult } from './eds-worklist';

/** Clerk worklist: my groups' tasks by urgency, the task's Camunda form, facts and documents beside it. */
const app = root();
const filters = { service: '', stage: '', page: '' };
let selected: string | null = null;
let form: Form | null = null;
let labels: Record<string, any> | null = null;

const listBox = h('section', { class: 'list', 'aria-label': t('nav.worklist') });
const detail = h(
  'section',
  { class: 'detail', 'aria-live': 'polite' },
  h('p', { class: 'muted' }, t('chooseTask')),
);
const serviceSel = h('select', {
  'aria-label': t('service'),
  onchange: () => {
    filters.service = serviceSel.value;
    filters.page = '';
    void loadList();
  },
});
const stageSel = h('select', {
  'aria-label': t('stage'),
  onchange: () => {
    filters.stage = stageSel.value;
    filters.page = '';
    void loadList();
  },
});
app.replaceChildren(
  h(
    'div',
    { class: 'toolbar' },
    h('h1', {}, t('nav.worklist')),
    h('label', {}, t('service'), serviceSel),
    h('label', {}, t('stage'), stageSel),
  ),
  h('div', { class: 'split' }, listBox, detail),
);

function fillSelect(sel: HTMLSelectElement, values: string[], current: string, label: (v: string) => string) {
  sel.replaceChildren(
    h('option', { value: '' }, t('all')),
    ...values.filter(Boolean).map((v) => h('option', { value: v, selected: v === current }, label(v))),
  );
}

async function loadList() {
  try {
    const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
    const data = await api(`GET`, `/api/tasks?${q}`);
    fillSelect(serviceSel, data.services, filters.service, serviceName);
    fillSelect(stageSel, data.stages, filters.stage, (v) => v);
    if (!data.items.length) return status(listBox, t('empty'));
    const table = grid(
      'task-list',
      [
        t('task'),
        t('application'),
        t('service'),
        t('due'),
        h('abbr', { title: t('remaining') }, t('remainingShort')),
        t('assignee'),
      ],
      data.items.map((task: any) =>
        h(
          'tr',
          {
            class: `${task.userTaskKey === selected ? 'selected ' : ''}u-row-${task.urgency}`,
            dataset: { key: task.userTaskKey },
          },
          h(
            'td',
            {},
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
          ),
          h('td', {}, task.applicationNumber ?? '—'),
          h('td', {}, serviceName(task.processDefinitionId)),
          h('td', {}, formatDate(task.dueDate)),
          h('td', {}, urgencyBadge(task.urgency, task.remainingWorkingDays)),
          h('td', {}, task.assignee ?? '—'),
        ),
      ),
    );
    listBox.replaceChildren(
      table,
      pager(data.page, (n) => {
        filters.page = String(n);
        void loadList();
      }),
    );
  } catch (err) {
    showError(listBox, err);
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

async function openTask(key: string) {
  selected = key;
  for (const row of Array.from(listBox.querySelectorAll('tr[data-key]')))
    row.classList.toggle('selected', (row as HTMLElement).dataset.key === key);
  status(detail, t('loading'));
  try {
    labels ??= await api('GET', `/api/forms/i18n/${lang}`).catch(() => ({}));
    const data = await api('GET', `/api/tasks/${key}`);
    renderTask(data);
  } catch (err) {
    showError(detail, err);
  }
}

function renderTask(data: any) {
  const task = data.task;
  const mine = task.assignee === boot.session?.userId;
  const message = h('div', { class: 'message' });
  const formBox = h('div', { class: 'form-box', 'data-testid': 'task-form' });
  const completeBtn: HTMLButtonElement = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      disabled: Boolean(task.assignee && !mine),
      onclick: () => complete(),
    },
    t('complete'),
  );
  const actions = h(
    'div',
    { class: 'actions' },
    !task.assignee && h('button', { type: 'button', onclick: (e: Event) => act('claim', e) }, t('claim')),
    mine && h('button', { type: 'button', onclick: (e: Event) => act('release', e) }, t('release')),
    completeBtn,
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
              `${d.title ?? d.kind ?? d.variable}${d.lang ? ` (${d.lang})` : ''}`,
            ),
            ' ',
            h('a', { href: `/api/documents/${encodeURIComponent(d.documentId)}?download=1` }, t('download')),
          ),
        ),
      )
    : h('p', { class: 'muted' }, t('empty'));
  const preview = h('iframe', { class: 'pdf', title: t('preview') });
  if (data.documents[0])
    preview.setAttribute('src', `/api/documents/${encodeURIComponent(data.documents[0].documentId)}`);
  else preview.hidden = true;
  const facts = factsTable(
    Object.entries(data.variables)
      .filter(([k]) => !/Document$|^documents$/.test(k))
      .map(([k, v]) => [k, factValue(v)]),
  );

  detail.replaceChildren(
    h(
      'h2',
      {},
      elementStepName(task.elementId, lang, task.name),
      ' ',
      urgencyBadge(task.urgency, task.remainingWorkingDays),
    ),
    h(
      'p',
      { class: 'muted' },
      `${serviceName(task.processDefinitionId)} · ${data.variables.applicationNumber ?? ''} · ${t('due')}: ${formatDate(task.dueDate)}`,
    ),
    h(
      'div',
      { class: 'task-grid' },
      h('div', {}, formBox, actions, message),
      h(
        'aside',
        {},
        h('h3', {}, t('documents')),
        docs,
        preview,
        h('details', { open: true, class: 'facts-box' }, h('summary', {}, t('facts')), facts),
        requestSignaturesBox(data.variables.applicationNumber),
      ),
    ),
  );

  form?.destroy();
  form = null;
  if (data.form) {
    form = new Form({ container: formBox });
    form
      .importSchema(
        translate(data.form.schema, data.form.formId),
        toFormData(data.form.schema, data.variables),
      )
      .catch((err: Error) => showError(formBox, err));
  } else {
    formBox.append(h('p', { class: 'muted' }, t('noForm')));
  }

  async function act(what: 'claim' | 'release', e: Event) {
    await withProgress(e.currentTarget as HTMLButtonElement, message, t('loading'), async () => {
      try {
        await api('POST', `/api/tasks/${task.userTaskKey}/${what}`);
        await openTask(task.userTaskKey);
        await loadList();
      } catch (err) {
        status(message, (err as Error).message, 'error');
      }
    });
  }

  async function complete() {
    let variables: Record<string, unknown> = {};
    if (form) {
      const result = form.submit();
      if (Object.keys(result.errors).length) return status(message, t('validationFailed'), 'error');
      variables = data.form ? fromFormData(data.form.schema, result.data) : result.data;
    }
    await withProgress(completeBtn, message, t('sending'), async () => {
      try {
        // The head signs the result with EDS before an approved signature task can complete.
        if (task.elementId === 'Task_SignResult' && variables.decision === 'approve' && (await edsConfig()))
          await signResult(task.userTaskKey);
        await api('POST', `/api/tasks/${task.userTaskKey}/complete`, { variables });
        form?.destroy();
        form = null;
        selected = null;
        status(detail, t('completed'), 'ok');
        await loadList();
      } catch (err) {
        status(message, (err as Error).message, 'error');
      }
    });
  }
}

/** A looked-up fact as the clerk reads it: objects as indented key–value text, not one long JSON line. */
function factValue(v: unknown) {
  if (v === null || typeof v !== 'object') return h('code', {}, String(v));
  const lines = (x: unknown, indent: string): string[] =>
    x !== null && typeof x === 'object'
      ? Object.entries(x).flatMap(([k, y]) =>
          y !== null && typeof y === 'object'
            ? [`${indent}${Array.isArray(x) ? `${Number(k) + 1}.` : `${k}:`}`, ...lines(y, `${indent}  `)]
            : [`${indent}${Array.isArray(x) ? '•' : `${k}:`} ${String(y)}`],
        )
      : [`${indent}${String(x)}`];
  return h('pre', { class: 'fact' }, lines(v, '').join('\n'));
}

void loadList();
