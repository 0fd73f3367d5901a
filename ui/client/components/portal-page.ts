/** The applicant portal: my applications, a new application, and one application's cabinet. */
import { LitElement, html, nothing } from 'lit';
import '@carbon/web-components/es/components/button/index.js';
import '@carbon/web-components/es/components/link/index.js';
import '@carbon/web-components/es/components/notification/index.js';
import type { ApplicationList, ApplicationView } from '../../api-types';
import { t } from './boot';
import './application-cabinet';
import './application-form';
import { api, day, serviceName } from './util';

type Pane =
  | { kind: 'form' }
  | { kind: 'loading' }
  | { kind: 'view'; view: ApplicationView }
  | { kind: 'error'; text: string };

export class PortalPage extends LitElement {
  static override properties = {
    list: { state: true },
    listError: { state: true },
    pane: { state: true },
  };
  declare list: ApplicationList | null;
  declare listError: string | null;
  declare pane: Pane;

  constructor() {
    super();
    this.list = null;
    this.listError = null;
    this.pane = { kind: 'form' };
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(page = 1): Promise<void> {
    try {
      this.list = await api<ApplicationList>('GET', `/api/applications?page=${page}`);
      this.listError = null;
    } catch (err) {
      this.listError = (err as Error).message;
    }
  }

  async open(number: string): Promise<void> {
    this.pane = { kind: 'loading' };
    try {
      const view = await api<ApplicationView>('GET', `/api/applications/${encodeURIComponent(number)}`);
      this.pane = { kind: 'view', view };
    } catch (err) {
      this.pane = { kind: 'error', text: (err as Error).message };
    }
  }

  private submitted = async (e: Event) => {
    await this.load();
    await this.open((e as CustomEvent<string>).detail);
  };

  private listView() {
    if (this.listError)
      return html`<cds-inline-notification
        kind="error"
        low-contrast
        hide-close-button
        role="alert"
        title=${`${t('error')}: ${this.listError}`}
      ></cds-inline-notification>`;
    if (!this.list) return html`<p class="muted" role="status">${t('loading')}</p>`;
    if (!this.list.items.length) return html`<p class="muted">${t('noApplications')}</p>`;
    const p = this.list.page;
    return html`<ul class="apps" data-testid="my-applications">
        ${this.list.items.map(
          (a) =>
            html`<li>
              <cds-link
                href=${`#${a.applicationNumber}`}
                @click=${(e: Event) => {
                  e.preventDefault();
                  void this.open(a.applicationNumber);
                }}
                >${a.applicationNumber}</cds-link
              >
              <span class="muted">${serviceName(a.serviceId)} · ${day(a.registeredOn)}</span>
            </li>`,
        )}
      </ul>
      ${
        p.totalPages > 1
          ? html`<nav class="pager" aria-label=${t('pageOf')}>
              <cds-button
                kind="ghost"
                size="sm"
                ?disabled=${!p.hasPrevious}
                @click=${() => this.load(p.number - 1)}
                >${t('pagePrevious')}</cds-button
              >
              <span>${t('pageOf')} ${p.number} / ${p.totalPages}</span>
              <cds-button
                kind="ghost"
                size="sm"
                ?disabled=${!p.hasNext}
                @click=${() => this.load(p.number + 1)}
                >${t('pageNext')}</cds-button
              >
            </nav>`
          : nothing
      }`;
  }

  private paneView() {
    const p = this.pane;
    if (p.kind === 'loading') return html`<p class="muted" role="status">${t('loading')}</p>`;
    if (p.kind === 'error')
      return html`<cds-inline-notification
        kind="error"
        low-contrast
        hide-close-button
        role="alert"
        title=${`${t('error')}: ${p.text}`}
      ></cds-inline-notification>`;
    if (p.kind === 'view')
      return html`<section class="detail" aria-live="polite">
        <application-cabinet .view=${p.view}></application-cabinet>
      </section>`;
    return nothing;
  }

  override render() {
    return html`<div class="split">
      <div>
        <div class="toolbar">
          <h1 id="h-mine">${t('myApplications')}</h1>
          <cds-button data-testid="new-application" @click=${() => (this.pane = { kind: 'form' })}
            >${t('newApplication')}</cds-button
          >
        </div>
        <section class="list" aria-labelledby="h-mine">${this.listView()}</section>
      </div>
      <div>
        <section class="page-card" aria-labelledby="h-new" ?hidden=${this.pane.kind !== 'form'}>
          <h2 id="h-new">${t('newApplication')}</h2>
          <application-form @submitted=${this.submitted}></application-form>
        </section>
        ${this.paneView()}
      </div>
    </div>`;
  }
}

customElements.define('portal-page', PortalPage);

declare global {
  interface HTMLElementTagNameMap {
    'portal-page': PortalPage;
  }
}
