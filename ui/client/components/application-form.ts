/**
 * The application form: the service, the organisation and its head, what the service asks for
 * (specialists and instruments, the licence request, guarded objects), attachments and consent.
 * Sent signed (NCALayer where EDS is on) with one idempotency key per filled-in form.
 */
import { LitElement, html, nothing } from 'lit';
import '@carbon/web-components/es/components/text-input/index.js';
import '@carbon/web-components/es/components/select/index.js';
import '@carbon/web-components/es/components/checkbox/index.js';
import '@carbon/web-components/es/components/button/index.js';
import '@carbon/web-components/es/components/notification/index.js';
import { SERVICES } from '../../../domain/services';
import type { FieldError, SubmittedApplication } from '../../api-types';
import { signedApi } from '../ncalayer';
import { boot, lang, t } from './boot';
import type { FilePicker } from './file-picker';
import './file-picker';
import type { RowsEditor } from './rows-editor';
import './rows-editor';
import { ApiError, clearFieldErrors, day, fieldErrors, serviceName, showFieldErrors } from './util';

type Message = { kind: 'success' | 'error' | 'info'; title: string; lines?: string[] } | null;

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V'];

export class ApplicationForm extends LitElement {
  static override properties = {
    service: { state: true },
    requestKind: { state: true },
    number: { state: true },
    message: { state: true },
    busy: { state: true },
  };
  declare service: string;
  declare requestKind: string;
  declare number: string;
  declare message: Message;
  declare busy: boolean;
  private idempotencyKey = crypto.randomUUID();

