/**
 * The open task of the worklist: its form (form-js, read-only until claimed, what is typed kept as
 * a draft on the server), its documents, and claim / release / complete. Claiming opens the same
 * fields with what they hold: nothing typed is reloaded or lost.
 */
import { LitElement, html, nothing } from 'lit';
import { Form } from '@bpmn-io/form-js-viewer';
import { stepName } from '../../../domain/applications/step-names';
import { formatAlmatyDateTime } from '../../../domain/almaty-time';
import type { MessageKey } from '../../../i18n';
import type { FormSchema, FormSchemaComponent, TaskDetail, TaskDraft } from '../../worklist/api-types';
import { fromFormData, toFormData } from '../datetime-fields';
import { formMessagesModule } from '../form-messages';
import { edsConfig } from '../ncalayer';
import { requestSignaturesBox, signResult } from '../eds-worklist';
import { boot, lang, t } from './boot';
import { call, fill } from './staff-api';

const DRAFT_DELAY_MS = 700;
const timeOf = (iso: string) => formatAlmatyDateTime(iso).split(' ').pop() ?? '';
const formatDate = (iso?: string) => (iso ? formatAlmatyDateTime(iso) : '—');

/** forms/i18n/<lang>.json: `{ "<formId>": { "<key>": "label" } }` or a flat `{ "<label or key>": "label" }`. */
type Labels = Record<string, string | Record<string, string>>;
let labels: Labels | null = null;

function translate(schema: FormSchema, formId?: string): FormSchema {
  if (!labels) return schema;
  const perForm = ((formId && labels[formId]) || (schema.id && labels[schema.id]) || labels) as Record<
    string,
    unknown
  >;
  const walk = (components: FormSchemaComponent[] = []): FormSchemaComponent[] =>
    components.map((c) => {
      const out = { ...c };
      const hit = [c.key, c.id, c.label, c.text]
        .map((k) => (k ? perForm[k] : undefined))
        .find((v): v is string => typeof v === 'string');
      if (hit && out.label !== undefined) out.label = hit;
      else if (hit && out.type === 'text') out.text = hit;
      if (c.components) out.components = walk(c.components);
      return out;
    });
  return { ...schema, components: walk(schema.components) };
}

/** Keys of the fields a person fills in: only these go into a draft, never the case's variables. */
function fieldKeys(schema: FormSchema): Set<string> {
  const keys = new Set<string>();
  const walk = (list: FormSchemaComponent[] | undefined) => {
    for (const c of list ?? []) {
      if (c.key && !['text', 'html', 'image', 'table', 'documentPreview', 'spacer'].includes(c.type ?? ''))
        keys.add(c.key);
      walk(c.components);
    }
  };
  walk(schema.components);
  return keys;
}

type Note = { kind: 'error' | 'success' | 'info'; text: string } | null;

export class WorklistTask extends LitElement {
  static override properties = {
    key: { type: String },
    detail: { state: true },
    note: { state: true },
    draftText: { state: true },
    busy: { state: true },
    mine: { state: true },
    previewId: { state: true },
    loadError: { state: true },
  };
  declare key: string;
  declare detail: TaskDetail | null;
  declare note: Note;
  declare draftText: string;
  declare busy: boolean;
  declare mine: boolean;
  declare previewId: string | null;
  declare loadError: string | null;

  /** form-js renders here; Lit keeps the node, so a re-render never touches what is typed. */
  private readonly formBox: HTMLDivElement = Object.assign(document.createElement('div'), {
    className: 'form-box',
  });
  private form: Form | null = null;
  private data: Record<string, unknown> = {};
  private keys = new Set<string>();
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private hadDraft = false;
  private signatures: HTMLElement | null = null;

  constructor() {
    super();
    this.key = '';
    this.detail = null;
    this.note = null;
    this.draftText = '';
    this.busy = false;
    this.mine = false;
    this.previewId = null;
    this.loadError = null;
    this.formBox.dataset.testid = 'task-form';
  }

