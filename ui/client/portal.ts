import { stepName as elementStepName } from '../../domain/applications/step-names';
import {
  stepName,
  api,
  boot,
  formatDate,
  h,
  lang,
  root,
  serviceName,
  showError,
  status,
  t,
  urgencyBadge,
} from './common';

/** Applicant portal: submit an application with attachments, follow its status, download results. */
const app = root();
const bin = boot.session?.bin ?? '';
const PREFIX: Record<string, string> = {
  'fire-automation-permit': 'FAP',
  'security-licence': 'SEC',
  'training-centre-designation': 'TCD',
  'national-company-security-approval': 'NCA',
};

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
const input = (name: string, attrs: Record<string, any> = {}) =>
  h('input', { name, id: `f-${name}`, autocomplete: 'off', ...attrs });

function newNumber(service: string): string {
  // The portal issues the number once per form, so a resubmission after a network error is idempotent.
  const seq = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return `${PREFIX[service]}-${new Date().getFullYear()}-${seq}`;
}

function renderForm() {
  const service = h(
    'select',
    { name: 'serviceId', id: 'f-serviceId' },
    ...Object.keys(PREFIX).map((s) => h('option', { value: s }, serviceName(s))),
  );
  const specific = h('fieldset', { class: 'stack' });
  const message = h('div', { class: 'message', 'data-testid': 'submit-message' });
  const files = input('files', { type: 'file', multiple: true, accept: 'application/pdf,image/*' });
  let number = newNumber(service.value);
  const numberOut = h('output', { 'data-testid': 'application-number' }, number);

  const renderSpecific = () => {
    number = newNumber(service.value);
    numberOut.textContent = number;
    const s = service.value;
    const parts: HTMLElement[] = [h('legend', {}, serviceName(s))];
    if (s === 'fire-automation-permit') {
      parts.push(
        h('h3', {}, t('specialists')),
        h(
          'div',
          { class: 'row' },
          field('ИИН / ЖСН', input('specialistIin', { inputmode: 'numeric', maxlength: 12 })),
          field(t('name'), input('specialistName')),
          field(
            'III–V',
            h(
              'select',
              { name: 'specialistGroup' },
              ...[3, 4, 5, 2, 1].map((g) => h('option', { value: g }, String(g))),
            ),
          ),
        ),
        h('h3', {}, t('instruments')),
        h(
          'div',
          { class: 'row' },
          field(t('name'), input('instrumentName')),
          field('№', input('instrumentSerial')),
          field(t('due'), input('instrumentVerifiedUntil', { type: 'date' })),
        ),
      );
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
          field(t('licenceNumber'), input('licenceNumber')),
          field(t('reason'), input('reason')),
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
      parts.push(
        h('h3', {}, t('objects')),
        h(
          'div',
          { class: 'row' },
          field(t('name'), input('objectName')),
          field(t('location'), input('objectLocation')),
        ),
        field(t('antimonopolyConsentRef'), input('antimonopolyConsentRef')),
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
          applicationNumber: number,
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
          application.specialists = [
            {
              iin: v('specialistIin'),
              fullName: v('specialistName'),
              electricalClearanceGroup: Number(v('specialistGroup')),
            },
          ];
          application.measuringInstruments = [
            {
              name: v('instrumentName'),
              serialNumber: v('instrumentSerial'),
              verifiedUntil: v('instrumentVerifiedUntil'),
            },
          ];
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
          application.objects = [{ name: v('objectName'), location: v('objectLocation') }];
          application.antimonopolyConsentRef = v('antimonopolyConsentRef');
        }
        const body = new FormData();
        body.set('application', JSON.stringify(application));
        for (const f of fileList) body.append('files', f, f.name);
        status(message, t('loading'));
        try {
          const res = await api('POST', '/api/applications', body);
          status(
            message,
            `${t('sent')}: ${res.applicationNumber} · ${t('registeredOn')} ${res.registeredOn}`,
            'ok',
          );
          await loadList();
          await openApplication(res.applicationNumber);
        } catch (err) {
          message.replaceChildren(
            h(
              'div',
              { class: 'error', role: 'alert' },
              h('strong', {}, t('error')),
              h('pre', {}, (err as Error).message),
            ),
          );
        }
      },
    },
    field(t('service'), service),
    h('p', { class: 'muted' }, `№ `, numberOut, ` · ${t('bin')} ${bin}`),
    field(t('orgName'), input('orgName', { required: true })),
    field(t('headFullName'), input('headFullName', { required: true })),
    field(t('headIin'), input('headIin', { required: true, inputmode: 'numeric', maxlength: 12 })),
    field(t('location'), input('location', { required: true })),
    specific,
    field(t('attachments'), files),
    h('label', { class: 'check' }, input('consent', { type: 'checkbox' }), t('consent')),
    h('button', { type: 'submit', class: 'primary' }, t('submit')),
    message,
  );
  formBox.replaceChildren(h('h2', { id: 'h-new' }, t('newApplication')), form);
}

