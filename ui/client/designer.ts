import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import { api, h, root, status, t } from './common';

/** Designer: edit bpmn/*.bpmn with the Camunda 8 modeler, live lint, save, deploy (lint errors block). */
const app = root();
const picker = h('select', { 'aria-label': t('diagram') });
const canvas = h('div', { class: 'modeler-canvas', 'data-testid': 'modeler' });
const panel = h('div', { class: 'modeler-panel' });
const lintBox = h('div', { class: 'lint', 'aria-live': 'polite', 'data-testid': 'lint' });
const message = h('div', { class: 'message', 'data-testid': 'designer-message' });
const saveBtn = h('button', { type: 'button', onclick: () => save() }, t('save'));
const deployBtn = h('button', { type: 'button', class: 'primary', onclick: () => deploy() }, t('deploy'));
app.replaceChildren(
  h('div', { class: 'toolbar' }, h('h1', {}, t('nav.designer')), picker, saveBtn, deployBtn, message),
  h('div', { class: 'modeler' }, canvas, panel),
  lintBox,
);

const modeler = new Modeler({ container: canvas, propertiesPanel: { parent: panel } });
let current = '';
let errors = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

modeler.on('commandStack.changed', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void lint(), 400);
});

async function xml(): Promise<string> {
  return (await modeler.saveXML({ format: true })).xml ?? '';
}

async function lint() {
  try {
    const res = await api('POST', '/api/designer/lint', await xml(), 'application/xml');
    const problems: any[] = res.problems;
    errors = problems.filter((p) => p.severity === 'error').length;
    deployBtn.disabled = errors > 0;
    deployBtn.title = errors ? t('deployBlocked') : '';
    if (!res.available) return status(lintBox, `${t('lint')}: —`);
    if (!problems.length) return status(lintBox, `${t('lint')}: ${t('lintClean')}`, 'ok');
    lintBox.replaceChildren(
      h('h2', {}, `${t('lint')} (${problems.length})`),
      h(
        'ul',
        {},
        ...problems.map((p) =>
          h(
            'li',
            { class: p.severity },
            h(
              'button',
              { type: 'button', class: 'link', onclick: () => select(p.elementId) },
              p.elementId || '—',
            ),
            ` ${p.severity} · ${p.rule}: ${p.message}`,
          ),
        ),
      ),
    );
  } catch (err) {
    status(lintBox, (err as Error).message, 'error');
  }
}

function select(id: string) {
  const element = (modeler.get('elementRegistry') as any).get(id);
  if (!element) return;
  (modeler.get('selection') as any).select(element);
  (modeler.get('canvas') as any).scrollToElement(element);
}

async function open(name: string) {
  current = name;
  try {
    const text = await api('GET', `/api/designer/diagrams/${encodeURIComponent(name)}`);
    await modeler.importXML(text);
    (modeler.get('canvas') as any).zoom('fit-viewport');
    history.replaceState(null, '', `?diagram=${encodeURIComponent(name)}`);
    await lint();
  } catch (err) {
    status(message, (err as Error).message, 'error');
  }
}

async function save() {
  try {
    await api('PUT', `/api/designer/diagrams/${encodeURIComponent(current)}`, await xml(), 'application/xml');
    status(message, `${t('saved')}: ${current}`, 'ok');
  } catch (err) {
    status(message, (err as Error).message, 'error');
  }
}

async function deploy() {
  await lint();
  if (errors) return status(message, t('deployBlocked'), 'error');
  await save();
  try {
    const res = await api('POST', '/api/designer/deploy');
    status(
      message,
      `${t('deployed')}: ${res.processes.map((p: any) => `${p.id} v${p.version}`).join(', ')}`,
      'ok',
    );
  } catch (err) {
    const problems = (err as any).body?.problems ?? [];
    status(message, `${(err as Error).message}${problems.length ? ` (${problems.length})` : ''}`, 'error');
  }
}

async function init() {
  try {
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
