/**
 * The public verification page (Lit + Carbon): anyone checks a signed result by its register number
 * or by uploading the file they received, and reads who signed it, when, with which certificate,
 * in the page's language. A deep link (`/verify?number=…`, the QR code's `/verify/<document id>`)
 * opens it checking that number (boot data `{ number }`).
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import '@carbon/web-components/es/components/button/index.js';
import '@carbon/web-components/es/components/text-input/index.js';
import '@carbon/web-components/es/components/file-uploader/index.js';
import '@carbon/web-components/es/components/notification/index.js';
import '@carbon/web-components/es/components/inline-loading/index.js';
import '@carbon/web-components/es/components/link/index.js';
import type { VerifiedDocument, VerifyAnswer } from '../../eds/verify-api';
import { boot, lang, t } from './boot';
import { ApiError, api, fieldErrors, tr } from './util';

type State =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'answer'; answer: VerifyAnswer }
  | { kind: 'error'; text: string };

export class VerifyPage extends LitElement {
  static override properties = {
    number: { state: true },
    numberError: { state: true },
    state: { state: true },
  };
  declare number: string;
  declare numberError: string;
  declare state: State;

  constructor() {
    super();
    this.number = String((boot.data as { number?: string } | null)?.number ?? '');
    this.numberError = '';
    this.state = { kind: 'idle' };
  }

  /** Light DOM: the page's stylesheet applies and tests reach the inputs. */
  protected override createRenderRoot() {
    return this;
  }

  override firstUpdated() {
    if (this.number) void this.checkNumber(false);
  }

  /** An answer, a refusal of the input, or a failure, from the API's JSON. */
  private async run(call: () => Promise<VerifyAnswer>, field?: 'number') {
    this.state = { kind: 'checking' };
    try {
      this.state = { kind: 'answer', answer: await call() };
    } catch (err) {
      const body = err instanceof ApiError ? (err.body as Partial<VerifyAnswer> | null) : null;
      // "Not found" and "altered" are answers too: the API says so with 404 and 422.
      if (body?.outcome) this.state = { kind: 'answer', answer: body as VerifyAnswer };
      else {
        const errors = err instanceof ApiError ? fieldErrors(err.body) : [];
        const text = errors.length ? tr(errors[0]) : t('eds.checkFailed');
        if (field && errors.some((e) => e.path === field)) {
          this.numberError = text;
          this.state = { kind: 'idle' };
        } else this.state = { kind: 'error', text };
      }
    }
    await this.updateComplete;
    if (this.state.kind !== 'idle')
      this.querySelector<HTMLElement>('#verify-result-heading')?.focus({ preventScroll: false });
  }

  private async checkNumber(remember = true) {
    const number = this.number.trim();
    this.numberError = '';
    if (!number) {
      this.numberError = t('eds.numberRequired');
      this.querySelector<HTMLElement>('#verify-number')?.focus();
      return;
    }
    // The address says what was checked, so it can be shared and reloaded.
    if (remember) history.replaceState(null, '', `/verify?number=${encodeURIComponent(number)}`);
    await this.run(
      () => api<VerifyAnswer>('GET', `/api/verify?number=${encodeURIComponent(number)}`),
      'number',
    );
  }

  private onFile = (e: Event) => {
    const [file] = (e as CustomEvent<{ addedFiles: File[] }>).detail.addedFiles;
    if (!file) return;
    const form = new FormData();
    form.set('file', file, file.name);
    void this.run(() => api<VerifyAnswer>('POST', '/api/verify/upload', form));
  };

  private row(label: string, value: TemplateResult | string | undefined) {
    return value
      ? html`<dt>${label}</dt>
          <dd>${value}</dd>`
      : nothing;
  }

  private document(d: VerifiedDocument) {
    return html`<dl class="verify-facts" data-document=${d.documentId}>
      ${this.row(t('eds.title'), d.title)} ${this.row(t('eds.number'), d.number)}
      ${this.row(t('eds.kind'), tr(d.kind))} ${this.row(t('eds.language'), t(`eds.lang.${d.lang}`))}
      ${this.row(t('eds.signer'), d.signer.fullName)}
      ${this.row(t('eds.organization'), d.signer.organization)}
      ${this.row(t('eds.signingTime'), d.signingTime)}
      ${this.row(t('eds.certificateIssuer'), d.certificate.issuer)}
      ${this.row(
        t('eds.certificateValidity'),
        t('eds.validUntil').replace('{until}', d.certificate.validUntil),
      )}
      ${this.row(
        t('eds.download'),
        html`<cds-link href=${d.download} download>${t('eds.downloadDocument')}</cds-link>`,
      )}
    </dl>`;
  }

  private result() {
    const s = this.state;
    if (s.kind === 'idle') return nothing;
    if (s.kind === 'checking')
      return html`<cds-inline-loading status="active">${t('eds.checking')}</cds-inline-loading>`;
    const heading = html`<h2 id="verify-result-heading" tabindex="-1">${t('eds.resultHeading')}</h2>`;
    if (s.kind === 'error')
      return html`${heading}<cds-inline-notification
          kind="error"
          low-contrast
          hide-close-button
          role="alert"
          title=${s.text}
        ></cds-inline-notification>`;
    const a = s.answer;
    return html`${heading}
      <div data-testid="verify-result" data-genuine=${String(a.genuine)} data-outcome=${a.outcome}>
        <cds-inline-notification
          kind=${a.genuine ? 'success' : 'error'}
          low-contrast
          hide-close-button
          role=${a.genuine ? 'status' : 'alert'}
          title=${lang === 'ru' ? a.message.ru : a.message.kk}
        ></cds-inline-notification>
        ${a.documents.map((d) => this.document(d))}
      </div>`;
  }

  override render() {
    const checking = this.state.kind === 'checking';
    return html`<style>
        verify-page #verify > * + * {
          margin-block-start: 1rem;
        }
        verify-page .verify-check {
          display: flex;
          flex-wrap: wrap;
          align-items: flex-start;
          gap: 0.5rem 1rem;
        }
        verify-page .verify-check cds-text-input {
          flex: 1 1 16rem;
          min-inline-size: 0;
        }
        verify-page .verify-check cds-button {
          margin-block-start: 1.5rem;
        }
        verify-page .verify-facts {
          display: grid;
          grid-template-columns: minmax(10rem, 16rem) 1fr;
          gap: 0.25rem 1rem;
          margin: 1rem 0 0;
          padding: 1rem;
          background: var(--cds-layer-01, #fff);
        }
        verify-page .verify-facts dt {
          color: var(--cds-text-secondary, #525252);
        }
        verify-page .verify-facts dd {
          margin: 0;
          overflow-wrap: anywhere;
        }
        @media (max-width: 40rem) {
          verify-page .verify-facts {
            grid-template-columns: 1fr;
          }
          verify-page .verify-facts dd {
            margin-block-end: 0.5rem;
          }
        }
      </style>
      <section class="page narrow" id="verify">
        <h1>${t('eds.verifyTitle')}</h1>
        <p class="muted">${t('eds.verifyIntro')}</p>
        <form
          id="verify-by-number"
          aria-labelledby="verify-by-number-heading"
          @submit=${(e: Event) => {
            e.preventDefault();
            void this.checkNumber();
          }}
        >
          <h2 id="verify-by-number-heading">${t('eds.verifyByNumber')}</h2>
          <div class="verify-check">
            <cds-text-input
              id="verify-number"
              name="number"
              data-path="number"
              label=${t('eds.verifyNumber')}
              helper-text=${t('eds.verifyNumberHelper')}
              maxlength="80"
              autocomplete="off"
              .value=${this.number}
              ?invalid=${Boolean(this.numberError)}
              invalid-text=${this.numberError}
              @input=${(e: Event) => (this.number = (e.target as HTMLInputElement).value)}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void this.checkNumber();
                }
              }}
            ></cds-text-input>
            <cds-button id="verify-number-check" ?disabled=${checking} @click=${() => this.checkNumber()}
              >${t('eds.verifyCheck')}</cds-button
            >
          </div>
        </form>
        <section aria-labelledby="verify-by-file-heading">
          <h2 id="verify-by-file-heading">${t('eds.verifyByFile')}</h2>
          <p class="muted">${t('eds.verifyFileHelper')}</p>
          <cds-file-uploader-button
            id="verify-file"
            accept=".pdf application/pdf"
            button-kind="tertiary"
            size="md"
            ?disabled=${checking}
            @cds-file-uploader-button-changed=${this.onFile}
            >${t('eds.verifyChooseFile')}</cds-file-uploader-button
          >
        </section>
        <div id="verify-answer" aria-live="polite">${this.result()}</div>
      </section>`;
  }
}

customElements.define('verify-page', VerifyPage);

declare global {
  interface HTMLElementTagNameMap {
    'verify-page': VerifyPage;
  }
}