  protected override createRenderRoot() {
    return this;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.form?.destroy();
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('key') && this.key) void this.load();
  }

  /** Whether the claim button is there, for the page's `c` key. */
  get canClaim(): boolean {
    return !!this.detail && !this.detail.task.assignee && !this.busy;
  }

  private async load() {
    const key = this.key;
    clearTimeout(this.timer);
    this.form?.destroy();
    this.form = null;
    this.ready = false;
    this.detail = null;
    this.note = null;
    this.draftText = '';
    this.loadError = null;
    this.previewId = null;
    this.formBox.replaceChildren();
    try {
      labels ??= await call<Labels>('GET', `/api/forms/i18n/${lang}`).catch(() => ({}));
      const [detail, draft] = await Promise.all([
        call<TaskDetail>('GET', `/api/tasks/${key}`),
        call<TaskDraft>('GET', `/api/tasks/${key}/draft`).catch((): TaskDraft => ({ draft: null })),
      ]);
      if (key !== this.key) return;
      this.mine = detail.task.assignee === boot.session?.userId;
      this.detail = detail;
      this.signatures = requestSignaturesBox(detail.variables.applicationNumber);
      this.mountForm(detail, draft.draft);
    } catch (err) {
      this.loadError = (err as Error).message;
    }
  }

  private mountForm(detail: TaskDetail, draft: TaskDraft['draft']) {
    this.hadDraft = !!draft;
    if (!detail.form) return;
    const schema = detail.form.schema;
    this.keys = fieldKeys(schema);
    // The form shows its case summary in the page's language (`formLanguage`, not a field: never submitted).
    const initial = { ...toFormData(schema, detail.variables), formLanguage: lang, ...(draft?.data ?? {}) };
    this.data = initial;
    if (draft) this.draftText = fill(t('wl.draftRestored'), { time: formatDate(draft.savedAt) });
    const form = new Form({
      container: this.formBox,
      properties: { disabled: !this.mine },
      additionalModules: [
        formMessagesModule((key: MessageKey, params?: Record<string, string | number>) =>
          fill(t(key), params ?? {}),
        ),
      ],
    } as never);
    this.form = form;
    form.on('changed', (e: { data: Record<string, unknown> }) => {
      this.data = e.data;
      if (this.mine && this.ready) this.scheduleDraft();
    });
    form
      .importSchema(translate(schema, detail.form.formId), initial)
      .then(() => {
        this.ready = true;
      })
      .catch((err: Error) => {
        this.note = { kind: 'error', text: err.message };
      });
  }

  private scheduleDraft() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveDraft(), DRAFT_DELAY_MS);
  }

  private async saveDraft() {
    if (!this.detail || !this.mine) return;
    const fields = Object.fromEntries(Object.entries(this.data).filter(([k]) => this.keys.has(k)));
    try {
      const r = await call<{ savedAt: string }>('PUT', `/api/tasks/${this.detail.task.userTaskKey}/draft`, {
        data: fields,
      });
      this.draftText = fill(t('wl.draftSaved'), { time: timeOf(r.savedAt) });
    } catch {
      this.draftText = t('wl.draftFailed');
    }
  }

  private changed() {
    this.dispatchEvent(new CustomEvent('task-changed', { bubbles: true }));
  }

  private async run(work: () => Promise<void>) {
    if (this.busy) return;
    this.busy = true;
    this.note = null;
    try {
      await work();
    } catch (err) {
      this.note = { kind: 'error', text: (err as Error).message };
    } finally {
      this.busy = false;
    }
  }

  claim() {
    return this.run(async () => {
      const detail = this.detail!;
      await call('POST', `/api/tasks/${detail.task.userTaskKey}/claim`);
      detail.task.assignee = boot.session?.userId ?? null;
      this.mine = true;
      this.form?.setProperty('disabled', false);
      if (this.hadDraft) await this.saveDraft();
      this.changed();
    });
  }

  private release() {
    return this.run(async () => {
      const detail = this.detail!;
      clearTimeout(this.timer);
      await this.saveDraft();
      await call('POST', `/api/tasks/${detail.task.userTaskKey}/release`);
      detail.task.assignee = null;
      this.mine = false;
      this.form?.setProperty('disabled', true);
      this.changed();
    });
  }

  private complete() {
    const detail = this.detail!;
    let variables: Record<string, unknown> = {};
    if (this.form) {
      const result = this.form.submit() as { data: Record<string, unknown>; errors: Record<string, unknown> };
      if (Object.keys(result.errors).length) {
        this.note = { kind: 'error', text: t('validationFailed') };
        return;
      }
      variables = detail.form ? fromFormData(detail.form.schema, result.data) : result.data;
    }
    clearTimeout(this.timer);
    return this.run(async () => {
      // The head signs the result with EDS before an approved signature task can complete.
      if (
        detail.task.elementId === 'Task_SignResult' &&
        variables.decision === 'approve' &&
        (await edsConfig())
      )
        await signResult(detail.task.userTaskKey);
      await call('POST', `/api/tasks/${detail.task.userTaskKey}/complete`, { variables });
      this.form?.destroy();
      this.form = null;
      this.dispatchEvent(new CustomEvent('task-completed', { bubbles: true }));
    });
  }

  private flagTag() {
    const task = this.detail!.task;
    if (task.remainingWorkingDays === null) return nothing;
    const days = Math.abs(task.remainingWorkingDays);
    const flag = task.urgency === 'overdue' ? 'overdue' : task.remainingWorkingDays <= 2 ? 'amber' : 'none';
    return deadlineTag(flag, task.remainingWorkingDays, days);
  }

  override render() {
    if (this.loadError)
      return html`<cds-inline-notification
        kind="error"
        low-contrast
        hide-close-button
        role="alert"
        .title=${this.loadError}
      ></cds-inline-notification>`;
    if (!this.detail)
      return html`<cds-inline-loading status="active" icon-description=${t('loading')}
        >${t('loading')}</cds-inline-loading
      >`;
    const { task, variables, documents } = this.detail;
    const claimed = !!task.assignee;
    return html`
      <h2 class="cds--type-heading-03">${stepName(task.elementId ?? '', lang, task.name)}</h2>
      <p class="task-meta">
        <span>${serviceName(task.processDefinitionId)}</span>
        <span>${variables.applicationNumber ?? ''}</span>
        <span>${t('due')}: ${formatDate(task.dueDate)}</span>
        ${this.flagTag()}
      </p>
      <div class="task-grid">
        <div>
          ${this.mine ? nothing : html`<p class="readonly-note">${t('wl.readOnly')}</p>`} ${this.formBox}
          ${this.detail.form ? nothing : html`<p class="muted">${t('noForm')}</p>`}
          <div class="actions">
            ${
              claimed
                ? nothing
                : html`<cds-button
                    kind="primary"
                    data-action="claim"
                    aria-keyshortcuts="c"
                    ?disabled=${this.busy}
                    @click=${() => this.claim()}
                    >${t('claim')}</cds-button
                  >`
            }
            ${
              this.mine
                ? html`<cds-button
                      kind="secondary"
                      data-action="release"
                      ?disabled=${this.busy}
                      @click=${() => this.release()}
                      >${t('release')}</cds-button
                    >
                    <cds-button
                      kind="primary"
                      data-action="complete"
                      ?disabled=${this.busy}
                      @click=${() => this.complete()}
                      >${t('complete')}</cds-button
                    >`
                : nothing
            }
          </div>
          <p class="draft-note" role="status">${this.draftText}</p>
          ${this.busy ? html`<cds-inline-loading status="active" icon-description=${t('loading')}>${t('loading')}</cds-inline-loading>` : nothing}
          ${
            this.note
              ? html`<cds-inline-notification
                  class="message"
                  kind=${this.note.kind}
                  low-contrast
                  hide-close-button
                  role=${this.note.kind === 'error' ? 'alert' : 'status'}
                  .title=${this.note.text}
                ></cds-inline-notification>`
              : nothing
          }
        </div>
        <aside>
          <h3 class="cds--type-heading-02">${t('documents')}</h3>
          ${
            documents.length
              ? html`<ul class="docs">
                  ${documents.map(
                    (d) =>
                      html`<li>
                        <cds-link
                          href="#"
                          @click=${(e: Event) => {
                            e.preventDefault();
                            this.previewId = d.documentId;
                          }}
                          >${d.title ?? t('documents')}${d.lang ? ` (${t(`cabinet.lang.${d.lang}`)})` : ''}</cds-link
                        >
                        <cds-link href=${`/api/documents/${encodeURIComponent(d.documentId)}?download=1`}
                          >${t('download')}</cds-link
                        >
                      </li>`,
                  )}
                </ul>`
              : html`<p class="muted">${t('empty')}</p>`
          }
          ${
            this.previewId
              ? html`<iframe
                  class="pdf"
                  title=${t('preview')}
                  src=${`/api/documents/${encodeURIComponent(this.previewId)}`}
                ></iframe>`
              : nothing
          }
          ${this.signatures ?? nothing}
        </aside>
      </div>
    `;
  }
}

export const serviceName = (id?: string) => (id ? (boot.texts[`service.${id}`] ?? '—') : '—');

/** The flag a person reads: red when the term passed, amber with two working days or fewer left. */
export function deadlineTag(flag: string, remaining: number, days: number) {
  const text =
    flag === 'overdue'
      ? days === 0
        ? t('wl.overdueToday')
        : fill(t('wl.overdueBy'), { days })
      : fill(t('wl.daysLeft'), { days: remaining });
  const type = flag === 'overdue' ? 'red' : flag === 'amber' ? 'warm-gray' : 'cool-gray';
  return html`<cds-tag class="badge flag-${flag}" size="sm" type=${type} data-flag=${flag}
    >${flag === 'none' ? nothing : html`<span class="sr-only">${t(`wl.flag.${flag}`)}: </span>`}${text}</cds-tag
  >`;
}

customElements.define('worklist-task', WorklistTask);
