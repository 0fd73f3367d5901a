import { FormEditor } from '@bpmn-io/form-js-editor';
import { api, h, root, status, t } from './common';

/** Form editor for forms/*.form (Camunda Forms used by the user tasks). */
const app = root();
const picker = h('select', { 'aria-label': t('nav.forms') });
const editorBox = h('div', { class: 'form-editor', 'data-testid': 'form-editor' });
const message = h('div', { class: 'message' });
app.replaceChildren(
  h(
    'div',
    { class: 'toolbar' },
    h('h1', {}, t('nav.forms')),
    picker,
    h('button', { type: 'button', class: 'primary', onclick: () => save() }, t('save')),
    message,
  ),
  editorBox,
);
const editor = new FormEditor({ container: editorBox });
let current = '';

async function open(name: string) {
  current = name;
  try {
    await editor.importSchema(await api('GET', `/api/designer/forms/${encodeURIComponent(name)}`));
  } catch (err) {
    status(message, (err as Error).message, 'error');
  }
}

async function save() {
  try {
    await api('PUT', `/api/designer/forms/${encodeURIComponent(current)}`, editor.saveSchema());
    status(message, `${t('saved')}: ${current}`, 'ok');
  } catch (err) {
    status(message, (err as Error).message, 'error');
  }
}

async function init() {
  const { items } = await api('GET', '/api/designer/forms');
  if (!items.length) return status(editorBox, t('empty'));
  picker.replaceChildren(...items.map((n: string) => h('option', { value: n }, n)));
  picker.addEventListener('change', () => void open(picker.value));
  await open(items[0]);
}
init().catch((err) => status(message, (err as Error).message, 'error'));
