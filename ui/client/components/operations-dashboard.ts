/**
 * The operator's start page: running and finished applications (filters and paging done by the
 * server), the working-day deadline board by the engine's clock, and open incidents by application
 * and step name. The filters are kept in the address, so a reload or a shared link comes back to them.
 */
import { LitElement, html, nothing } from 'lit';
import type {
  OpsApplicationList,
  OpsDeadlineBoard,
  OpsDeadlineRow,
  OpsIncidentList,
  OpsUncomputableDeadline,
} from '../../api-types';
import { lang, t } from './boot';
import { call } from './staff-api';
import { formatDate, pagination, urgencyTag } from './util';
import {
  dayInput,
  engineClock,
  errorNotice,
  head,
  instanceLink,
  loading,
  opsTabs,
  valueOf,
} from './operations-parts';

const FILTERS = ['state', 'service', 'from', 'to', 'q'] as const;
const STATES = ['active', 'completed', 'terminated'] as const;
/** "Any" in a select (Carbon's select shows nothing for an empty value); not sent to the server. */
const ANY = 'any';

/** A term's step by its catalogue name; a step the catalogue does not name is "a term". */
const termStep = (step: string) => {
  const name = t(`step.${step}`);
  return name === `step.${step}` ? t('ops.kind.term') : name;
};

export class OperationsDashboard extends LitElement {
  static override properties = {
    list: { state: true },
    listError: { state: true },
    board: { state: true },
    boardError: { state: true },
    incidents: { state: true },
    incidentsError: { state: true },
  };
  declare list: OpsApplicationList | null;
  declare listError: string | null;
  declare board: OpsDeadlineBoard | null;
  declare boardError: string | null;
  declare incidents: OpsIncidentList | null;
  declare incidentsError: string | null;

  private filters: Record<(typeof FILTERS)[number], string>;
  private services: { id: string; name: string }[] = [];

  constructor() {
    super();
    const params = new URLSearchParams(location.search);
    this.filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<
      (typeof FILTERS)[number],
      string
    >;
    this.list = null;
    this.listError = null;
    this.board = null;
    this.boardError = null;
    this.incidents = null;
    this.incidentsError = null;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.loadList(1);
    void this.loadBoard(1);
    void this.loadIncidents(1);
  }

  private async loadList(page: number) {
    const query = new URLSearchParams();
    for (const k of FILTERS) if (this.filters[k]) query.set(k, this.filters[k]);
    history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
    query.set('page', String(page));
    try {
      this.list = await call<OpsApplicationList>('GET', `/api/ops/applications?${query}`);
      this.services = this.list.services;
      this.listError = null;
    } catch (err) {
      this.listError = (err as Error).message;
    }
  }

  private async loadBoard(page: number) {
    try {
      this.board = await call<OpsDeadlineBoard>('GET', `/api/ops/deadlines?page=${page}`);
      this.boardError = null;
    } catch (err) {
      this.boardError = (err as Error).message;
    }
  }

  private async loadIncidents(page: number) {
    try {
      this.incidents = await call<OpsIncidentList>('GET', `/api/ops/incidents?page=${page}`);
      this.incidentsError = null;
    } catch (err) {
      this.incidentsError = (err as Error).message;
    }
  }