async function loadList() {
  try {
    const data = await api('GET', '/api/applications');
    if (!data.items.length) return status(listBox, t('empty'));
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
            ` · ${serviceName(a.serviceId)} · ${a.registeredOn}`,
          ),
        ),
      ),
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
    const notices = s.notices.map((n: any) =>
      h(
        'div',
        { class: 'notice', role: 'note' },
        h('strong', {}, n.kind === 'preliminary-decision' ? t('preliminaryDecision') : n.kind),
        n.hearingAt &&
          h(
            'p',
            {},
            `${t('hearing')}: ${formatDate(n.hearingAt)}${n.hearingPlace ? ` · ${n.hearingPlace}` : ''}`,
          ),
        n.grounds && h('p', {}, `${t('refusalGround')}: ${JSON.stringify(n.grounds)}`),
      ),
    );
    const position = h('textarea', { rows: 3, 'aria-label': t('position') });
    const complaint = h('textarea', { rows: 3, 'aria-label': t('complaintText') });
    const msg = h('div', { class: 'message' });
    const send = async (url: string, body: unknown) => {
      try {
        await api('POST', url, body);
        status(msg, t('sent'), 'ok');
      } catch (err) {
        status(msg, (err as Error).message, 'error');
      }
    };
    detail.replaceChildren(
      h(
        'div',
        {},
        h('h2', {}, `${s.applicationNumber}`),
        h('p', {}, serviceName(s.serviceId)),
        h(
          'dl',
          { class: 'kv', 'data-testid': 'application-status' },
          h('dt', {}, t('state')),
          h('dd', {}, t(`state.${s.state}`)),
          h('dt', {}, t('registeredOn')),
          h('dd', {}, s.registeredOn ?? '—'),
          h('dt', {}, t('stage')),
          h('dd', {}, s.stages.map((x: any) => elementStepName(x.elementId, lang, x.name)).join(', ') || '—'),
          s.refusalGround && h('dt', {}, t('refusalGround')),
          s.refusalGround && h('dd', {}, JSON.stringify(s.refusalGround)),
        ),
        h('h3', {}, t('deadlines')),
        s.deadlines.length
          ? h(
              'ul',
              {},
              ...s.deadlines.map((d: any) =>
                h(
                  'li',
                  {},
                  `${stepName(d.step)}: ${formatDate(d.dueAt)} `,
                  urgencyBadge(d.urgency, d.remainingWorkingDays),
                ),
              ),
            )
          : h('p', { class: 'muted' }, t('empty')),
        h('h3', {}, t('notices')),
        notices.length ? h('div', {}, ...notices) : h('p', { class: 'muted' }, t('empty')),
        h('h3', {}, t('documents')),
        s.documents.length
          ? h(
              'ul',
              { class: 'docs', 'data-testid': 'documents' },
              ...s.documents.map((d: any) =>
                h(
                  'li',
                  {},
                  h(
                    'a',
                    { href: `/api/documents/${encodeURIComponent(d.documentId)}?download=1`, download: '' },
                    `${d.title ?? d.kind ?? d.variable}${d.lang ? ` (${d.lang})` : ''}`,
                  ),
                ),
              ),
            )
          : h('p', { class: 'muted' }, t('empty')),
        s.notices.some((n: any) => n.kind === 'preliminary-decision') && s.state === 'active'
          ? h(
              'div',
              { class: 'stack' },
              h('h3', {}, t('position')),
              position,
              h(
                'button',
                {
                  type: 'button',
                  onclick: () =>
                    send(`/api/applications/${s.applicationNumber}/messages`, {
                      kind: 'hearing-position',
                      text: position.value,
                    }),
                },
                t('sendPosition'),
              ),
            )
          : null,
        h(
          'details',
          {},
          h('summary', {}, t('complaint')),
          h(
            'div',
            { class: 'stack' },
            complaint,
            h(
              'button',
              {
                type: 'button',
                onclick: () =>
                  send('/api/complaints', { applicationNumber: s.applicationNumber, text: complaint.value }),
              },
              t('submit'),
            ),
          ),
        ),
        msg,
      ),
    );
  } catch (err) {
    showError(detail, err);
  }
}

renderForm();
void loadList();
void lang;
