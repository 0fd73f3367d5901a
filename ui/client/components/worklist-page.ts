/**
 * The clerk's worklist: views (mine, not yet taken, all of my groups, completed by me) as tabs with
 * counts, search, sort and paging done by the server; the list is refreshed when the server says
 * its view changed (server-sent events, `GET /api/tasks/events`), by polling while that stream is
 * down; the open task is left alone. Keys: j/k or arrows move, Enter opens, c claims, / searches.
 */
import { LitElement, html, nothing } from 'lit';
import { stepName } from '../../../domain/applications/step-names';
import { formatAlmatyDateTime } from '../../../domain/almaty-time';
import type { WorklistItem, WorklistSort, WorklistView, WorklistViewName } from '../../worklist/api-types';
import { boot, lang, t } from './boot';
import { call, fill } from './staff-api';
import { deadlineTag, serviceName, type WorklistTask } from './worklist-task';
import { pagination } from './util';

const VIEWS: readonly WorklistViewName[] = ['mine', 'unassigned', 'group', 'completed'];
const SORTS: readonly WorklistSort[] = ['deadline', 'created', 'step'];
/** Polling while the event stream is down. */
const POLL_MS = 5_000;
const SEARCH_DELAY_MS = 400;

const timeOf = (iso: string) => formatAlmatyDateTime(iso).split(' ').pop() ?? '';
const formatDate = (iso?: string) => (iso ? formatAlmatyDateTime(iso) : '—');
const oneOf = <T extends string>(v: string | null, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(v ?? '') ? (v as T) : fallback;

/** Who holds a task, as a person reads it (user names are sign-in ids, not names). */
const assigneeText = (assignee: string | null) =>
  !assignee ? '—' : assignee === boot.session?.userId ? t('wl.assignee.me') : t('wl.assignee.other');

export class WorklistPage extends LitElement {
  static override properties = {
    view: { state: true },
    sort: { state: true },
    q: { state: true },
    page: { state: true },
    data: { state: true },
    error: { state: true },
    selected: { state: true },
    completedNote: { state: true },
  };
  declare view: WorklistViewName;
  declare sort: WorklistSort;
  declare q: string;
  declare page: number;
  declare data: WorklistView | null;
  declare error: string | null;
  declare selected: string | null;
  declare completedNote: boolean;

  private lastList = '';
  private events: EventSource | null = null;
  private poll: ReturnType<typeof setInterval> | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    // The clerk's place is in the address, so a reload or a shared link comes back to it.
    const params = new URLSearchParams(location.search);
    this.view = oneOf(params.get('view'), VIEWS, 'group');
    this.sort = oneOf(params.get('sort'), SORTS, 'deadline');
    this.q = params.get('q') ?? '';
    this.page = Math.max(1, Number(params.get('page')) || 1);
    this.data = null;
    this.error = null;
    this.selected = /^#task-(\d+)$/.exec(location.hash)?.[1] ?? null;
    this.completedNote = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
    void this.load();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKey);
    this.events?.close();
    clearInterval(this.poll);
  }

  private query() {
    const q = new URLSearchParams({ view: this.view, sort: this.sort });
    if (this.q) q.set('q', this.q);
    if (this.page > 1) q.set('page', String(this.page));
    return q;
  }

  /** Reads the view's page; `quiet` (a refresh) keeps the screen as it is when nothing changed. */
  async load(quiet = false) {
    const q = this.query();
    const hash = this.selected ? `#task-${this.selected}` : '';
    history.replaceState(null, '', `${location.pathname}?${q}${hash}`);
    if (!quiet) this.listen(q);
    try {
      const data = await call<WorklistView>('GET', `/api/worklist?${q}`);
      if (q.toString() !== this.query().toString()) return;
      const text = JSON.stringify({ ...data, now: undefined });
      this.error = null;
      if (quiet && text === this.lastList) {
        this.data = { ...this.data!, now: data.now };
        return;
      }
      this.lastList = text;
      const focused = (document.activeElement as HTMLElement | null)?.closest?.('tr[data-key]');
      this.data = data;
      // A refresh keeps the row the clerk was on.
      if (focused) {
        await this.updateComplete;
        this.rowLink((focused as HTMLElement).dataset.key!)?.focus({ preventScroll: true });
      }
    } catch (err) {
      if (!quiet) this.error = (err as Error).message;
    }
  }

  /** The view's event stream: "changed" re-reads the page; while the stream is down, polling does. */
  private listen(q: URLSearchParams) {
    this.events?.close();
    const events = new EventSource(`/api/tasks/events?${q}`);
    this.events = events;
    events.addEventListener('changed', () => void this.load(true));
    events.addEventListener('open', () => {
      clearInterval(this.poll);
      this.poll = undefined;
    });
    events.addEventListener('error', () => {
      // The browser opens the stream again by itself; until then the list is polled.
      this.poll ??= setInterval(() => {
        if (document.visibilityState === 'visible') void this.load(true);
      }, POLL_MS);
      if (events.readyState === EventSource.CLOSED && this.events === events)
        setTimeout(() => this.events === events && this.listen(this.query()), POLL_MS);
    });
  }

  private go(change: Partial<Pick<WorklistPage, 'view' | 'sort' | 'q' | 'page'>>) {
    Object.assign(this, { page: 1, ...change });
    void this.load();
  }

  private rowLink(key: string) {
    return this.querySelector<HTMLAnchorElement>(`tr[data-key="${CSS.escape(key)}"] a`);
  }

  private open(key: string) {
    this.completedNote = false;
    this.selected = key;
    // The open task is part of the clerk's place too: a reload opens it again.
    history.replaceState(null, '', `${location.pathname}${location.search}#task-${key}`);
  }

  private get task(): WorklistTask | null {
    return this.querySelector('worklist-task');
  }

  // ---- keyboard: j/k or arrows move, Enter opens (the row's link), c claims, / searches ---------
  private onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const active = document.activeElement;
    const search = this.querySelector<HTMLElement>('#wl-search');
    const typing =
      !!active &&
      (active.matches(
        'input, textarea, select, cds-search, cds-select, [contenteditable=""], [contenteditable="true"]',
      ) ||
        !!active.closest('.fjs-form'));
    const searchInput = search?.shadowRoot?.querySelector('input');
    if (typing) {
      if (e.key === 'Escape' && active === search) searchInput?.blur();
      return;
    }
    // By key position, so a Kazakh or Russian layout works the same (c is "с", j is "о" there).
    const code = e.code;
    if (code === 'Slash' || e.key === '/') {
      e.preventDefault();
      searchInput?.focus();
      searchInput?.select();
      return;
    }
    if (code === 'KeyC') {
      const task = this.task;
      if (task?.canClaim) {
        e.preventDefault();
        void task.claim();
      }
      return;
    }
    const down = code === 'KeyJ' || e.key === 'ArrowDown';
    const up = code === 'KeyK' || e.key === 'ArrowUp';
    if (!down && !up) return;
    const links = Array.from(this.querySelectorAll<HTMLAnchorElement>('tr[data-key] a'));
    if (!links.length) return;
    const list = this.querySelector('.list');
    const at = links.findIndex((a) => a === active);
    // Arrows scroll the page as usual unless the clerk is in the list.
    if (at < 0 && !code.startsWith('Key') && !list?.contains(active)) return;
    e.preventDefault();
    const next =
      at < 0 ? (down ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + (down ? 1 : -1)));
    links[next].focus();
  };

  private renderRow(task: WorklistItem, completed: boolean) {
    return html`<tr
      class="${task.userTaskKey === this.selected ? 'selected ' : ''}flag-row-${task.flag}"
      data-key=${task.userTaskKey}
      data-flag=${task.flag}
    >
      <td data-label=${t('task')}>
        <a
          href=${`#task-${task.userTaskKey}`}
          @click=${(e: Event) => {
            e.preventDefault();
            this.open(task.userTaskKey);
          }}
          >${stepName(task.elementId ?? '', lang, task.name)}</a
        >
        <div class="muted small">${serviceName(task.processDefinitionId)}</div>
      </td>
      <td data-label=${t('application')}>${task.applicationNumber ?? '—'}</td>
      <td data-label=${t('wl.applicant')}>
        ${task.applicantName ?? '—'}
        ${task.applicantBin ? html`<div class="muted small">${task.applicantBin}</div>` : nothing}
      </td>
      <td data-label=${completed ? t('wl.completedAt') : t('due')}>
        ${completed ? formatDate(task.completionDate) : formatDate(task.dueDate)}
        ${
          !completed && task.remainingWorkingDays !== null
            ? html`<div>
                ${deadlineTag(task.flag, task.remainingWorkingDays, Math.abs(task.remainingWorkingDays))}
              </div>`
            : nothing
        }
      </td>
      <td data-label=${t('assignee')}>${assigneeText(task.assignee)}</td>
    </tr>`;
  }

  private renderList() {
    if (this.error)
      return html`<cds-inline-notification
        kind="error"
        low-contrast
        hide-close-button
        role="alert"
        .title=${this.error}
      ></cds-inline-notification>`;
    const data = this.data;
    if (!data)
      return html`<cds-inline-loading status="active" icon-description=${t('loading')}
        >${t('loading')}</cds-inline-loading
      >`;
    if (!data.items.length) return html`<p class="muted" role="status">${t('empty')}</p>`;
    const completed = data.view === 'completed';
    return html`<table class="cds--data-table cds--data-table--md grid" data-testid="task-list">
        <thead>
          <tr>
            ${[
              t('task'),
              t('application'),
              t('wl.applicant'),
              completed ? t('wl.completedAt') : t('due'),
              t('assignee'),
            ].map((x) => html`<th scope="col"><span class="cds--table-header-label">${x}</span></th>`)}
          </tr>
        </thead>
        <tbody>
          ${data.items.map((task) => this.renderRow(task, completed))}
        </tbody>
      </table>
      ${pagination(data.page, (n) => {
        this.page = n;
        void this.load();
      })}`;
  }

  override render() {
    const counts = this.data?.counts;
    return html`
      <div class="toolbar">
        <h1 class="cds--type-heading-04">${t('nav.worklist')}</h1>
        <cds-search
          id="wl-search"
          role="search"
          size="lg"
          label-text=${t('wl.search')}
          placeholder=${t('wl.search')}
          close-button-label-text=${t('wl.clearSearch')}
          aria-keyshortcuts="/"
          autocomplete="off"
          .value=${this.q}
          @cds-search-input=${(e: CustomEvent<{ value: string }>) => {
            clearTimeout(this.searchTimer);
            const value = e.detail.value.trim();
            this.searchTimer = setTimeout(() => value !== this.q && this.go({ q: value }), SEARCH_DELAY_MS);
          }}
          @keydown=${{
            // Escape leaves the search box with its query (Carbon's search would clear it first).
            capture: true,
            handleEvent: (e: KeyboardEvent) => {
              if (e.key !== 'Escape') return;
              e.stopPropagation();
              e.preventDefault();
              (e.currentTarget as HTMLElement).shadowRoot?.querySelector('input')?.blur();
            },
          }}
          @keyup=${(e: KeyboardEvent) => {
            if (e.key !== 'Enter') return;
            clearTimeout(this.searchTimer);
            const value = (e.currentTarget as HTMLElement & { value: string }).value.trim();
            this.go({ q: value });
          }}
        ></cds-search>
        <cds-select
          id="wl-sort"
          label-text=${t('wl.sort')}
          .value=${this.sort}
          @cds-select-selected=${(e: CustomEvent<{ value: string }>) =>
            this.go({ sort: oneOf(e.detail.value, SORTS, 'deadline') })}
        >
          ${SORTS.map(
            (s) =>
              html`<cds-select-item value=${s} ?selected=${s === this.sort}
                >${t(`wl.sort.${s}`)}</cds-select-item
              >`,
          )}
        </cds-select>
      </div>
      <cds-tabs
        class="views"
        value=${this.view}
        selected-index=${VIEWS.indexOf(this.view)}
        selecting-items-assistive-text=${t('wl.tabs.selecting')}
        selected-item-assistive-text=${t('wl.tabs.selected')}
        trigger-content=${t(`wl.view.${this.view}`)}
        aria-label=${t('wl.views')}
        @cds-tabs-selected=${(e: CustomEvent<{ item: HTMLElement & { value: string } }>) =>
          this.go({ view: oneOf(e.detail.item.value, VIEWS, 'group') })}
      >
        ${VIEWS.map(
          (v) =>
            html`<cds-tab value=${v} data-view=${v}
              >${t(`wl.view.${v}`)} <span class="count">${counts?.[v] ?? 0}</span></cds-tab
            >`,
        )}
      </cds-tabs>
      <details class="keys">
        <summary>${t('wl.keys')}</summary>
        <ul>
          ${(
            [
              ['move', 'j / k'],
              ['open', t('wl.keys.enter')],
              ['claim', 'c'],
              ['search', '/'],
            ] as const
          ).map(([k, key]) => {
            // The keys themselves are not words of either language: drawn as keys, not from the catalogue.
            const [before, after] = t(`wl.keys.${k}`).split(/\{keys?\}/);
            return html`<li>${before}<kbd>${key}</kbd>${after}</li>`;
          })}
        </ul>
      </details>
      <div class="split">
        <div>
          <section class="list" aria-label=${t('nav.worklist')}>${this.renderList()}</section>
          <p class="muted updated">
            ${this.data ? fill(t('wl.updatedAt'), { time: timeOf(this.data.now) }) : ''}
          </p>
        </div>
        <section
          class="detail"
          aria-live="polite"
          @task-changed=${() => void this.load(true)}
          @task-completed=${() => {
            this.selected = null;
            this.completedNote = true;
            history.replaceState(null, '', `${location.pathname}${location.search}`);
            void this.load(true);
          }}
        >
          ${
            this.selected
              ? html`<worklist-task .key=${this.selected}></worklist-task>`
              : this.completedNote
                ? html`<cds-inline-notification
                    class="ok"
                    kind="success"
                    low-contrast
                    hide-close-button
                    role="status"
                    .title=${t('completed')}
                  ></cds-inline-notification>`
                : html`<p class="muted">${t('chooseTask')}</p>`
          }
        </section>
      </div>
    `;
  }
}

customElements.define('worklist-page', WorklistPage);
