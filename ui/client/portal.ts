import { SERVICES } from '../../domain/services';
import {
  api,
  ApiError,
  boot,
  clearFieldErrors,
  h,
  root,
  serviceName,
  showError,
  showFieldErrors,
  status,
  t,
  withProgress,
  pager,
} from './common';
import { filePicker, renderCabinet } from './cabinet';
import { signedApi } from './ncalayer';

/** Applicant portal: submit an application with attachments, follow its status, download results. */
const app = root();
const bin = boot.session?.bin ?? '';

const listBox = h('section', { class: 'list', 'aria-labelledby': 'h-mine' });
const detail = h('section', { class: 'detail', 'aria-live': 'polite' });
const formBox = h('section', { class: 'card', 'aria-labelledby': 'h-new' });
const newButton = h(
  'button',
  {
    type: 'button',
    class: 'primary',
    onclick: () => {
      detail.hidden = true;
      formBox.hidden = false;
      formBox.querySelector('select')?.focus();
    },
  },
  t('newApplication'),
);
detail.hidden = true;
app.replaceChildren(
  h(
    'div',
    { class: 'split' },
    h(
      'div',
      {},
      h('div', { class: 'toolbar' }, h('h1', { id: 'h-mine' }, t('myApplications')), newButton),
      listBox,
    ),
    h('div', {}, formBox, detail),
  ),
);

const field = (label: string, input: HTMLElement) => h('label', {}, label, input);
/** An input named like its form field; `path` is where the server reports its errors. */
const input = (name: string, attrs: Record<string, any> = {}) =>
  h('input', { name, id: `f-${name}`, autocomplete: 'off', ...attrs });

interface Column {
  key: string;
  label: string;
  input: (id: string) => HTMLInputElement | HTMLSelectElement;
}

/**
 * A list of rows the applicant adds and removes (specialists, instruments, guarded objects). Each
 * input carries `data-path="<list>.<row>.<key>"`, the path the server's validation errors name.
 */
function rowsEditor(list: string, legend: string, columns: Column[]) {
  const rows = h('ol', { class: 'rows', 'data-testid': `rows-${list}` });
  const empty = h('p', { class: 'muted', 'data-testid': `rows-${list}-empty` }, t('noRows'));
  const box = h('fieldset', { class: 'rows-editor', 'data-path': list, tabindex: -1 });
  const renumber = () => {
    Array.from(rows.children).forEach((row, i) => {
      row.querySelectorAll<HTMLElement>('[data-key]').forEach((el) => {
        el.id = `f-${list}-${i}-${el.dataset.key}`;
        el.dataset.path = `${list}.${i}.${el.dataset.key}`;
      });
      row.querySelector('button.remove')!.setAttribute('aria-label', `${t('removeRow')} ${i + 1}`);
    });
    empty.hidden = rows.children.length > 0;
  };
  const add = () => {
    const row: HTMLLIElement = h(
      'li',
      { class: 'row' },
      ...columns.map((c) => {
        const el = c.input('');
        el.dataset.key = c.key;
        return field(c.label, el);
      }),
      h(
        'button',
        {
          type: 'button',
          class: 'remove',
          onclick: () => {
            const next = (row.nextElementSibling ?? row.previousElementSibling) as HTMLElement | null;
            row.remove();
            renumber();
            const target = (next?.querySelector('input, select') as HTMLElement | null) ?? addBtn;
            target.focus();
          },
        },
        '×',
      ),
    );
    rows.append(row);
    renumber();
    return row;
  };
  const addBtn = h(
    'button',
    {
      type: 'button',
      class: 'add',
      'data-testid': `add-${list}`,
      onclick: () => (add().querySelector('input, select') as HTMLElement | null)?.focus(),
    },
    `+ ${t('addRow')}`,
  );
  box.append(h('legend', {}, legend), rows, empty, addBtn);
  add();
  const values = () =>
    Array.from(rows.children).map((row) =>
      Object.fromEntries(
        Array.from(row.querySelectorAll<HTMLInputElement>('[data-key]')).map((el) => [
          el.dataset.key!,
          el.value.trim(),
        ]),
      ),
    );
  return { box, values };
}

/**
 * One key per filled-in form: a resubmission after a network error is the same request, and the
 * server answers it with the application it registered (the register issues the number).
 */
function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

