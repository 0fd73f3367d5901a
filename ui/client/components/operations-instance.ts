/**
 * One application for the operator: its diagram (bpmn-js viewer with zoom and fit; the taken path,
 * the active steps, incidents and counts per element marked on it), the history (who did what,
 * when, why), its values, open incidents with retry and its terms. Every change (retry, cancel, a
 * value) asks for a reason in a Carbon modal; the server records it before acting.
 */
import { LitElement, html, nothing } from 'lit';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type { OpsInstanceView } from '../../api-types';
import { t } from './boot';
import { call, fill } from './staff-api';
import { urgencyTag } from './util';
import { dayInput, engineClock, errorNotice, head, loading, opsTabs } from './operations-parts';

type Variable = OpsInstanceView['variables'][number];
type Action =
  | { kind: 'cancel' }
  | { kind: 'retry'; incidentKey: string; step: string }
  | { kind: 'variable'; variable: Variable };

/** Taken path, active steps, incidents and counts per element on the diagram (bpmn-js services are untyped). */
function mark(viewer: any, data: OpsInstanceView) {
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  const visited = new Set<string>(data.diagram.visited);
  for (const id of visited) if (registry.get(id)) canvas.addMarker(id, 'ov-taken');
  // A flow between two elements the instance went through is part of its path.
  for (const flow of registry.filter((e: any) => e.type === 'bpmn:SequenceFlow')) {
    const bo = flow.businessObject;
    if (visited.has(bo.sourceRef?.id) && visited.has(bo.targetRef?.id)) canvas.addMarker(flow.id, 'ov-taken');
  }
  for (const id of data.diagram.active) if (registry.get(id)) canvas.addMarker(id, 'ov-active');
  for (const x of data.incidents)
    if (x.elementId && registry.get(x.elementId)) canvas.addMarker(x.elementId, 'ov-incident');
  for (const [id, n] of Object.entries(data.diagram.counts)) {
    const el = registry.get(id);
    if (!el || el.type === 'bpmn:Process' || el.waypoints) continue;
    const badge = document.createElement('span');
    badge.className = n.incidents ? 'ov ov-incident' : n.active ? 'ov ov-active' : 'ov-count';
    badge.textContent = `${n.active} / ${n.completed}`;
    badge.title = `${t('ops.legend.active')}: ${n.active}; ${t('ops.legend.taken')}: ${n.completed}`;
    overlays.add(id, { position: { bottom: 10, left: -6 }, html: badge });
  }
}

/** Radio buttons for a short set of choices (every option in sight), a select for a longer one. */
function choices(options: { value: string; label: string }[], current: string) {
  if (options.length <= 4)
    return html`<cds-radio-button-group
      name="value"
      legend-text=${t('ops.newValue')}
      orientation="vertical"
      .value=${current}
    >
      ${options.map(
        (o) =>
          html`<cds-radio-button
            value=${o.value}
            label-text=${o.label}
            ?checked=${o.value === current}
          ></cds-radio-button>`,
      )}
    </cds-radio-button-group>`;
  return html`<cds-select name="value" label-text=${t('ops.newValue')} .value=${current}>
    ${options.map(
      (o) =>
        html`<cds-select-item value=${o.value} ?selected=${o.value === current}>${o.label}</cds-select-item>`,
    )}
  </cds-select>`;
}

