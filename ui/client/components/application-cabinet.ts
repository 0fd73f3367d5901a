/**
 * One application in the applicant's cabinet: the outcome in plain words, the request for
 * documents, the hearing, notices with their dates, the status history, complaints and answers.
 * The server decides what may be seen (domain/applications/cabinet.ts); this only lays it out,
 * in the page's language, with Almaty times whatever the browser's zone.
 */
import { LitElement, html, nothing } from 'lit';
import '@carbon/web-components/es/components/tag/index.js';
import '@carbon/web-components/es/components/link/index.js';
import '@carbon/web-components/es/components/tile/index.js';
import '@carbon/web-components/es/components/structured-list/index.js';
import '@carbon/web-components/es/components/notification/index.js';
import type { ApplicationView, VisibleDocument } from '../../api-types';
import { t } from './boot';
import './applicant-action';
import { day, formatDate, serviceName, tr, urgencyTag } from './util';

/** Links to the documents, one per language copy, each saying its number, date and language. */
function documentLinks(docs: VisibleDocument[] | undefined, testid?: string) {
  if (!docs?.length) return nothing;
  return html`<ul class="docs" data-testid=${testid ?? nothing}>
    ${docs.map(
      (d) =>
        html`<li>
          <cds-link href=${`/api/documents/${encodeURIComponent(d.documentId)}?download=1`} download=""
            >${d.title}</cds-link
          >
          <span class="muted"
            >${d.number ? html` · <span class="num">№ ${d.number}</span>` : nothing} ·
            ${[d.date ?? '', t(`cabinet.lang.${d.lang}`)].filter(Boolean).join(' · ')}</span
          >
        </li>`,
    )}
  </ul>`;
}

const section = (id: string, title: string, body: unknown) =>
  html`<section class="cab-section" aria-labelledby=${id} data-testid=${id.replace(/^h-/, 'section-')}>
    <h3 id=${id}>${title}</h3>
    ${body}
  </section>`;

export class ApplicationCabinet extends LitElement {
  static override properties = { view: { attribute: false } };
  declare view: ApplicationView | undefined;

  protected override createRenderRoot() {
    return this;
  }

  private outcome(v: ApplicationView) {
    const o = v.outcome;
    if (!o) return nothing;
    const refused = o.kind.startsWith('refusal');
    return html`<cds-tile class=${`outcome ${refused ? 'refused' : 'granted'}`} data-testid="outcome">
      <p class="outcome-text">${tr(o.text)}</p>
      ${
        o.number || o.date
          ? html`<p>
              ${o.number ? html`<span class="num">№ ${o.number}</span>` : nothing}${
                o.date ? `${o.number ? ' · ' : ''}${o.date}` : nothing
              }
            </p>`
          : nothing
      }
      ${
        o.grounds.length
          ? html`<p>${t('cabinet.grounds')}:</p>
              <ul class="grounds">
                ${o.grounds.map((g) => html`<li>${tr(g)}</li>`)}
              </ul>`
          : nothing
      }
      ${o.reason ? html`<p>${t('reason')}: ${o.reason}</p>` : nothing}
      ${documentLinks(o.documents, 'outcome-documents')}
    </cds-tile>`;
  }

  private request(v: ApplicationView) {
    const r = v.request;
    if (!r) return nothing;
    return section(
      'h-request',
      t('documentsRequested'),
      html`<ul>
          ${r.items.map((i) => html`<li>${tr(i)}</li>`)}
        </ul>
        ${r.dueAt ? html`<p>${t('cabinet.dueBy')}: ${formatDate(r.dueAt)}</p>` : nothing}
        ${
          r.answeredAt
            ? html`<p class="ok">${t('documentsSent')}: ${formatDate(r.answeredAt)}</p>`
            : r.closed
              ? html`<p class="muted">${t('cabinet.requestClosed')}</p>`
              : nothing
        }
        ${documentLinks(r.documents)}
        ${
          r.open
            ? html`<applicant-action
                kind="missing-documents"
                .number=${v.applicationNumber}
                open
              ></applicant-action>`
            : nothing
        }`,
    );
  }

  private hearing(v: ApplicationView) {
    const hg = v.hearing;
    if (!hg) return nothing;
    return section(
      'h-hearing',
      t('hearing'),
      html`<dl class="kv">
          <dt>${t('cabinet.hearingAt')}</dt>
          <dd>${hg.at ? formatDate(hg.at) : '—'}</dd>
          ${
            hg.place
              ? html`<dt>${t('cabinet.hearingPlace')}</dt>
                  <dd class="wrap">${hg.place}</dd>`
              : nothing
          }
        </dl>
        ${
          hg.grounds.length
            ? html`<p>${t('cabinet.preliminaryGrounds')}:</p>
                <ul class="grounds">
                  ${hg.grounds.map((g) => html`<li>${tr(g)}</li>`)}
                </ul>`
            : nothing
        }
        ${
          hg.positions.length
            ? html`<p>${t('cabinet.positionsSent')}:</p>
                <ul>
                  ${hg.positions.map(
                    (p) =>
                      html`<li>
                        ${p.at ? formatDate(p.at) : ''}${p.late ? ` (${t('cabinet.late')})` : ''}:
                        <span class="wrap">${p.text}</span>
                      </li>`,
                  )}
                </ul>`
            : nothing
        }
        ${
          hg.open
            ? html`<applicant-action
                kind="hearing-position"
                .number=${v.applicationNumber}
                open
              ></applicant-action>`
            : nothing
        }`,
    );
  }