function renderForm() {
  const service = h(
    'select',
    { name: 'serviceId', id: 'f-serviceId' },
    ...SERVICES.map((s) => h('option', { value: s.id }, serviceName(s.id))),
  );
  const specific = h('fieldset', { class: 'stack' });
  const message = h('div', { class: 'message', 'data-testid': 'submit-message' });
  const submitBtn = h('button', { type: 'submit', class: 'primary' }, t('submit'));
  const files = input('files', { type: 'file', multiple: true, accept: 'application/pdf,image/*' });
  let idempotencyKey = newIdempotencyKey();
  // The number the register issued, shown once the application is registered.
  const numberOut = h('output', { 'data-testid': 'application-number' }, '—');

  let specialists: ReturnType<typeof rowsEditor> | undefined;
  let instruments: ReturnType<typeof rowsEditor> | undefined;
  let objects: ReturnType<typeof rowsEditor> | undefined;
  const renderSpecific = () => {
    specialists = instruments = objects = undefined;
    clearFieldErrors(formBox);
    message.replaceChildren();
    idempotencyKey = newIdempotencyKey();
    numberOut.textContent = '—';
    const s = service.value;
    const parts: HTMLElement[] = [h('legend', {}, serviceName(s))];
    if (s === 'fire-automation-permit') {
      specialists = rowsEditor('specialists', t('specialists'), [
        {
          key: 'iin',
          label: t('specialistIin'),
          input: () => h('input', { inputmode: 'numeric', maxlength: 12, autocomplete: 'off' }),
        },
        { key: 'fullName', label: t('specialistName'), input: () => h('input', { autocomplete: 'off' }) },
        {
          key: 'electricalClearanceGroup',
          label: t('clearanceGroup'),
          input: () =>
            h(
              'select',
              {},
              ...[3, 4, 5, 2, 1].map((g) => h('option', { value: g }, ['', 'I', 'II', 'III', 'IV', 'V'][g])),
            ),
        },
      ]);
      instruments = rowsEditor('measuringInstruments', t('instruments'), [
        { key: 'name', label: t('instrumentName'), input: () => h('input', { autocomplete: 'off' }) },
        { key: 'serialNumber', label: t('serialNumber'), input: () => h('input', { autocomplete: 'off' }) },
        { key: 'verifiedUntil', label: t('verifiedUntil'), input: () => h('input', { type: 'date' }) },
      ]);
      parts.push(specialists.box, instruments.box);
    }
    if (s === 'security-licence') {
      const kind = h(
        'select',
        { name: 'requestKind' },
        ...['issue', 'reissue', 'duplicate'].map((k) => h('option', { value: k }, t(`kind.${k}`))),
      );
      parts.push(
        h(
          'div',
          { class: 'row' },
          field(t('requestKind'), kind),
          field(
            t('subType'),
            h(
              'select',
              { name: 'subType' },
              h('option', { value: '1' }, '1'),
              h('option', { value: '2' }, '2'),
            ),
          ),
        ),
        h(
          'div',
          { class: 'row' },
          field(t('licenceNumber'), input('licenceNumber', { 'data-path': 'licenceNumber' })),
          field(t('reason'), input('reason', { 'data-path': 'reissueReason' })),
        ),
      );
    }
    if (s === 'training-centre-designation')
      parts.push(
        h(
          'label',
          { class: 'check' },
          input('shootingRangeLeased', { type: 'checkbox' }),
          'Тир жалға алынған / Тир арендован',
        ),
      );
    if (s === 'national-company-security-approval') {
      objects = rowsEditor('objects', t('objects'), [
        { key: 'name', label: t('objectName'), input: () => h('input', { autocomplete: 'off' }) },
        { key: 'location', label: t('objectLocation'), input: () => h('input', { autocomplete: 'off' }) },
      ]);
      parts.push(
        objects.box,
        field(
          t('antimonopolyConsentRef'),
          input('antimonopolyConsentRef', { 'data-path': 'antimonopolyConsentRef' }),
        ),
      );
    }
    specific.replaceChildren(...parts);
  };
  service.addEventListener('change', renderSpecific);
  renderSpecific();

  const form = h(
    'form',
    {
      class: 'stack',
      novalidate: true,
      'data-testid': 'application-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const fd = new FormData(form);
        const v = (k: string) => String(fd.get(k) ?? '').trim();
        const s = service.value;
        const fileList = Array.from(files.files ?? []);
        const application: Record<string, unknown> = {
          serviceId: s,
          applicant: {
            bin,
            name: v('orgName'),
            headFullName: v('headFullName'),
            headIin: v('headIin'),
            location: v('location'),
          },
          consentToRestrictedData: fd.get('consent') === 'on',
          attachments: fileList.map((f) => ({
            kind: 'supporting-document',
            fileName: f.name.replace(/[\\/]/g, '_'),
          })),
        };
        if (s === 'fire-automation-permit') {
          application.specialists = (specialists?.values() ?? []).map((r) => ({
            ...r,
            electricalClearanceGroup: Number(r.electricalClearanceGroup),
          }));
          application.measuringInstruments = instruments?.values() ?? [];
        }
        if (s === 'security-licence') {
          const kind = v('requestKind');
          Object.assign(application, { requestKind: kind, subType: Number(v('subType')) });
          if (v('licenceNumber')) application.licenceNumber = v('licenceNumber');
          if (kind === 'reissue' && v('reason')) application.reissueReason = v('reason');
          if (kind === 'duplicate')
            application.duplicateReason = v('reason') === 'damaged' ? 'damaged' : 'lost';
        }
        if (s === 'training-centre-designation')
          application.shootingRangeLeased = fd.get('shootingRangeLeased') === 'on';
        if (s === 'national-company-security-approval') {
          application.objects = objects?.values() ?? [];
          application.antimonopolyConsentRef = v('antimonopolyConsentRef');
        }
        const body = new FormData();
        const signedText = JSON.stringify(application);
        body.set('application', signedText);
        for (const f of fileList) body.append('files', f, f.name);
        clearFieldErrors(form);
        await withProgress(submitBtn, message, t('sending'), async () => {
          try {
            const res = await signedApi('/api/applications', signedText, body, {
              'idempotency-key': idempotencyKey,
            });
            numberOut.textContent = res.applicationNumber;
            status(
              message,
              `${t('sent')}: ${res.applicationNumber} · ${t('registeredOn')} ${day(res.registeredOn)}`,
              'ok',
            );
            await loadList();
            await openApplication(res.applicationNumber);
          } catch (err) {
            if (err instanceof ApiError && err.body?.errors?.length)
              return showFieldErrors(form, err.body.errors, message);
            message.replaceChildren(
              h(
                'div',
                { class: 'error', role: 'alert' },
                h('strong', {}, t('error')),
                h('pre', {}, (err as Error).message),
              ),
            );
          }
        });
      },
    },
    field(t('service'), service),
    h('p', { class: 'muted' }, `№ `, numberOut, ` · ${t('bin')} ${bin}`),
    field(t('orgName'), input('orgName', { required: true, 'data-path': 'applicant.name' })),
    field(
      t('headFullName'),
      input('headFullName', { required: true, 'data-path': 'applicant.headFullName' }),
    ),
    field(
      t('headIin'),
      input('headIin', {
        required: true,
        inputmode: 'numeric',
        maxlength: 12,
        'data-path': 'applicant.headIin',
      }),
    ),
    field(t('location'), input('location', { required: true, 'data-path': 'applicant.location' })),
    specific,
    filePicker(t('attachments'), files),
    h('label', { class: 'check' }, input('consent', { type: 'checkbox' }), t('consent')),
    submitBtn,
    message,
  );
  formBox.replaceChildren(h('h2', { id: 'h-new' }, t('newApplication')), form);
}

