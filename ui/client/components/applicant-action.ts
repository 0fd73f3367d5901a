/**
 * One applicant action in the cabinet — a position for the hearing, the documents asked for, a
 * complaint: a text with its hint, files where the action takes them, a button that shows progress,
 * and a notification that says plainly whether it worked, in the page's language.
 */
import { LitElement, html, nothing } from 'lit';
import '@carbon/web-components/es/components/accordion/index.js';
import '@carbon/web-components/es/components/textarea/index.js';
import '@carbon/web-components/es/components/button/index.js';
import '@carbon/web-components/es/components/notification/index.js';
import type { SubmittedComplaint } from '../../api-types';
import { signedApi } from '../ncalayer';
import { lang, t } from './boot';
import type { FilePicker } from './file-picker';
import './file-picker';
import { ApiError, clearFieldErrors, day, fieldErrors, showFieldErrors } from './util';

type Kind = 'hearing-position' | 'missing-documents' | 'complaint';

interface ActionText {
  title: string;
  hint: string;
  label: string;
  button: string;
  files: boolean;
}

const TEXTS: Record<Kind, () => ActionText> = {
  'hearing-position': () => ({
    title: t('position'),
    hint: t('positionHint'),
    label: t('position'),
    button: t('sendPosition'),
    files: false,
  }),
  'missing-documents': () => ({
    title: t('sendDocuments'),
    hint: t('documentsHint'),
    label: t('note'),
    button: t('sendDocuments'),
    files: true,
  }),
  complaint: () => ({
    title: t('complaint'),
    hint: t('complaintHint'),
    label: t('complaintText'),
    button: t('sendComplaint'),
    files: false,
  }),
};

export class ApplicantAction extends LitElement {
  static override properties = {
    kind: {},
    number: {},
    open: { type: Boolean },
    busy: { state: true },
    result: { state: true },
  };
  declare kind: Kind;
  declare number: string;
  declare open: boolean;
  declare busy: boolean;
  declare result: { ok: boolean; text: string } | null;

  constructor() {
    super();
    this.kind = 'complaint';
    this.number = '';
    this.open = false;
    this.busy = false;
    this.result = null;
  }

  protected override createRenderRoot() {
    return this;
  }

  private async send(text: string, files: File[]): Promise<string> {
    const n = encodeURIComponent(this.number);
    if (this.kind === 'hearing-position') {
      const json = JSON.stringify({ kind: 'hearing-position', text });
      await signedApi(`/api/applications/${n}/messages`, json, json);
      return t('positionSent');
    }
    if (this.kind === 'missing-documents') {
      const body = new FormData();
      const signedText = JSON.stringify({ kind: 'missing-documents', text });
      body.set('message', signedText);
      for (const f of files) body.append('files', f, f.name);
      await signedApi(`/api/applications/${n}/messages`, signedText, body);
      return t('documentsSent');
    }
    const json = JSON.stringify({ applicationNumber: this.number, text });
    const res = await signedApi<SubmittedComplaint>('/api/complaints', json, json);
    return `${t('complaintSent')} · ${t('registeredOn')} ${day(res.registeredOn)}`;
  }

  private submit = async (e: Event) => {
    e.preventDefault();
    if (this.busy) return;
    const area = this.querySelector<HTMLElement & { value: string }>('cds-textarea')!;
    const picker = this.querySelector<FilePicker>('file-picker');
    clearFieldErrors(this);
    this.busy = true;
    this.result = { ok: true, text: t('sending') };
    try {
      const done = await this.send(area.value, picker?.files ?? []);
      this.result = { ok: true, text: done };
      area.value = '';
      picker?.clear();
    } catch (err) {
      const errors = err instanceof ApiError ? fieldErrors(err.body) : [];
      const rest = errors.length ? showFieldErrors(this, errors) : [];
      this.result = {
        ok: false,
        text: errors.length
          ? [t('validationFailed'), ...rest.map((r) => (lang === 'ru' ? r.ru : r.kk))].join(' ')
          : (err as Error).message,
      };
    } finally {
      this.busy = false;
    }
  };

  override render() {
    const x = TEXTS[this.kind]();
    const id = this.kind;
    return html`<cds-accordion class="action" data-testid=${id}>
      <cds-accordion-item title=${x.title} ?open=${this.open}>
        <form class="stack" novalidate @submit=${this.submit}>
          <p class="muted" id=${`${id}-hint`}>${x.hint}</p>
          <cds-textarea data-testid=${`${id}-text`} data-path="text" label=${x.label} rows="3"></cds-textarea>
          ${x.files ? html`<file-picker id=${`${id}-files`} .label=${t('attachments')}></file-picker>` : nothing}
          <div><cds-button type="submit" ?disabled=${this.busy}>${x.button}</cds-button></div>
          <div data-testid=${`${id}-result`} aria-live="polite">
            ${
              this.result && !this.busy
                ? html`<cds-inline-notification
                    kind=${this.result.ok ? 'success' : 'error'}
                    low-contrast
                    hide-close-button
                    title=${this.result.text}
                  ></cds-inline-notification>`
                : this.busy
                  ? html`<p class="muted" role="status">${t('sending')}</p>`
                  : nothing
            }
          </div>
        </form>
      </cds-accordion-item>
    </cds-accordion>`;
  }
}

customElements.define('applicant-action', ApplicantAction);

declare global {
  interface HTMLElementTagNameMap {
    'applicant-action': ApplicantAction;
  }
}
