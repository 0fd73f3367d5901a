import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import bpmnlintConfig from 'bpmnlint-config';
import { api, formatDate, h, root, status, t } from './common';
import { DESIGNER_PANEL_LABELS } from '../../i18n/designer-panel';

/**
 * Designer: the Camunda 8 modeler with lint markers on the canvas (the repository's bpmnlint
 * configuration, packed at bundle time), our element templates, drafts kept in the web app's store,
 * and a deployment of the open diagram alone after its diff against the running version.
 */
const app = root();
const picker = h('select', { 'aria-label': t('diagram') });
const source = h('span', { class: 'muted', 'data-testid': 'diagram-source' });
const canvas = h('div', { class: 'modeler-canvas', 'data-testid': 'modeler' });
const panel = h('div', { class: 'modeler-panel' });
const lintBox = h('div', { class: 'lint', 'aria-live': 'polite', 'data-testid': 'lint' });
const message = h('div', { class: 'message', 'data-testid': 'designer-message' });
const saveBtn = h('button', { type: 'button', onclick: () => save() }, t('designer.saveDraft'));
const deployBtn = h('button', { type: 'button', class: 'primary', onclick: () => review() }, t('deploy'));
app.replaceChildren(
  h('div', { class: 'toolbar' }, h('h1', {}, t('nav.designer')), picker, source, saveBtn, deployBtn),
  h('div', { class: 'modeler' }, canvas, panel),
  h('div', { class: 'designer-status' }, lintBox, message),
);

/** A lint message in the page's language, when we know it. */
function lintText(message: string): string | undefined {
  const known: Record<string, string> = {
    'Element is missing label/name': t('lint.missingLabel'),
    'Element is not connected': t('lint.disconnected'),
    'Element overlaps with other element': t('lint.overlaps'),
  };
  if (known[message]) return known[message];
  const setting = /extension element of type <([^>]+)>/.exec(message);
  if (setting) return t('lint.missingSetting').replace('{what}', setting[1]);
  const empty = /Property <([^>]+)> must have non-empty value/.exec(message);
  if (empty) return t('lint.emptyProperty').replace('{what}', empty[1]);
  return undefined;
}

/**
 * The modeler's `translate`: bpmnlint's button, tooltips and known messages, and the properties
 * panel's most used labels (i18n/designer-panel.ts) in the page's language; every other text of the
 * modeler as it ships (it has no Kazakh or Russian translation).
 */
function translate(template: string, replacements: Record<string, string> = {}): string {
  const own: Record<string, string> = {
    'Toggle linting overlays': t('lint.toggle'),
    'Issues for child elements': t('lint.childIssues'),
    'No Issues': t('lint.noIssues'),
    '{errors} Errors, {warnings} Warnings': t('lint.summary'),
  };
  const panel = DESIGNER_PANEL_LABELS[template];
  const text = own[template] ?? (panel ? t(panel) : undefined) ?? lintText(template) ?? template;
  return text.replace(/{([^}]+)}/g, (_, k: string) => replacements[k] ?? `{${k}}`);
}

const modeler = new Modeler({
  container: canvas,
  propertiesPanel: { parent: panel },
  linting: { bpmnlint: bpmnlintConfig, active: true },
  additionalModules: [lintModule, { translate: ['value', translate] }],
} as ConstructorParameters<typeof Modeler>[0]);
let current = '';
let errors = 0;

interface Issue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule?: string;
}

/** After each lint run on the canvas: the same issues as a list under it, and Deploy blocked on errors. */
modeler.on('linting.completed', ({ issues }: { issues: Record<string, Issue[]> }) => {
  const problems = Object.values(issues).flat();
  errors = problems.filter((p) => p.category === 'error' || p.category === 'rule-error').length;
  deployBtn.disabled = errors > 0;
  deployBtn.title = errors ? t('deployBlocked') : '';
  if (!problems.length) return status(lintBox, `${t('lint')}: ${t('lintClean')}`, 'ok');
  lintBox.replaceChildren(
    h('h2', {}, `${t('lint')} (${problems.length})`),
    h(
      'ul',
      { 'data-testid': 'lint-problems' },
      ...problems.map((p) => {
        const severity = p.category === 'warn' || p.category === 'info' ? 'warn' : 'error';
        return h(
          'li',
          { class: severity, dataset: { elementId: p.id ?? '' } },
          h('button', { type: 'button', class: 'link', onclick: () => select(p.id) }, p.id || '—'),
          ` ${lintText(p.message) ?? t('lint.modelError')}${p.rule ? ` (${p.rule})` : ''}`,
        );
      }),
    ),
  );
});

