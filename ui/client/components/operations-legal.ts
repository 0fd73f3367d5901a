/**
 * The legal clock's data for the operator: the working-day calendar's revisions and the MCI per
 * year, each with its legal basis (act, paragraph, date), and forms recording a new one. The
 * server checks every field and names the wrong ones; they are marked where they were typed.
 */
import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import type { OpsCalendarView, OpsMciView, OpsProblem } from '../../api-types';
import { lang, t } from './boot';
import { StaffApiError, call, fill } from './staff-api';
import { clearFieldErrors, showFieldErrors } from './util';
import { dayInput, errorNotice, head, loading, opsTabs, valueOf } from './operations-parts';

const basisFields = () =>
  html`<fieldset class="cds--fieldset ops-basis">
    <legend class="cds--label">${t('ops.basis')}</legend>
    <cds-text-input name="act" data-path="act" label=${t('ops.basis.act')} maxlength="300"></cds-text-input>
    <cds-text-input
      name="paragraph"
      data-path="paragraph"
      label=${t('ops.basis.paragraph')}
      maxlength="100"
    ></cds-text-input>
    ${dayInput('actDate', t('ops.basis.actDate'))}
  </fieldset>`;

const basisOf = (form: HTMLFormElement) => ({
  act: valueOf(form, 'act'),
  paragraph: valueOf(form, 'paragraph'),
  actDate: valueOf(form, 'actDate'),
});

/** A form's outcome: recorded, or refused with each wrong field marked and listed. */
type Outcome = { ok: string } | { error: string; problems: OpsProblem[] } | null;

function outcomeOf(form: HTMLFormElement, err: unknown): Outcome {
  const body = err instanceof StaffApiError ? (err.body as { problems?: OpsProblem[] } | null) : null;
  const problems = body?.problems ?? [];
  showFieldErrors(
    form,
    problems.map((p) => ({ path: p.field, kk: p.kk, ru: p.ru })),
  );
  return { error: (err as Error).message, problems };
}

function renderOutcome(outcome: Outcome) {
  if (!outcome) return nothing;
  if ('ok' in outcome)
    return html`<cds-inline-notification
      kind="success"
      low-contrast
      hide-close-button
      role="status"
      data-testid="recorded"
      title=${outcome.ok}
    ></cds-inline-notification>`;
  return html`<div class="ops-problems" role="alert">
    <p><strong>${outcome.error}</strong></p>
    ${
      outcome.problems.length
        ? html`<ul>
            ${outcome.problems.map((p) => html`<li>${lang === 'ru' ? p.ru : p.kk}</li>`)}
          </ul>`
        : nothing
    }
  </div>`;
}

/** A screen of the legal clock's data: its list from `url`, and a form whose outcome is shown under it. */
abstract class LegalScreen<T> extends LitElement {
  static override properties: PropertyDeclarations = {
    data: { state: true },
    error: { state: true },
    outcome: { state: true },
    sending: { state: true },
  };
  declare data: T | null;
  declare error: string | null;
  declare outcome: Outcome;
  declare sending: boolean;

  protected abstract readonly url: string;

  constructor() {
    super();
    this.data = null;
    this.error = null;
    this.outcome = null;
    this.sending = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected async load() {
    try {
      this.data = await call<T>('GET', this.url);
      this.error = null;
    } catch (err) {
      this.error = (err as Error).message;
    }
  }

  /** Empties the form once what it held is recorded, so that nothing is sent twice by mistake. */
  protected clear(form: HTMLFormElement) {
    type Field = HTMLElement & { value: string };
    form.querySelectorAll<Field>('cds-text-input, cds-textarea').forEach((el) => (el.value = ''));
    form
      .querySelectorAll<Field>('cds-select')
      .forEach((el) => (el.value = el.querySelector<Field>('cds-select-item')?.value ?? ''));
  }

  /** Sends what the form `e` came from holds (`body`) and says what was recorded, or marks what is wrong. */
  protected async record<R>(
    e: Event,
    url: string,
    body: (form: HTMLFormElement) => unknown,
    recorded: (r: R) => string,
  ) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    clearFieldErrors(form);
    this.sending = true;
    try {
      const r = await call<R>('POST', url, body(form));
      this.outcome = { ok: recorded(r) };
      this.clear(form);
      await this.load();
    } catch (err) {
      this.outcome = outcomeOf(form, err);
    } finally {
      this.sending = false;
    }
  }
}

export class OperationsCalendar extends LegalScreen<OpsCalendarView> {
  static override properties: PropertyDeclarations = { rows: { state: true } };
  declare rows: number;
  protected readonly url = '/api/ops/calendar';

  constructor() {
    super();
    this.rows = 1;
  }

  protected override clear(form: HTMLFormElement) {
    super.clear(form);
    this.rows = 1;
  }

  private submit(e: Event) {
    return this.record<{ id: string; effective: string; recorded: string; rearmed: number }>(
      e,
      '/api/ops/calendar/revisions',
      (form) => ({
        id: valueOf(form, 'id'),
        effectiveFrom: valueOf(form, 'effectiveFrom'),
        ...basisOf(form),
        changes: Array.from({ length: this.rows }, (_, n) => ({
          date: valueOf(form, `changes.${n}.date`),
          kind: valueOf(form, `changes.${n}.kind`),
          name: valueOf(form, `changes.${n}.name`) || undefined,
        })),
      }),
      (r) =>
        fill(t('ops.calendar.recorded'), {
          id: r.id,
          recorded: r.recorded,
          effective: r.effective,
          count: r.rearmed,
        }),
    );
  }