  private submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    for (const k of FILTERS) {
      const value = valueOf(form, k);
      this.filters[k] = value === ANY ? '' : value;
    }
    void this.loadList(1);
  }

  private renderFilters() {
    const f = this.filters;
    return html`<form
      class="ops-filters"
      role="search"
      data-testid="ops-filters"
      @submit=${this.submit}
      @keydown=${(e: KeyboardEvent) => {
        // Enter in a field submits, as in a native form (Carbon's inputs sit in their own shadow roots).
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'CDS-TEXT-INPUT') {
          e.preventDefault();
          (e.currentTarget as HTMLFormElement).requestSubmit();
        }
      }}
    >
      <cds-select name="state" label-text=${t('ops.filter.state')} .value=${f.state || ANY}>
        <cds-select-item value=${ANY} ?selected=${!f.state}>${t('ops.filter.any')}</cds-select-item>
        ${STATES.map(
          (s) =>
            html`<cds-select-item value=${s} ?selected=${f.state === s}
              >${t(`ops.state.${s}`)}</cds-select-item
            >`,
        )}
      </cds-select>
      <cds-select name="service" label-text=${t('ops.filter.service')} .value=${f.service || ANY}>
        <cds-select-item value=${ANY} ?selected=${!f.service}>${t('ops.filter.any')}</cds-select-item>
        ${this.services.map(
          (s) =>
            html`<cds-select-item value=${s.id} ?selected=${f.service === s.id}>${s.name}</cds-select-item>`,
        )}
      </cds-select>
      ${dayInput('from', t('ops.filter.from'), f.from)} ${dayInput('to', t('ops.filter.to'), f.to)}
      <cds-text-input
        class="ops-q"
        name="q"
        type="search"
        label=${t('ops.filter.number')}
        .value=${f.q}
        autocomplete="off"
      ></cds-text-input>
      <div class="ops-filter-buttons">
        <cds-button type="submit" data-testid="ops-apply">${t('ops.filter.apply')}</cds-button>
        <cds-button kind="ghost" href="/operations">${t('ops.filter.reset')}</cds-button>
      </div>
    </form>`;
  }

  private renderList() {
    if (this.listError) return errorNotice(this.listError);
    const data = this.list;
    if (!data) return loading();
    return html`<div class="table-wrap">
        <table class="cds--data-table cds--data-table--md grid" data-testid="applications">
          ${head([
            t('ops.col.number'),
            t('ops.col.applicant'),
            t('ops.col.service'),
            t('ops.col.state'),
            t('ops.col.started'),
            t('ops.col.ended'),
            t('ops.col.steps'),
          ])}
          <tbody>
            ${data.items.map(
              (i) =>
                html`<tr data-state=${i.state}>
                  <td class="nowrap">${instanceLink(i.processInstanceKey, i.applicationNumber)}</td>
                  <td>${i.applicant ?? '—'}</td>
                  <td>${i.service}</td>
                  <td>
                    ${i.stateLabel}
                    ${i.hasIncident ? html`<cds-tag type="red" size="sm">${t('ops.hasIncident')}</cds-tag>` : nothing}
                  </td>
                  <td class="nowrap">${i.started}</td>
                  <td class="nowrap">${i.ended ?? '—'}</td>
                  <td>${i.steps.join(', ') || '—'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        // The table keeps its headers when nothing matches, and says so below.
        data.items.length
          ? pagination(data.page, (n) => void this.loadList(n))
          : html`<p class="muted" role="status">${t('empty')}</p>`
      }`;
  }

  private band(title: string, rows: OpsDeadlineRow[], urgency: string) {
    // Each band by the legal deadline, earliest first (the engine's clock decided the bands).
    const sorted = [...rows].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    return html`<div class=${`band u-${urgency}`}>
      <h3 class="cds--type-heading-02">${title} (${rows.length})</h3>
      ${
        sorted.length
          ? html`<ul>
              ${sorted.map(
                (r) =>
                  html`<li>
                    ${instanceLink(r.processInstanceKey, r.applicationNumber)} · ${termStep(r.step)} ·
                    <span class="nowrap">${formatDate(r.dueAt)}</span>
                    ${urgencyTag(r.urgency, r.remainingWorkingDays)}
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t('empty')}</p>`
      }
    </div>`;
  }

  private renderBoard() {
    if (this.boardError) return errorNotice(this.boardError);
    const data = this.board;
    if (!data) return loading();
    const uncomputable: OpsUncomputableDeadline[] = data.uncomputable ?? [];
    return html`${engineClock(data.clock)}
      <div class="bands" data-testid="deadline-board">
        ${this.band(t('overdue'), data.overdue, 'overdue')}
        ${this.band(t('dueToday'), data.dueToday, 'last-day')}
        ${this.band(t('within2'), data.within2, 'soon')}
        ${
          uncomputable.length
            ? html`<div class="band u-overdue" data-testid="deadline-uncomputable">
                <h3 class="cds--type-heading-02">${t('uncomputable')} (${uncomputable.length})</h3>
                <ul>
                  ${uncomputable.map(
                    (r) =>
                      html`<li>
                        ${instanceLink(r.processInstanceKey, r.applicationNumber)} · ${termStep(r.step)} ·
                        ${lang === 'ru' ? r.ru : r.kk}
                      </li>`,
                  )}
                </ul>
              </div>`
            : nothing
        }
      </div>
      ${pagination(data.page, (n) => void this.loadBoard(n))}`;
  }

  private renderIncidents() {
    if (this.incidentsError) return errorNotice(this.incidentsError);
    const data = this.incidents;
    if (!data) return loading();
    if (!data.items.length) return html`<p class="muted" role="status">${t('ops.noIncidents')}</p>`;
    return html`<div class="table-wrap">
        <table class="cds--data-table cds--data-table--sm grid" data-testid="incidents">
          ${head([t('ops.col.number'), t('ops.col.step'), t('ops.col.error'), t('ops.col.since')])}
          <tbody>
            ${data.items.map(
              (x) =>
                html`<tr>
                  <td class="nowrap">${instanceLink(x.processInstanceKey, x.applicationNumber)}</td>
                  <td>${x.step}</td>
                  <td>${x.error}</td>
                  <td class="nowrap">${x.since}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${pagination(data.page, (n) => void this.loadIncidents(n))}`;
  }

  override render() {
    return html`<h1 class="cds--type-heading-04">${t('nav.operations')}</h1>
      ${opsTabs('/operations')}
      <section aria-labelledby="h-apps">
        <h2 id="h-apps" class="cds--type-heading-03">${t('ops.applications')}</h2>
        ${this.renderFilters()} ${this.renderList()}
      </section>
      <div class="ops-grid">
        <section aria-labelledby="h-deadlines">
          <h2 id="h-deadlines" class="cds--type-heading-03">${t('deadlines')}</h2>
          ${this.renderBoard()}
        </section>
        <section aria-labelledby="h-incidents">
          <h2 id="h-incidents" class="cds--type-heading-03">${t('ops.incidentsTitle')}</h2>
          ${this.renderIncidents()}
        </section>
      </div>`;
  }
}

customElements.define('operations-dashboard', OperationsDashboard);
