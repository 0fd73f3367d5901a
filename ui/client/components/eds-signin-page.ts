/**
 * The applicant's sign-in by EDS (Lit + Carbon): NCALayer signs the server's one-time challenge
 * with the authentication key; the server checks the certificate and opens the session.
 */
import { LitElement, html, nothing } from 'lit';
import { signChallenge } from '../ncalayer';
import { t } from './boot';
import { api } from './util';

export class EdsSigninPage extends LitElement {
  static override properties = { state: { state: true }, error: { state: true } };
  declare state: 'idle' | 'signing';
  declare error: string | null;

  constructor() {
    super();
    this.state = 'idle';
    this.error = null;
  }

  protected override createRenderRoot() {
    return this;
  }

  private signIn = async () => {
    this.state = 'signing';
    this.error = null;
    try {
      const { challenge } = await api<{ challenge: string }>('POST', '/api/eds/challenge');
      const cms = await signChallenge(challenge);
      const res = await api<{ redirect: string }>('POST', '/api/eds/signin', { cms });
      window.location.assign(res.redirect);
    } catch (err) {
      this.error = (err as Error).message;
      this.state = 'idle';
    }
  };

  override render() {
    const signing = this.state === 'signing';
    return html`<style>
        eds-signin-page #eds-signin > * + * {
          margin-block-start: 1rem;
        }
      </style>
      <section class="page narrow" id="eds-signin">
        <h1>${t('eds.edsSignIn')}</h1>
        <p class="muted">${t('eds.edsSignInHint')}</p>
        <p>
          <cds-button id="eds-signin-button" kind="primary" ?disabled=${signing} @click=${this.signIn}
            >${t('eds.edsSignInButton')}</cds-button
          >
        </p>
        <div id="eds-message" aria-live="polite">
          ${
            signing
              ? html`<cds-inline-loading status="active">${t('eds.signing')}</cds-inline-loading>`
              : nothing
          }
          ${
            this.error
              ? html`<cds-inline-notification
                  kind="error"
                  low-contrast
                  hide-close-button
                  role="alert"
                  title=${this.error}
                ></cds-inline-notification>`
              : nothing
          }
        </div>
        <p><cds-link href="/">${t('eds.staffSignIn')}</cds-link></p>
      </section>`;
  }
}

customElements.define('eds-signin-page', EdsSigninPage);

declare global {
  interface HTMLElementTagNameMap {
    'eds-signin-page': EdsSigninPage;
  }
}