  private renderRevisions() {
    if (this.error) return errorNotice(this.error);
    const data = this.data;
    if (!data) return loading();
    if (!data.revisions.length) return html`<p class="muted" role="status">${t('empty')}</p>`;
    return html`<div class="table-wrap">
      <table class="cds--data-table cds--data-table--md grid" data-testid="calendar-revisions">
        ${head([
          t('ops.calendar.id'),
          t('ops.calendar.effectiveFrom'),
          t('ops.calendar.changes'),
          t('ops.basis'),
          t('ops.recordedAt'),
          t('ops.author'),
        ])}
        <tbody>
          ${data.revisions.map(
            (r) =>
              html`<tr>
                <td>${r.id}</td>
                <td class="nowrap">${r.effective}</td>
                <td>
                  <ul>
                    ${r.changes.map((c) => html`<li>${c.date}: ${c.kind}${c.name ? ` (${c.name})` : ''}</li>`)}
                  </ul>
                </td>
                <td>${r.legalBasis}</td>
                <td class="nowrap">${r.recorded}</td>
                <td>${r.author}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const kinds = this.data?.kinds ?? [];
    return html`<h1 class="cds--type-heading-04">${t('ops.calendar')}</h1>
      ${opsTabs('/operations/calendar')}
      <h2 class="cds--type-heading-03">${t('ops.calendar.revisions')}</h2>
      ${this.renderRevisions()}
      <h2 class="cds--type-heading-03">${t('ops.calendar.new')}</h2>
      <form class="ops-form" data-testid="calendar-form" @submit=${this.submit}>
        <cds-text-input
          name="id"
          data-path="id"
          label=${t('ops.calendar.id')}
          maxlength="60"
        ></cds-text-input>
        ${dayInput('effectiveFrom', t('ops.calendar.effectiveFrom'))}
        <fieldset class="cds--fieldset" data-path="changes">
          <legend class="cds--label">${t('ops.calendar.changes')}</legend>
          ${Array.from(
            { length: this.rows },
            (_, n) =>
              html`<div class="day-row">
                ${dayInput(`changes.${n}.date`, t('ops.calendar.date'))}
                <cds-select
                  name=${`changes.${n}.kind`}
                  data-path=${`changes.${n}.kind`}
                  label-text=${t('ops.calendar.kind')}
                >
                  ${kinds.map((k, i) => html`<cds-select-item value=${k.id} ?selected=${i === 0}>${k.name}</cds-select-item>`)}
                </cds-select>
                <cds-text-input
                  name=${`changes.${n}.name`}
                  data-path=${`changes.${n}.name`}
                  label=${t('ops.calendar.dayName')}
                  maxlength="100"
                ></cds-text-input>
              </div>`,
          )}
          <div>
            <cds-button kind="ghost" size="sm" data-testid="add-day" @click=${() => (this.rows += 1)}
              >+ ${t('ops.calendar.addDay')}</cds-button
            >
          </div>
        </fieldset>
        ${basisFields()}
        <div><cds-button type="submit" ?disabled=${this.sending}>${t('ops.record')}</cds-button></div>
        <div aria-live="polite">${renderOutcome(this.outcome)}</div>
      </form>`;
  }
}

export class OperationsMci extends LegalScreen<OpsMciView> {
  protected readonly url = '/api/ops/mci';

  private submit(e: Event) {
    return this.record<{ year: number; mci: number }>(
      e,
      '/api/ops/mci',
      (form) => ({ year: valueOf(form, 'year'), mci: valueOf(form, 'mci'), ...basisOf(form) }),
      (r) => fill(t('ops.mci.recorded'), { year: r.year }),
    );
  }

  private renderYears() {
    if (this.error) return errorNotice(this.error);
    const data = this.data;
    if (!data) return loading();
    const number = new Intl.NumberFormat('ru-RU');
    return html`<div class="table-wrap">
      <table class="cds--data-table cds--data-table--md grid" data-testid="mci-years">
        ${head([t('ops.mci.year'), t('ops.mci.value'), t('ops.basis'), t('ops.recordedAt'), t('ops.author')])}
        <tbody>
          ${data.years.map(
            (y) =>
              html`<tr>
                <td>${y.year}</td>
                <td class="nowrap">${number.format(y.mci)}</td>
                <td>${y.legalBasis}</td>
                <td class="nowrap">${y.recorded ?? t('ops.mci.shipped')}</td>
                <td>${y.author ?? '—'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    return html`<h1 class="cds--type-heading-04">${t('ops.mci')}</h1>
      ${opsTabs('/operations/mci')} ${this.renderYears()}
      <h2 class="cds--type-heading-03">${t('ops.mci.new')}</h2>
      <form class="ops-form" data-testid="mci-form" @submit=${this.submit}>
        <cds-text-input
          name="year"
          data-path="year"
          label=${t('ops.mci.year')}
          inputmode="numeric"
          maxlength="4"
        ></cds-text-input>
        <cds-text-input
          name="mci"
          data-path="mci"
          label=${t('ops.mci.value')}
          inputmode="numeric"
          maxlength="7"
        ></cds-text-input>
        ${basisFields()}
        <div><cds-button type="submit" ?disabled=${this.sending}>${t('ops.record')}</cds-button></div>
        <div aria-live="polite">${renderOutcome(this.outcome)}</div>
      </form>`;
  }
}

customElements.define('operations-calendar', OperationsCalendar);
customElements.define('operations-mci', OperationsMci);