  constructor() {
    super();
    this.service = SERVICES[0]!.id;
    this.requestKind = 'issue';
    this.number = '—';
    this.message = null;
    this.busy = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  private changeService = (e: Event) => {
    this.service = (e as CustomEvent<{ value: string }>).detail.value;
    this.idempotencyKey = crypto.randomUUID();
    this.number = '—';
    this.message = null;
    clearFieldErrors(this);
  };

  private rows(list: string): Record<string, string>[] {
    return this.querySelector<RowsEditor>(`rows-editor[list=${list}]`)?.values() ?? [];
  }

  private application(fd: FormData, files: File[]): Record<string, unknown> {
    const v = (k: string) => String(fd.get(k) ?? '').trim();
    const s = this.service;
    const application: Record<string, unknown> = {
      serviceId: s,
      applicant: {
        bin: boot.session?.bin ?? '',
        name: v('orgName'),
        headFullName: v('headFullName'),
        headIin: v('headIin'),
        location: v('location'),
      },
      consentToRestrictedData: fd.get('consent') === 'on',
      attachments: files.map((f) => ({
        kind: 'supporting-document',
        fileName: f.name.replace(/[\\/]/g, '_'),
      })),
    };
    if (s === 'fire-automation-permit') {
      application.specialists = this.rows('specialists').map((r) => ({
        ...r,
        electricalClearanceGroup: Number(r.electricalClearanceGroup),
      }));
      application.measuringInstruments = this.rows('measuringInstruments');
    }
    if (s === 'security-licence') {
      const kind = v('requestKind');
      Object.assign(application, { requestKind: kind, subType: Number(v('subType')) });
      if (v('licenceNumber')) application.licenceNumber = v('licenceNumber');
      if (kind === 'reissue' && v('reason')) application.reissueReason = v('reason');
      if (kind === 'duplicate') application.duplicateReason = v('reason') === 'damaged' ? 'damaged' : 'lost';
    }
    if (s === 'training-centre-designation')
      application.shootingRangeLeased = fd.get('shootingRangeLeased') === 'on';
    if (s === 'national-company-security-approval') {
      application.objects = this.rows('objects');
      application.antimonopolyConsentRef = v('antimonopolyConsentRef');
    }
    return application;
  }

  private submit = async (e: Event) => {
    e.preventDefault();
    if (this.busy) return;
    const form = e.target as HTMLFormElement;
    const files = this.querySelector<FilePicker>('file-picker')?.files ?? [];
    const application = this.application(new FormData(form), files);
    const body = new FormData();
    const signedText = JSON.stringify(application);
    body.set('application', signedText);
    for (const f of files) body.append('files', f, f.name);
    clearFieldErrors(this);
    this.busy = true;
    this.message = { kind: 'info', title: t('sending') };
    try {
      const res = await signedApi<SubmittedApplication>('/api/applications', signedText, body, {
        'idempotency-key': this.idempotencyKey,
      });
      this.number = res.applicationNumber;
      this.message = {
        kind: 'success',
        title: `${t('sent')}: ${res.applicationNumber} · ${t('registeredOn')} ${day(res.registeredOn)}`,
      };
      this.dispatchEvent(new CustomEvent('submitted', { detail: res.applicationNumber, bubbles: true }));
    } catch (err) {
      const errors = err instanceof ApiError ? fieldErrors(err.body) : [];
      if (errors.length) {
        await this.updateComplete;
        const rest: FieldError[] = showFieldErrors(this, errors);
        this.message = {
          kind: 'error',
          title: t('validationFailed'),
          lines: rest.map((r) => (lang === 'ru' ? r.ru : r.kk)),
        };
      } else this.message = { kind: 'error', title: t('error'), lines: [(err as Error).message] };
    } finally {
      this.busy = false;
    }
  };

  private input(name: string, label: string, path?: string, extra: { numeric?: boolean } = {}) {
    return html`<cds-text-input
      name=${name}
      id=${`f-${name}`}
      label=${label}
      data-path=${path ?? nothing}
      inputmode=${extra.numeric ? 'numeric' : nothing}
      autocomplete="off"
    ></cds-text-input>`;
  }

  private specific() {
    const s = this.service;
    if (s === 'fire-automation-permit')
      return html`<rows-editor
          list="specialists"
          legend=${t('specialists')}
          .columns=${[
            { key: 'iin', label: t('specialistIin'), kind: 'numeric' },
            { key: 'fullName', label: t('specialistName') },
            {
              key: 'electricalClearanceGroup',
              label: t('clearanceGroup'),
              options: [3, 4, 5, 2, 1].map((g) => ({ value: String(g), label: ROMAN[g]! })),
            },
          ]}
        ></rows-editor>
        <rows-editor
          list="measuringInstruments"
          legend=${t('instruments')}
          .columns=${[
            { key: 'name', label: t('instrumentName') },
            { key: 'serialNumber', label: t('serialNumber') },
            { key: 'verifiedUntil', label: t('verifiedUntil'), kind: 'date' },
          ]}
        ></rows-editor>`;
    if (s === 'security-licence')
      return html`<div class="row">
          <cds-select
            name="requestKind"
            id="f-requestKind"
            label-text=${t('requestKind')}
            value=${this.requestKind}
            @cds-select-selected=${(e: CustomEvent<{ value: string }>) => (this.requestKind = e.detail.value)}
          >
            ${['issue', 'reissue', 'duplicate'].map(
              (k) => html`<cds-select-item value=${k}>${t(`kind.${k}`)}</cds-select-item>`,
            )}
          </cds-select>
          <cds-select name="subType" id="f-subType" label-text=${t('subType')} value="1">
            <cds-select-item value="1">1</cds-select-item>
            <cds-select-item value="2">2</cds-select-item>
          </cds-select>
        </div>
        <div class="row">
          ${this.input('licenceNumber', t('licenceNumber'), 'licenceNumber')}
          ${this.input('reason', t('reason'), 'reissueReason')}
        </div>`;
    if (s === 'training-centre-designation')
      return html`<cds-checkbox name="shootingRangeLeased" id="f-shootingRangeLeased"
        >${t('shootingRangeLeased')}</cds-checkbox
      >`;
    if (s === 'national-company-security-approval')
      return html`<rows-editor
          list="objects"
          legend=${t('objects')}
          .columns=${[
            { key: 'name', label: t('objectName') },
            { key: 'location', label: t('objectLocation') },
          ]}
        ></rows-editor>
        ${this.input('antimonopolyConsentRef', t('antimonopolyConsentRef'), 'antimonopolyConsentRef')}`;
    return nothing;
  }

  override render() {
    const m = this.message;
    return html`<form class="stack" novalidate data-testid="application-form" @submit=${this.submit}>
      <cds-select
        name="serviceId"
        id="f-serviceId"
        label-text=${t('service')}
        value=${this.service}
        @cds-select-selected=${this.changeService}
      >
        ${SERVICES.map((s) => html`<cds-select-item value=${s.id}>${serviceName(s.id)}</cds-select-item>`)}
      </cds-select>
      <p class="muted">
        № <output data-testid="application-number">${this.number}</output> · ${t('bin')}
        ${boot.session?.bin ?? ''}
      </p>
      ${this.input('orgName', t('orgName'), 'applicant.name')}
      ${this.input('headFullName', t('headFullName'), 'applicant.headFullName')}
      ${this.input('headIin', t('headIin'), 'applicant.headIin', { numeric: true })}
      ${this.input('location', t('location'), 'applicant.location')}
      <fieldset class="stack">
        <legend>${serviceName(this.service)}</legend>
        ${this.specific()}
      </fieldset>
      <file-picker id="f-files" .label=${t('attachments')}></file-picker>
      <cds-checkbox name="consent" id="f-consent" data-path="consentToRestrictedData"
        >${t('consent')}</cds-checkbox
      >
      <div><cds-button type="submit" ?disabled=${this.busy}>${t('submit')}</cds-button></div>
      <div data-testid="submit-message" aria-live="polite">
        ${
          m
            ? html`<cds-inline-notification
                kind=${m.kind}
                low-contrast
                hide-close-button
                title=${m.title}
                subtitle=${(m.lines ?? []).join(' · ')}
              ></cds-inline-notification>`
            : nothing
        }
      </div>
    </form>`;
  }
}

customElements.define('application-form', ApplicationForm);

declare global {
  interface HTMLElementTagNameMap {
    'application-form': ApplicationForm;
  }
}
