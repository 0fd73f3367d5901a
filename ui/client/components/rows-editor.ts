/**
 * A list of rows the applicant adds and removes (specialists, instruments, guarded objects). Each
 * field carries `data-path="<list>.<row>.<key>"`, the path the server's validation errors name.
 */
import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '@carbon/web-components/es/components/text-input/index.js';
import '@carbon/web-components/es/components/select/index.js';
import '@carbon/web-components/es/components/button/index.js';
import { t } from './boot';

export interface RowColumn {
  key: string;
  label: string;
  /** A text field (default), a date, or a choice of values with their labels. */
  kind?: 'text' | 'numeric' | 'date';
  options?: { value: string; label: string }[];
}

let nextRowId = 0;

export class RowsEditor extends LitElement {
  static override properties = {
    list: {},
    legend: {},
    columns: { attribute: false },
    rows: { state: true },
  };
  declare list: string;
  declare legend: string;
  declare columns: RowColumn[];
  declare rows: number[];

  constructor() {
    super();
    this.list = '';
    this.legend = '';
    this.columns = [];
    this.rows = [nextRowId++];
  }

  protected override createRenderRoot() {
    return this;
  }

  /** The rows as the applicant typed them, trimmed. */
  values(): Record<string, string>[] {
    return Array.from(this.querySelectorAll<HTMLElement>('li.row')).map((row) =>
      Object.fromEntries(
        Array.from(row.querySelectorAll<HTMLElement & { value: string }>('[data-key]')).map((el) => [
          el.dataset.key!,
          String(el.value ?? '').trim(),
        ]),
      ),
    );
  }

  private add() {
    this.rows = [...this.rows, nextRowId++];
    void this.updateComplete.then(() =>
      this.querySelector<HTMLElement>('li.row:last-child [data-key]')?.focus(),
    );
  }

  private removeRow(id: number) {
    this.rows = this.rows.filter((r) => r !== id);
    void this.updateComplete.then(() =>
      this.querySelector<HTMLElement>(`[data-testid=add-${this.list}]`)?.focus(),
    );
  }

  private field(c: RowColumn, i: number) {
    const id = `f-${this.list}-${i}-${c.key}`;
    const path = `${this.list}.${i}.${c.key}`;
    if (c.options)
      return html`<cds-select
        id=${id}
        data-key=${c.key}
        data-path=${path}
        label-text=${c.label}
        value=${c.options[0]?.value ?? ''}
      >
        ${c.options.map((o) => html`<cds-select-item value=${o.value}>${o.label}</cds-select-item>`)}
      </cds-select>`;
    return html`<cds-text-input
      id=${id}
      data-key=${c.key}
      data-path=${path}
      label=${c.label}
      type=${c.kind === 'date' ? 'date' : 'text'}
      autocomplete="off"
    ></cds-text-input>`;
  }

  override render() {
    return html`<fieldset class="rows-editor" data-path=${this.list} tabindex="-1">
      <legend>${this.legend}</legend>
      <ol class="rows" data-testid=${`rows-${this.list}`}>
        ${repeat(
          this.rows,
          (id) => id,
          (id, i) =>
            html`<li class="row">
              ${this.columns.map((c) => this.field(c, i))}
              <cds-button
                kind="ghost"
                size="md"
                class="remove"
                aria-label=${`${t('removeRow')} ${i + 1}`}
                @click=${() => this.removeRow(id)}
                >${t('removeRow')}</cds-button
              >
            </li>`,
        )}
      </ol>
      ${
        this.rows.length === 0
          ? html`<p class="muted" data-testid=${`rows-${this.list}-empty`}>${t('noRows')}</p>`
          : ''
      }
      <cds-button kind="tertiary" size="md" data-testid=${`add-${this.list}`} @click=${() => this.add()}
        >${t('addRow')}</cds-button
      >
    </fieldset>`;
  }
}

customElements.define('rows-editor', RowsEditor);

declare global {
  interface HTMLElementTagNameMap {
    'rows-editor': RowsEditor;
  }
}