/** The field a value is changed in, by the kind of value: the operator never types a code or JSON. */
function valueEditor(v: Variable) {
  const current = v.input ?? '';
  const e = v.editor;
  switch (e.kind) {
    case 'choice':
      return choices(e.options, current);
    case 'boolean':
      return choices(
        [
          { value: 'true', label: t('ops.value.yes') },
          { value: 'false', label: t('ops.value.no') },
        ],
        current,
      );
    case 'number':
      return html`<cds-number-input
        name="value"
        label=${t('ops.newValue')}
        .value=${current}
        step="1"
        increment-button-assistive-text=${t('ops.increment')}
        decrement-button-assistive-text=${t('ops.decrement')}
      ></cds-number-input>`;
    case 'day':
      return dayInput('value', t('ops.newValue'), current);
    case 'instant': {
      const [day = '', time = ''] = current.split(' ');
      return html`<div class="day-row">
        ${dayInput('value', t('ops.newValue'), day)}
        <cds-text-input
          name="time"
          label=${t('ops.newTime')}
          .value=${time}
          inputmode="numeric"
          maxlength="5"
          placeholder=${t('ops.timePlaceholder')}
          autocomplete="off"
        ></cds-text-input>
      </div>`;
    }
    case 'text':
      return html`<cds-text-input
        name="value"
        label=${t('ops.newValue')}
        .value=${current}
        autocomplete="off"
      ></cds-text-input>`;
    default:
      return nothing;
  }
}

export class OperationsInstance extends LitElement {
  static override properties = {
    key: {},
    data: { state: true },
    error: { state: true },
    action: { state: true },
    actionError: { state: true },
    sending: { state: true },
  };
  declare key: string;
  declare data: OpsInstanceView | null;
  declare error: string | null;
  declare action: Action | null;
  declare actionError: string | null;
  declare sending: boolean;

  private viewer: any = null;

  constructor() {
    super();
    this.key = '';
    this.data = null;
    this.error = null;
    this.action = null;
    this.actionError = null;
    this.sending = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.viewer?.destroy();
    this.viewer = null;
  }

  async load() {
    try {
      const data = await call<OpsInstanceView>(
        'GET',
        `/api/ops/applications/${encodeURIComponent(this.key)}`,
      );
      this.error = null;
      this.data = data;
      await this.updateComplete;
      await this.showDiagram(data);
    } catch (err) {
      this.error = (err as Error).message;
    }
  }

  private async showDiagram(data: OpsInstanceView) {
    const container = this.querySelector<HTMLElement>('[data-testid=diagram]');
    if (!container) return;
    this.viewer?.destroy();
    container.replaceChildren();
    const viewer = new NavigatedViewer({ container });
    this.viewer = viewer;
    await viewer.importXML(data.xml);
    (viewer.get('canvas') as any).zoom('fit-viewport');
    mark(viewer, data);
  }

  private zoom(f: (c: any) => void) {
    if (this.viewer) f(this.viewer.get('canvas'));
  }

  private open(action: Action) {
    this.actionError = null;
    this.action = action;
  }

  private close() {
    this.action = null;
    this.actionError = null;
  }

  private async send(e: Event) {
    e.preventDefault();
    const action = this.action;
    if (!action || this.sending) return;
    const form = this.querySelector<HTMLFormElement>('[data-testid=reason-form]')!;
    const reason = (form.querySelector<HTMLElement & { value: string }>('[name=reason]')?.value ?? '').trim();
    this.sending = true;
    try {
      if (action.kind === 'cancel')
        await call('POST', `/api/ops/applications/${encodeURIComponent(this.key)}/cancel`, { reason });
      else if (action.kind === 'retry')
        await call('POST', `/api/ops/incidents/${encodeURIComponent(action.incidentKey)}/retry`, { reason });
      else {
        const field = (name: string) =>
          (form.querySelector<HTMLElement & { value: string }>(`[name=${name}]`)?.value ?? '').trim();
        const kind = action.variable.editor.kind;
        const value =
          kind === 'boolean'
            ? field('value') === 'true'
            : kind === 'instant'
              ? `${field('value')} ${field('time')}`
              : field('value');
        await call(
          'PUT',
          `/api/ops/applications/${encodeURIComponent(this.key)}/variables/${encodeURIComponent(action.variable.name)}`,
          { value, reason },
        );
      }
      this.action = null;
      await this.load();
    } catch (err) {
      this.actionError = (err as Error).message;
    } finally {
      this.sending = false;
    }
  }