/** A registration day (YYYY-MM-DD) as DD.MM.YYYY, like the other dates on the page. */
const day = (iso?: string) =>
  iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('.') : (iso ?? '—');

async function loadList(page = 1) {
  try {
    const data = await api('GET', `/api/applications?page=${page}`);
    if (!data.items.length) return status(listBox, t('noApplications'));
    listBox.replaceChildren(
      h(
        'ul',
        { class: 'apps', 'data-testid': 'my-applications' },
        ...data.items.map((a: any) =>
          h(
            'li',
            {},
            h(
              'a',
              {
                href: `#${a.applicationNumber}`,
                onclick: (e: Event) => {
                  e.preventDefault();
                  void openApplication(a.applicationNumber);
                },
              },
              a.applicationNumber,
            ),
            ` · ${serviceName(a.serviceId)} · ${day(a.registeredOn)}`,
          ),
        ),
      ),
      pager(data.page, (n) => void loadList(n)),
    );
  } catch (err) {
    showError(listBox, err);
  }
}

async function openApplication(number: string) {
  formBox.hidden = true;
  detail.hidden = false;
  status(detail, t('loading'));
  try {
    const s = await api('GET', `/api/applications/${encodeURIComponent(number)}`);
    detail.replaceChildren(
      renderCabinet(s, {
        hearingPosition: hearingPositionCard,
        missingDocuments: missingDocumentsCard,
        complaint: complaintCard,
      }),
    );
  } catch (err) {
    showError(detail, err);
  }
}