async function xml(): Promise<string> {
  return (await modeler.saveXML({ format: true })).xml ?? '';
}

function select(id: string) {
  const element = (modeler.get('elementRegistry') as any).get(id);
  if (!element) return;
  (modeler.get('selection') as any).select(element);
  (modeler.get('canvas') as any).scrollToElement(element);
}

/** Fits the whole diagram into the part of the canvas the palette does not cover. */
function fitBesidePalette() {
  const c = modeler.get('canvas') as any;
  c.zoom('fit-viewport');
  const palette = canvas.querySelector('.djs-palette');
  if (!palette) return;
  const { inner, outer } = c.viewbox();
  const box = canvas.getBoundingClientRect();
  const coveredPx = palette.getBoundingClientRect().right - box.left + 16;
  // The minimap toggle sits in the top right corner; keep the diagram clear of it as well.
  const minimap = canvas.querySelector('.djs-minimap');
  const coveredRight = minimap ? box.right - minimap.getBoundingClientRect().left + 8 : 0;
  const usable = Math.max(outer.width - coveredPx - coveredRight, outer.width / 2);
  const scale = Math.min(usable / (inner.width + 40), outer.height / (inner.height + 40), 1);
  c.viewbox({
    x: inner.x - 20 - coveredPx / scale,
    y: inner.y - 20,
    width: outer.width / scale,
    height: outer.height / scale,
  });
}

interface Opened {
  xml: string;
  source: 'draft' | 'running' | 'repository';
  savedAt?: number;
  running: { version: number } | null;
}

function describe(opened: Opened) {
  const where = t(`designer.source.${opened.source}`);
  const when = opened.savedAt ? `, ${formatDate(new Date(opened.savedAt).toISOString())}` : '';
  const live = opened.running
    ? `${t('designer.runningVersion')}: ${opened.running.version}`
    : `${t('designer.runningVersion')}: ${t('designer.notDeployed')}`;
  source.textContent = `${where}${when} · ${live}`;
  source.dataset.source = opened.source;
}

async function open(name: string) {
  current = name;
  message.replaceChildren();
  try {
    const opened = await api<Opened>('GET', `/api/designer/diagrams/${encodeURIComponent(name)}`);
    await modeler.importXML(opened.xml);
    describe(opened);
    fitBesidePalette();
    history.replaceState(null, '', `?diagram=${encodeURIComponent(name)}`);
  } catch (err) {
    status(message, (err as Error).message, 'error');
  }
}

/** Disables the toolbar while a long operation runs and says what is happening. */
async function busy<T>(text: string, work: () => Promise<T>): Promise<T> {
  saveBtn.disabled = deployBtn.disabled = picker.disabled = true;
  message.replaceChildren(h('p', { class: 'muted busy', role: 'status' }, text));
  app.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    app.removeAttribute('aria-busy');
    saveBtn.disabled = picker.disabled = false;
    deployBtn.disabled = errors > 0;
  }
}

async function save() {
  await busy(t('saving'), async () => {
    try {
      const res = await api(
        'PUT',
        `/api/designer/diagrams/${encodeURIComponent(current)}`,
        await xml(),
        'application/xml',
      );
      status(
        message,
        `${t('designer.draftSaved')}: ${current}, ${formatDate(new Date(res.savedAt).toISOString())}`,
        'ok',
      );
      source.textContent = `${t('designer.source.draft')} · ${source.textContent?.split(' · ')[1] ?? ''}`;
      source.dataset.source = 'draft';
    } catch (err) {
      status(message, (err as Error).message, 'error');
    }
  });
}

interface DiffElement {
  id: string;
  type: string;
  name?: string;
  before?: string;
}
interface Diff {
  added: DiffElement[];
  removed: DiffElement[];
  changed: DiffElement[];
  layoutOnly: boolean;
  identical: boolean;
}