  private renderModal() {
    const a = this.action;
    const number = this.data?.instance.applicationNumber ?? t('ops.noNumber');
    const title = !a
      ? ''
      : a.kind === 'cancel'
        ? fill(t('ops.cancelTitle'), { number })
        : a.kind === 'retry'
          ? `${t('ops.retry')}: ${a.step}`
          : `${t('ops.edit')}: ${a.variable.label}`;
    const submit = !a
      ? ''
      : a.kind === 'cancel'
        ? t('ops.cancel')
        : a.kind === 'retry'
          ? t('ops.retry')
          : t('ops.save');
    const v = a?.kind === 'variable' ? a.variable : null;
    return html`<cds-modal
      ?open=${!!a}
      data-testid="reason-modal"
      ?danger=${a?.kind === 'cancel'}
      @cds-modal-closed=${() => this.close()}
    >
      <cds-modal-header>
        <cds-modal-close-button close-button-label=${t('ops.close')}></cds-modal-close-button>
        <cds-modal-heading>${title}</cds-modal-heading>
      </cds-modal-header>
      <cds-modal-body>
        ${
          a
            ? html`<form class="reason-form" data-testid="reason-form" @submit=${this.send}>
                ${
                  v
                    ? html`<p class="muted">${t('ops.col.value')}: ${v.value}</p>
                        ${valueEditor(v)}`
                    : nothing
                }
                <cds-textarea
                  name="reason"
                  data-testid="reason"
                  label=${t('ops.reason')}
                  rows="3"
                  maxlength="1000"
                  required
                ></cds-textarea>
                ${this.actionError ? errorNotice(this.actionError) : nothing}
              </form>`
            : nothing
        }
      </cds-modal-body>
      <cds-modal-footer>
        <cds-modal-footer-button kind="secondary" data-modal-close>${t('ops.close')}</cds-modal-footer-button>
        <cds-modal-footer-button
          kind=${a?.kind === 'cancel' ? 'danger' : 'primary'}
          data-testid="reason-submit"
          ?disabled=${this.sending}
          @click=${() => this.querySelector<HTMLFormElement>('[data-testid=reason-form]')?.requestSubmit()}
          >${this.sending ? t('sending') : submit}</cds-modal-footer-button
        >
      </cds-modal-footer>
    </cds-modal>`;
  }

