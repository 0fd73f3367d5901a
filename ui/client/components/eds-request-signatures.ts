/** Who signed the applicant's requests of an application, when, with which certificate (Lit + Carbon). */
import { LitElement, html, nothing } from 'lit';
import '@carbon/web-components/es/components/accordion/index.js';
import '@carbon/web-components/es/components/structured-list/index.js';
import { formatAlmatyDateTimeSeconds } from '../../../domain/almaty-time';
import type { EdsRequestSignature } from '../../api-types';
import { edsConfig } from '../ncalayer';
import { boot, t } from './boot';
import { api } from './util';

export class EdsRequestSignatures extends LitElement {
  static override properties = {
    applicationNumber: { attribute: 'application-number' },
    items: { state: true },
    enabled: { state: true },
  };
  declare applicationNumber: string;
  declare items: EdsRequestSignature[] | null;
  declare enabled: boolean;

  constructor() {
    super();
    this.applicationNumber = '';
    this.items = null;
    this.enabled = true;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    if (!this.applicationNumber) return;
    try {
      if (!(await edsConfig())) return void (this.enabled = false);
      const { items } = await api<{ items: EdsRequestSignature[] }>(
        'GET',
        `/api/eds/requests/${encodeURIComponent(this.applicationNumber)}`,
      );
      this.items = items;
    } catch {
      // The signatures are a help to the clerk; the task works without them.
      this.items = [];
    }
  }

  override render() {
    if (!this.enabled) return nothing;
    const items = this.items ?? [];
    return html`<cds-accordion data-testid="request-signatures">
      <cds-accordion-item open title=${t('eds.requestSignatures')}>
        ${
          items.length
            ? html`<cds-structured-list condensed>
                <cds-structured-list-head>
                  <cds-structured-list-header-row>
                    <cds-structured-list-header-cell>${t('eds.requestKind')}</cds-structured-list-header-cell>
                    <cds-structured-list-header-cell>${t('eds.signer')}</cds-structured-list-header-cell>
                    <cds-structured-list-header-cell>${t('eds.signingTime')}</cds-structured-list-header-cell>
                    <cds-structured-list-header-cell
                      >${t('eds.certificateSerial')}</cds-structured-list-header-cell
                    >
                  </cds-structured-list-header-row>
                </cds-structured-list-head>
                <cds-structured-list-body>
                  ${items.map(
                    (s) =>
                      html`<cds-structured-list-row data-kind=${s.kind}>
                        <cds-structured-list-cell
                          >${boot.texts[`eds.kind.${s.kind}`] ?? t('eds.requestKind')}</cds-structured-list-cell
                        >
                        <cds-structured-list-cell
                          >${s.signer.fullName}${s.signer.bin ? ` · ${s.signer.organization ?? ''}` : ''}</cds-structured-list-cell
                        >
                        <cds-structured-list-cell
                          >${formatAlmatyDateTimeSeconds(s.signingTime)}</cds-structured-list-cell
                        >
                        <cds-structured-list-cell>${s.certificate.serialNumber}</cds-structured-list-cell>
                      </cds-structured-list-row>`,
                  )}
                </cds-structured-list-body>
              </cds-structured-list>`
            : html`<p class="muted">—</p>`
        }
      </cds-accordion-item>
    </cds-accordion>`;
  }
}

customElements.define('eds-request-signatures', EdsRequestSignatures);

declare global {
  interface HTMLElementTagNameMap {
    'eds-request-signatures': EdsRequestSignatures;
  }
}
