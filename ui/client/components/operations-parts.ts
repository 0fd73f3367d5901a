/**
 * What the operator's pages share: the tabs between them, the link to an application, a day typed
 * as ДД.ММ.ГГГГ, Carbon's pagination with the catalogue's texts, and error notices.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { OpsEngineClock } from '../../api-types';
import { fill } from './staff-api';
import { t } from './boot';

const TABS = [
  ['/operations', 'ops.applications'],
  ['/operations/calendar', 'ops.calendar'],
  ['/operations/mci', 'ops.mci'],
] as const;

/** The three operator screens; `current` is the path of the one shown (none on an application's page). */
export function opsTabs(current: string): TemplateResult {
  return html`<nav class="ops-tabs" aria-label=${t('nav.operations')}>
    ${TABS.map(
      ([href, key]) =>
        html`<a href=${href} class="ops-tab" aria-current=${current === href ? 'page' : nothing}
          >${t(key)}</a
        >`,
    )}
  </nav>`;
}

export const instanceLink = (key: string, number: string | null | undefined): TemplateResult =>
  html`<a class="cds--link" href=${`/operations/instances/${key}`}>${number ?? t('ops.noNumber')}</a>`;

/** A day typed as ДД.ММ.ГГГГ (the browser's own date picker would show its locale's Latin pattern). */
export function dayInput(name: string, label: string, value = ''): TemplateResult {
  return html`<cds-text-input
    name=${name}
    data-path=${name}
    label=${label}
    .value=${value}
    inputmode="numeric"
    maxlength="10"
    placeholder=${t('ops.datePlaceholder')}
    autocomplete="off"
  ></cds-text-input>`;
}

/** A refusal or failure, in the page's light DOM so that it is read (and checked) like the rest of the page. */
export const errorNotice = (message: string): TemplateResult =>
  html`<div class="ops-problems" role="alert">
    <p><strong>${t('error')}:</strong> ${message}</p>
  </div>`;

export const loading = (): TemplateResult =>
  html`<cds-inline-loading status="active" icon-description=${t('loading')}
    >${t('loading')}</cds-inline-loading
  >`;

/** A table's header row: Carbon's data table header labels. */
export const head = (labels: string[]): TemplateResult =>
  html`<thead>
    <tr>
      ${labels.map((x) => html`<th scope="col"><span class="cds--table-header-label">${x}</span></th>`)}
    </tr>
  </thead>`;

/** The value of a Carbon input or select inside `root`, by its name. */
export function valueOf(root: ParentNode, name: string): string {
  const el = root.querySelector<HTMLElement & { value?: string }>(`[name="${CSS.escape(name)}"]`);
  return (el?.value ?? '').trim();
}

/**
 * The engine's time that decides what is overdue, above a list of terms, and the server's own time
 * beside it when the two differ (a pinned or simulated engine clock).
 */
export const engineClock = (clock: OpsEngineClock): TemplateResult =>
  html`<div class="ops-clock" data-testid="engine-clock">
    <p>${fill(t('ops.engineClock'), { at: clock.at })}</p>
    ${
      clock.wall
        ? html`<p class="ops-clock-differs" data-testid="engine-clock-differs">
            ${fill(t('ops.engineClockDiffers'), { wall: clock.wall })}
          </p>`
        : nothing
    }
  </div>`;