  private renderValues(data: OpsInstanceView) {
    return html`<div class="table-wrap">
      <table class="cds--data-table cds--data-table--sm grid" data-testid="values">
        ${head([t('ops.col.name'), t('ops.col.value'), ''])}
        <tbody>
          ${data.variables.map(
            (v) =>
              html`<tr>
                <th scope="row">${v.label}</th>
                <td class="value">${v.value}</td>
                <td>
                  ${
                    v.editable
                      ? html`<cds-button
                          size="sm"
                          kind="ghost"
                          data-testid="edit-value"
                          data-variable=${v.name}
                          @click=${() => this.open({ kind: 'variable', variable: v })}
                          >${t('ops.edit')}</cds-button
                        >`
                      : v.protected
                        ? html`<cds-tag type="cool-gray" size="sm">${t('ops.protected')}</cds-tag>`
                        : v.editor.kind === 'fixed'
                          ? html`<span class="muted ops-fixed" data-testid="value-fixed"
                              >${v.editor.why}</span
                            >`
                          : nothing
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderIncidents(data: OpsInstanceView) {
    if (!data.incidents.length) return html`<p class="muted">${t('ops.noIncidents')}</p>`;
    return html`<ul class="ops-incidents" data-testid="instance-incidents">
      ${data.incidents.map(
        (x) =>
          html`<li>
            <strong>${x.step}</strong> — ${x.error} (<span class="nowrap">${x.since}</span>)
            <cds-button
              size="sm"
              kind="tertiary"
              data-testid="retry"
              @click=${() => this.open({ kind: 'retry', incidentKey: x.incidentKey, step: x.step })}
              >${t('ops.retry')}</cds-button
            >
          </li>`,
      )}
    </ul>`;
  }

  private renderTerms(data: OpsInstanceView) {
    if (!data.deadlines.length) return html`<p class="muted">${t('empty')}</p>`;
    return html`${engineClock(data.clock)}
      <ul class="ops-terms" data-testid="instance-terms">
        ${data.deadlines.map(
          (d) =>
            html`<li>
              ${d.step}: <span class="nowrap">${d.due}</span> ${urgencyTag(d.urgency, d.remainingWorkingDays)}
            </li>`,
        )}
      </ul>`;
  }

  override render() {
    if (this.error) return html`${opsTabs('')} ${errorNotice(this.error)}`;
    const data = this.data;
    if (!data) return loading();
    const i = data.instance;
    const number = i.applicationNumber ?? t('ops.noNumber');
    return html`${opsTabs('')}
      <p><a class="cds--link" href="/operations">← ${t('back')}</a></p>
      <h1 class="cds--type-heading-04">${i.service} · ${number}</h1>
      <p class="muted" data-testid="instance-state">
        ${t('ops.col.state')}: ${i.stateLabel} · ${t('ops.col.started')}: ${i.started}
        ${i.ended ? html` · ${t('ops.col.ended')}: ${i.ended}` : nothing}
        ${i.version ? html` · ${fill(t('ops.version'), { version: i.version })}` : nothing}
        ${data.activeSteps.length ? html` · ${t('ops.activeSteps')}: ${data.activeSteps.join(', ')}` : nothing}
      </p>
      ${
        i.cancellable
          ? html`<p>
              <cds-button
                kind="danger"
                data-testid="cancel-instance"
                @click=${() => this.open({ kind: 'cancel' })}
                >${t('ops.cancel')}</cds-button
              >
            </p>`
          : nothing
      }
      <h2 class="cds--type-heading-03">${t('ops.diagram')}</h2>
      <div class="diagram-tools">
        <cds-button
          size="sm"
          kind="tertiary"
          data-testid="zoom-in"
          @click=${() => this.zoom((c) => c.zoom(c.zoom() * 1.25))}
          >+ ${t('ops.zoomIn')}</cds-button
        >
        <cds-button
          size="sm"
          kind="tertiary"
          data-testid="zoom-out"
          @click=${() => this.zoom((c) => c.zoom(c.zoom() / 1.25))}
          >− ${t('ops.zoomOut')}</cds-button
        >
        <cds-button
          size="sm"
          kind="tertiary"
          data-testid="zoom-fit"
          @click=${() => this.zoom((c) => c.zoom('fit-viewport', 'auto'))}
          >${t('ops.fit')}</cds-button
        >
        <span class="legend">
          <span><span class="swatch taken"></span>${t('ops.legend.taken')}</span>
          <span><span class="swatch active"></span>${t('ops.legend.active')}</span>
          <span><span class="swatch incident"></span>${t('ops.legend.incident')}</span>
          <span class="muted">${t('ops.legend.counts')}</span>
        </span>
      </div>
      <div class="canvas" data-testid="diagram"></div>
      <div class="ops-grid">
        <div>
          <h2 class="cds--type-heading-03">${t('ops.incidentsTitle')}</h2>
          ${this.renderIncidents(data)}
          <h2 class="cds--type-heading-03">${t('ops.terms')}</h2>
          ${this.renderTerms(data)}
        </div>
        <div>
          <h2 class="cds--type-heading-03">${t('ops.values')}</h2>
          ${this.renderValues(data)}
        </div>
      </div>
      <h2 class="cds--type-heading-03">${t('ops.history')}</h2>
      <div class="table-wrap">
        <table class="cds--data-table cds--data-table--sm grid" data-testid="history">
          ${head([t('ops.col.when'), t('ops.col.step'), t('ops.col.what'), t('ops.col.who'), t('ops.col.reason')])}
          <tbody>
            ${data.history.map(
              (e) =>
                html`<tr>
                  <td class="nowrap">${e.when}</td>
                  <td>${e.step}</td>
                  <td>${e.what}</td>
                  <td>${e.who}</td>
                  <td>${e.reason ?? ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.renderModal()}`;
  }
}

customElements.define('operations-instance', OperationsInstance);

declare global {
  interface HTMLElementTagNameMap {
    'operations-instance': OperationsInstance;
  }
}
