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
  h('div', { class: 'toolbar' }, h('h1', {}, t('nav.designer')), picker, saveBtn, deployBtn),
  h('div', { class: 'modeler' }, canvas, panel),
  h('div', { class: 'designer-status' }, lintBox, message),
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

function problemList(problems: any[]) {
  return h(
    'ul',
    { 'data-testid': 'lint-problems' },
    ...problems.map((p) =>
      h(
        'li',
        { class: p.severity, dataset: { elementId: p.elementId ?? '' } },
        h(
          'button',
          { type: 'button', class: 'link', onclick: () => select(p.elementId) },
          p.elementId || '—',
        ),
        ` ${p.severity} · ${p.rule}: ${p.message}${p.file ? ` (${p.file})` : ''}`,
      ),
    ),
  );
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
    lintBox.replaceChildren(h('h2', {}, `${t('lint')} (${problems.length})`), problemList(problems));
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

async function open(name: string) {
  current = name;
  try {
    const text = await api('GET', `/api/designer/diagrams/${encodeURIComponent(name)}`);
    await modeler.importXML(text);
    fitBesidePalette();
    history.replaceState(null, '', `?diagram=${encodeURIComponent(name)}`);
    await lint();
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
      await api(
        'PUT',
        `/api/designer/diagrams/${encodeURIComponent(current)}`,
        await xml(),
        'application/xml',
      );
      status(message, `${t('saved')}: ${current}`, 'ok');
    } catch (err) {
      status(message, (err as Error).message, 'error');
    }
  });
}

async function deploy() {
  await lint();
  if (errors) return status(message, t('deployBlocked'), 'error');
  await busy(t('deploying'), async () => {
    try {
      // The open diagram is saved by the same request, so what is deployed is what is on screen.
      const res = await api('POST', '/api/designer/deploy', { diagram: { name: current, xml: await xml() } });
      message.replaceChildren(
        h(
          'div',
          { class: 'ok', role: 'status', 'data-testid': 'deployed' },
          h(
            'details',
            {},
            h(
              'summary',
              {},
              `${t('deployed')}: ${res.processes.length} BPMN, ${res.forms?.length ?? 0} form`,
            ),
            res.processes.map((p: any) => `${p.id} v${p.version}`).join(', '),
          ),
        ),
      );
    } catch (err) {
      const problems = (err as any).body?.problems ?? [];
      message.replaceChildren(
        h(
          'div',
          { class: 'error', role: 'alert' },
          h('strong', {}, problems.length ? t('deployRefused') : (err as Error).message),
          problems.length ? problemList(problems) : null,
        ),
      );
    }
  });
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