  private notices(v: ApplicationView) {
    return section(
      'h-notices',
      t('notices'),
      html`${
        v.noticesUnavailable
          ? html`<cds-inline-notification
              kind="error"
              low-contrast
              hide-close-button
              role="alert"
              title=${t('cabinet.noticesUnavailable')}
            ></cds-inline-notification>`
          : nothing
      }
      ${
        v.notices.length
          ? html`<ol class="cards" data-testid="notices">
              ${[...v.notices].reverse().map(
                (n) =>
                  html`<li>
                    <cds-tile class="notice-card">
                      <p class="when"><time datetime=${n.at}>${formatDate(n.at)}</time></p>
                      <p class="title">${tr(n.title)}</p>
                      ${n.body ? html`<p class="wrap">${tr(n.body)}</p>` : nothing}
                      ${documentLinks(n.documents)}
                    </cds-tile>
                  </li>`,
              )}
            </ol>`
          : html`<p class="muted">${t('empty')}</p>`
      }`,
    );
  }

  private history(v: ApplicationView) {
    return section(
      'h-history',
      t('cabinet.history'),
      v.history.length
        ? html`<cds-structured-list condensed data-testid="history">
            <cds-structured-list-body>
              ${v.history.map(
                (e) =>
                  html`<cds-structured-list-row>
                    <cds-structured-list-cell class="when"
                      ><time datetime=${e.at}>${formatDate(e.at)}</time></cds-structured-list-cell
                    >
                    <cds-structured-list-cell>${tr(e.text)}</cds-structured-list-cell>
                  </cds-structured-list-row>`,
              )}
            </cds-structured-list-body>
          </cds-structured-list>`
        : html`<p class="muted">${t('empty')}</p>`,
    );
  }

  private complaints(v: ApplicationView) {
    return section(
      'h-complaints',
      t('cabinet.complaints'),
      html`${v.complaints.map(
          (c) =>
            html`<cds-tile class="complaint" data-testid="complaint-item">
              <p>
                <cds-tag type=${c.state === 'reviewing' ? 'blue' : 'gray'} size="sm"
                  >${t(`cabinet.complaint.${c.state}`)}</cds-tag
                >
                ${c.registeredOn ? ` ${t('registeredOn')} ${day(c.registeredOn)}` : ''}
              </p>
              <p class="wrap">${c.text}</p>
              ${c.dueAt ? html`<p>${t('cabinet.answerDue')}: ${formatDate(c.dueAt)}</p>` : nothing}
              ${
                c.answer
                  ? html`<div class="answer">
                      <p>
                        <strong
                          >${
                            c.answer.upheld === true
                              ? t('cabinet.upheld')
                              : c.answer.upheld === false
                                ? t('cabinet.notUpheld')
                                : t('cabinet.complaint.answered')
                          }</strong
                        >
                        · ${formatDate(c.answer.at)}
                      </p>
                      ${c.answer.text ? html`<p class="wrap">${c.answer.text}</p>` : nothing}
                      ${documentLinks(c.answer.documents)}
                    </div>`
                  : nothing
              }
            </cds-tile>`,
        )} <applicant-action kind="complaint" .number=${v.applicationNumber}></applicant-action>`,
    );
  }

  override render() {
    const v = this.view;
    if (!v) return nothing;
    return html`<div class="cabinet">
      <h2>${v.applicationNumber}</h2>
      <p>${serviceName(v.serviceId)}</p>
      <dl class="kv" data-testid="application-status">
        <dt>${t('stage')}</dt>
        <dd data-testid="stage">${tr(v.stage)}</dd>
        <dt>${t('registeredOn')}</dt>
        <dd>${day(v.registeredOn)}</dd>
        ${
          v.term
            ? html`<dt>${t('cabinet.term')}</dt>
                <dd>
                  ${formatDate(v.term.dueAt)} ${urgencyTag(v.term.urgency, v.term.remainingWorkingDays)}
                </dd>`
            : nothing
        }
      </dl>
      ${this.outcome(v)} ${this.request(v)} ${this.hearing(v)} ${this.notices(v)} ${this.history(v)}
      ${this.complaints(v)}
    </div>`;
  }
}

customElements.define('application-cabinet', ApplicationCabinet);

declare global {
  interface HTMLElementTagNameMap {
    'application-cabinet': ApplicationCabinet;
  }
}