/**
 * One applicant action: a labelled text field with its hint, optional files, a button that shows
 * progress, and a result line that says plainly whether it worked, in the page's language.
 */
function actionCard(opts: {
  id: string;
  title: string;
  hint: string;
  label: string;
  button: string;
  done: (res: any) => string;
  withFiles?: boolean;
  send: (text: string, files: File[]) => Promise<any>;
  open?: boolean;
}) {
  const text = h('textarea', { id: `${opts.id}-text`, rows: 3, 'data-path': 'text' });
  const files = opts.withFiles
    ? h('input', { type: 'file', id: `${opts.id}-files`, multiple: true, accept: 'application/pdf,image/*' })
    : null;
  const result = h('div', { class: 'message', 'data-testid': `${opts.id}-result` });
  const button: HTMLButtonElement = h('button', { type: 'submit', class: 'primary' }, opts.button);
  const form = h(
    'form',
    {
      class: 'stack',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        clearFieldErrors(form);
        void withProgress(button, result, t('sending'), async () => {
          try {
            const res = await opts.send(text.value, Array.from(files?.files ?? []));
            status(result, opts.done(res), 'ok');
            text.value = '';
            if (files) {
              files.value = '';
              files.dispatchEvent(new Event('change'));
            }
          } catch (err) {
            if (err instanceof ApiError && err.body?.errors?.length)
              return showFieldErrors(form, err.body.errors, result);
            status(result, (err as Error).message, 'error');
          }
        });
      },
    },
    h('p', { class: 'muted', id: `${opts.id}-hint` }, opts.hint),
    h('label', { for: text.id }, opts.label),
    text,
    files && filePicker(t('attachments'), files),
    h('div', {}, button),
    result,
  );
  text.setAttribute('aria-describedby', `${opts.id}-hint`);
  return h(
    'details',
    { class: 'action card', 'data-testid': opts.id, open: opts.open ?? false },
    h('summary', {}, opts.title),
    form,
  );
}

function hearingPositionCard(number: string) {
  return actionCard({
    id: 'hearing-position',
    title: t('position'),
    hint: t('positionHint'),
    label: t('position'),
    button: t('sendPosition'),
    open: true,
    done: () => t('positionSent'),
    send: (text) => {
      const json = JSON.stringify({ kind: 'hearing-position', text });
      return signedApi(`/api/applications/${encodeURIComponent(number)}/messages`, json, json);
    },
  });
}

function missingDocumentsCard(number: string) {
  return actionCard({
    id: 'missing-documents',
    title: t('sendDocuments'),
    hint: t('documentsHint'),
    label: t('note'),
    button: t('sendDocuments'),
    withFiles: true,
    open: true,
    done: () => t('documentsSent'),
    send: (text, files) => {
      const body = new FormData();
      const signedText = JSON.stringify({ kind: 'missing-documents', text });
      body.set('message', signedText);
      for (const f of files) body.append('files', f, f.name);
      return signedApi(`/api/applications/${encodeURIComponent(number)}/messages`, signedText, body);
    },
  });
}

function complaintCard(number: string) {
  return actionCard({
    id: 'complaint',
    title: t('complaint'),
    hint: t('complaintHint'),
    label: t('complaintText'),
    button: t('sendComplaint'),
    done: (res) => `${t('complaintSent')} · ${t('registeredOn')} ${day(res.registeredOn)}`,
    send: (text) => {
      const json = JSON.stringify({ applicationNumber: number, text });
      return signedApi('/api/complaints', json, json);
    },
  });
}

renderForm();
void loadList();
