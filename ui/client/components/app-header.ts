/**
 * The header of every page: Carbon's UI shell (`cds-header`) with the application's name, the pages
 * the person's roles open (ui/pages.ts PAGES), who is signed in, the language switch and sign-out.
 * Below 1056 px the pages move into a side navigation behind the menu button (Carbon's breakpoint).
 */
import { LitElement, css, html, nothing } from 'lit';
import '@carbon/web-components/es/components/ui-shell/index.js';
import type { ShellData } from '../../api-types';
import { boot } from './boot';

export class AppHeader extends LitElement {
  static override properties = { shell: { attribute: false } };
  declare shell: ShellData;

  constructor() {
    super();
    this.shell = boot.shell;
  }

  static override styles = css`
    :host {
      display: block;
      block-size: 3rem;
    }
    .global {
      display: flex;
      align-items: center;
      margin-inline-start: auto;
      min-inline-size: 0;
      block-size: 100%;
    }
    .who {
      overflow: hidden;
      padding: 0 1rem;
      color: var(--cds-text-secondary, #c6c6c6);
      font-size: 0.875rem;
      text-overflow: ellipsis;
      white-space: nowrap;
      max-inline-size: 28rem;
    }
    .action,
    .global button {
      display: inline-flex;
      align-items: center;
      block-size: 100%;
      padding: 0 1rem;
      border: 0;
      background: none;
      color: var(--cds-text-primary, #f4f4f4);
      font: inherit;
      font-size: 0.875rem;
      text-decoration: none;
      cursor: pointer;
      white-space: nowrap;
    }
    .action:hover,
    .global button:hover {
      background: var(--cds-background-hover, #353535);
    }
    .action:focus-visible,
    .global button:focus-visible {
      outline: 2px solid var(--cds-focus, #fff);
      outline-offset: -2px;
    }
    form {
      display: contents;
    }
    /* The language switch keeps its whole label at every width (and in any font a phone falls back
       to); the application's name gives way, cut with an ellipsis. */
    .action {
      flex: none;
    }
    cds-header-name {
      min-inline-size: 0;
      overflow: hidden;
    }
    cds-header-name::part(link) {
      display: block;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      line-height: 2.75rem;
    }
    /* Carbon marks a focused header link by a border alone; an outline shows it plainly. */
    cds-header-name::part(link):focus-visible,
    cds-header-nav-item::part(link):focus-visible {
      outline: 2px solid var(--cds-focus, #0f62fe);
      outline-offset: -2px;
    }
    .side-who {
      padding: 1rem;
      color: var(--cds-text-secondary, #c6c6c6);
      font-size: 0.875rem;
      overflow-wrap: anywhere;
    }
    .skip {
      position: absolute;
      inset-inline-start: -10000px;
    }
    .skip:focus {
      z-index: 9000;
      inset-inline-start: 0.5rem;
      inset-block-start: 0.5rem;
      padding: 0.5rem 1rem;
      background: var(--cds-background, #fff);
      color: var(--cds-text-primary, #161616);
    }
    .side-actions {
      padding: 0 1rem 1rem;
    }
    .side-actions button {
      padding: 0.75rem 0;
      border: 0;
      background: none;
      color: var(--cds-link-primary, #0f62fe);
      font: inherit;
      cursor: pointer;
    }
    /* Where the header shows the pages (Carbon's large breakpoint), the side navigation is not
       there at all: hidden, its links must not take focus or cover the page. */
    @media (min-width: 1056px) {
      cds-side-nav {
        display: none;
      }
    }
    /* A phone: the header keeps the name, menu and language; who and sign-out are in the menu. */
    @media (max-width: 671px) {
      .who,
      .global form {
        display: none;
      }
      .action {
        padding: 0 0.75rem;
      }
      .global {
        flex: none;
      }
      cds-header-name::part(link) {
        padding-inline: 0.5rem;
      }
    }
  `;

  /** The side navigation's sign-out sends the header's form (one form, one CSRF field). */
  private signOut = () =>
    this.renderRoot.querySelector<HTMLFormElement>('form[action="/signout"]')?.requestSubmit();

  override render() {
    const s = this.shell;
    const hasNav = s.nav.length > 0;
    return html`
      <a class="skip" href="#main">${s.skipToContent}</a>
      <cds-header aria-label=${s.title}>
        ${
          hasNav
            ? html`<cds-header-menu-button
                button-label-active=${boot.texts['shell.closeMenu'] ?? ''}
                button-label-inactive=${boot.texts['shell.openMenu'] ?? ''}
              ></cds-header-menu-button>`
            : nothing
        }
        <cds-header-name href=${s.home} prefix="">${s.title}</cds-header-name>
        ${
          hasNav
            ? html`<cds-header-nav menu-bar-label=${boot.texts['shell.navigation'] ?? ''}>
                ${s.nav.map(
                  (n) =>
                    html`<cds-header-nav-item
                      href=${n.path}
                      ?is-active=${n.current}
                      aria-current=${n.current ? 'page' : 'false'}
                      >${n.label}</cds-header-nav-item
                    >`,
                )}
              </cds-header-nav>`
            : nothing
        }
        <div class="global">
          ${s.who ? html`<span class="who" data-testid="who" title=${s.who}>${s.who}</span>` : nothing}
          <a class="action" href=${s.switchTo.href} hreflang=${s.switchTo.lang} data-testid="lang-switch"
            >${s.switchTo.label}</a
          >
          ${
            s.signOut
              ? html`<form method="post" action="/signout">
                  <input type="hidden" name="_csrf" .value=${boot.csrfToken ?? ''} />
                  <button type="submit">${s.signOut}</button>
                </form>`
              : nothing
          }
        </div>
      </cds-header>
      ${
        hasNav
          ? html`<cds-side-nav
              aria-label=${boot.texts['shell.navigation'] ?? ''}
              collapse-mode="responsive"
              is-not-persistent
            >
              <cds-side-nav-items>
                ${s.nav.map(
                  (n) =>
                    html`<cds-side-nav-link href=${n.path} ?active=${n.current}
                      >${n.label}</cds-side-nav-link
                    >`,
                )}
              </cds-side-nav-items>
              ${s.who ? html`<p class="side-who">${s.who}</p>` : nothing}
              ${
                s.signOut
                  ? html`<div class="side-actions">
                      <button type="button" @click=${this.signOut}>${s.signOut}</button>
                    </div>`
                  : nothing
              }
            </cds-side-nav>`
          : nothing
      }
    `;
  }
}

customElements.define('app-header', AppHeader);

declare global {
  interface HTMLElementTagNameMap {
    'app-header': AppHeader;
  }
}