function diffList(kind: 'added' | 'removed' | 'changed', items: DiffElement[]) {
  if (!items.length) return null;
  return h(
    'section',
    { 'data-testid': `diff-${kind}` },
    h('h3', {}, `${t(`designer.${kind}`)} (${items.length})`),
    h(
      'ul',
      {},
      ...items.map((e) =>
        h(
          'li',
          { dataset: { elementId: e.id } },
          h('code', {}, e.id),
          ' ',
          e.before !== undefined && e.before !== e.name
            ? `«${e.before}» → «${e.name ?? ''}»`
            : e.name
              ? `«${e.name}»`
              : '',
        ),
      ),
    ),
  );
}

/** Deploy, step one: the difference from the running version, then a confirmation. */
async function review() {
  await busy(t('deploying'), async () => {
    try {
      const body = { name: current, xml: await xml() };
      const { running, diff } = await api<{ running: { version: number } | null; diff: Diff }>(
        'POST',
        '/api/designer/diff',
        body,
      );
      const confirm = h(
        'button',
        { type: 'button', class: 'primary', 'data-testid': 'confirm-deploy' },
        t('designer.confirmDeploy'),
      );
      const cancel = h(
        'button',
        { type: 'button', onclick: () => message.replaceChildren() },
        t('designer.cancel'),
      );
      confirm.addEventListener('click', () => void deploy(body));
      const nothing = diff.identical ? h('p', {}, t('designer.noChanges')) : null;
      message.replaceChildren(
        h(
          'div',
          { class: 'diff', role: 'dialog', 'data-testid': 'deploy-diff' },
          h(
            'h2',
            {},
            `${t('designer.diffTitle')}${running ? ` (${running.version} ${t('designer.version')})` : ''}`,
          ),
          diffList('added', diff.added),
          diffList('removed', diff.removed),
          diffList('changed', diff.changed),
          diff.layoutOnly ? h('p', {}, t('designer.layoutOnly')) : null,
          nothing,
          h('div', { class: 'actions' }, diff.identical ? null : confirm, cancel),
        ),
      );
    } catch (err) {
      status(message, (err as Error).message, 'error');
    }
  });
}

/** Deploy, step two: the open diagram alone becomes a new version of its process. */
async function deploy(body: { name: string; xml: string }) {
  await busy(t('deploying'), async () => {
    try {
      const res = await api('POST', '/api/designer/deploy', body);
      const p = res.processes[0];
      message.replaceChildren(
        h(
          'div',
          { class: 'ok', role: 'status', 'data-testid': 'deployed' },
          res.unchanged
            ? `${t('designer.unchanged')}: ${p.id}, ${p.version} ${t('designer.version')}`
            : `${t('deployed')}: ${p.id} v${p.version}`,
        ),
      );
      source.textContent = `${t('designer.source.draft')} · ${t('designer.runningVersion')}: ${p.version}`;
    } catch (err) {
      const problems = (err as any).body?.problems ?? [];
      message.replaceChildren(
        h(
          'div',
          { class: 'error', role: 'alert' },
          h('strong', {}, problems.length ? t('deployRefused') : (err as Error).message),
          problems.length
            ? h(
                'ul',
                {},
                ...problems.map((p: any) =>
                  h(
                    'li',
                    { dataset: { elementId: p.elementId } },
                    `${p.elementId || '—'}: ${lintText(p.message) ?? t('lint.modelError')} (${p.rule})`,
                  ),
                ),
              )
            : null,
        ),
      );
    }
  });
}

/** Our element templates (.camunda/element-templates) in the modeler's template chooser. */
async function loadTemplates() {
  try {
    const templates = await api<object[]>('GET', '/api/designer/element-templates');
    (modeler.get('elementTemplatesLoader') as any).setTemplates(templates);
    canvas.dataset.elementTemplates = String(templates.length);
  } catch (err) {
    status(message, (err as Error).message, 'error');
  }
}

async function init() {
  try {
    await loadTemplates();
    const { items } = await api('GET', '/api/designer/diagrams');
    if (!items.length) return status(lintBox, t('empty'));
    picker.replaceChildren(...items.map((n: string) => h('option', { value: n }, n)));
    const wanted = new URLSearchParams(location.search).get('diagram');
    const first = items.includes(wanted) ? wanted : items[0];
    picker.value = first;
    picker.addEventListener('change', () => void open(picker.value));
    await open(first);
  } catch (err) {
    status(lintBox, (err as Error).message, 'error');
  }
}
void init();
