/**
 * The designer (Lit + Carbon): the Camunda 8 modeler with lint markers on the canvas (the
 * repository's bpmnlint configuration, packed at bundle time), our element templates, drafts kept in
 * the web app's store, and a deployment of the open diagram alone after its diff against the
 * running version. The modeler's own texts (palette, context pad, menus, properties panel) come
 * from the catalogue through its `translate` module. Light DOM: the modeler's stylesheets are the
 * page's.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import bpmnlintConfig from 'bpmnlint-config';
import { DESIGNER_PANEL_LABELS } from '../../../i18n/designer-panel';
import { DESIGNER_MODELER_LABELS } from '../../../i18n/sections/designer-modeler.ru';
import { DESIGNER_PANEL_DOM_TEXTS, DESIGNER_PANEL_TEXTS } from '../../../i18n/sections/designer-panel.ru';
import type {
  DesignerDeployed,
  DesignerDiff,
  DesignerDiffElement,
  DesignerLintProblem,
  DesignerOpened,
} from '../../api-types';
import { boot, lang, t } from './boot';
import { api, ApiError, formatDate } from './util';

/** A text of the catalogue, when it has one. */
const known = (key: string): string | undefined => boot.texts[key];

/** A lint message in the page's language. */
export function lintText(message: string): string {
  return knownLint(message) ?? t('lint.modelError');
}

/** A lint message the catalogue words, in the page's language; undefined for others. */
function knownLint(message: string): string | undefined {
  const plain: Record<string, string> = {
    'Element is missing label/name': t('lint.missingLabel'),
    'Element is not connected': t('lint.disconnected'),
    'Element overlaps with other element': t('lint.overlaps'),
  };
  if (plain[message]) return plain[message];
  const setting = /extension element of type <([^>]+)>/.exec(message);
  if (setting) return t('lint.missingSetting').replace('{what}', settingName(setting[1]));
  const empty = /Property <([^>]+)> must have non-empty value/.exec(message);
  if (empty) return t('lint.emptyProperty').replace('{what}', settingName(empty[1]));
  return undefined;
}

/** A property or extension the linter names (`zeebe:TaskDefinition`, `type`) as the panel labels it. */
function settingName(raw: string): string {
  const english: Record<string, string> = {
    'zeebe:TaskDefinition': 'Task definition',
    'zeebe:FormDefinition': 'Form',
    'zeebe:CalledElement': 'Called element',
    'zeebe:Subscription': 'Message',
    type: 'Job type',
    formId: 'Form ID',
    processId: 'Process ID',
    correlationKey: 'Key',
  };
  const key = DESIGNER_PANEL_LABELS[english[raw] ?? ''];
  return key ? t(key) : t('designer.setting');
}

/**
 * The modeler's `translate`: bpmnlint's button and tooltips, the palette, context pad and menus
 * (i18n/sections/designer-modeler.*), the properties panel's labels (i18n/designer-panel.ts);
 * a text the catalogue lacks stays as the modeler ships it.
 */
export function translate(template: string, replacements: Record<string, string> = {}): string {
  const own: Record<string, string> = {
    'Toggle linting overlays': t('lint.toggle'),
    'Issues for child elements': t('lint.childIssues'),
    'No Issues': t('lint.noIssues'),
    '{errors} Errors, {warnings} Warnings': t('lint.summary'),
  };
  const modeler = DESIGNER_MODELER_LABELS[template];
  const panel =
    DESIGNER_PANEL_LABELS[template] ?? DESIGNER_PANEL_TEXTS[template] ?? DESIGNER_PANEL_DOM_TEXTS[template];
  const text =
    own[template] ??
    (modeler ? t(modeler) : undefined) ??
    (panel ? t(panel) : undefined) ??
    knownLint(template) ??
    template;
  return text.replace(/{([^}]+)}/g, (_, k: string) => replacements[k] ?? `{${k}}`);
}

/** A text the panel printed in English without `translate`, in the page's language (or undefined). */
function panelDomText(english: string): string | undefined {
  const key = DESIGNER_PANEL_DOM_TEXTS[english];
  if (key) return t(key);
  const count = /^List contains (\d+) items?$/.exec(english);
  return count ? t('designer.p.listContainsNumOfItemsItems').replace('{numOfItems}', count[1]) : undefined;
}

/**
 * The texts the properties panel's core and its code editor print without the modeler's `translate`
 * (section and list controls, the expression toggle, fold markers, a help text): replaced in place,
 * in text nodes and titles, whenever the panel renders.
 */
function localisePanel(root: HTMLElement): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const own = n.textContent?.trim() ?? '';
    const text = own && panelDomText(own);
    if (text) n.textContent = n.textContent!.replace(own, text);
  }
  for (const el of Array.from(root.querySelectorAll('[title]'))) {
    const text = panelDomText(el.getAttribute('title') ?? '');
    if (text) el.setAttribute('title', text);
  }
}

/** The parts of a Camunda element template that the designer shows (the rest passes through). */
interface ElementTemplate {
  name?: string;
  description?: string;
  groups?: Array<{ id: string; label: string }>;
  properties?: Array<{
    label?: string;
    description?: string;
    choices?: Array<{ name: string; value: string }>;
  }>;
}

/** A template choice's value (a document kind or a channel) named in the page's language. */
const choiceName = (value: string) =>
  known(`case.document.${value}`) ?? known(`designer.t.channel.${value}`) ?? value;

/** A diagram's file name as a person reads it: its process's name in the page's language. */
const diagramName = (file: string) => known(`step.${file.replace(/\.bpmn$/, '')}`) ?? file;

/** An element's name in the page's language: the catalogue's step name, else its own in this language. */
function elementName(id: string, name?: string): string {
  const step = known(`step.${id}`);
  if (step) return step;
  if (name) {
    // The builder names elements «Kazakh / Russian».
    const parts = name.split(' / ');
    return parts.length === 2 ? parts[lang === 'ru' ? 1 : 0] : name;
  }
  return t('designer.unnamed');
}

type Message = { kind: 'error' | 'success' | 'info'; title: string; lines?: string[]; testid?: string };

interface LintIssue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule?: string;
}

export class DesignerPage extends LitElement {
  static override properties = {
    diagrams: { state: true },
    current: { state: true },
    opened: { state: true },
    problems: { state: true },
    busyText: { state: true },
    message: { state: true },
    diff: { state: true },
    templates: { state: true },
  };
  declare diagrams: string[];
  declare current: string;
  declare opened: (DesignerOpened & { running: { version: number } | null }) | null;
  declare problems: LintIssue[];
  declare busyText: string;
  declare message: Message | null;
  declare diff: {
    running: { version: number } | null;
    diff: DesignerDiff;
    body: { name: string; xml: string };
    /** Opened by Deploy: the diff asks to confirm the new version. */
    confirm: boolean;
  } | null;
  declare templates: number | null;

  private modeler: any;

  constructor() {
    super();
    this.diagrams = [];
    this.current = '';
    this.opened = null;
    this.problems = [];
    this.busyText = '';
    this.message = null;
    this.diff = null;
    this.templates = null;
  }

  protected override createRenderRoot() {
    return this;
  }

  private get errors() {
    return this.problems.filter((p) => p.category === 'error' || p.category === 'rule-error').length;
  }

  override firstUpdated() {
    const canvas = this.querySelector<HTMLElement>('[data-testid=modeler]')!;
    const panel = this.querySelector<HTMLElement>('.designer-panel')!;
    this.modeler = new Modeler({
      container: canvas,
      propertiesPanel: { parent: panel },
      linting: { bpmnlint: bpmnlintConfig, active: true },
      additionalModules: [lintModule, { translate: ['value', translate] }],
    } as ConstructorParameters<typeof Modeler>[0]);
    new MutationObserver(() => localisePanel(panel)).observe(panel, {
      subtree: true,
      childList: true,
      characterData: true,
      attributeFilter: ['title'],
    });
    this.modeler.on('linting.completed', ({ issues }: { issues: Record<string, LintIssue[]> }) => {
      this.problems = Object.values(issues).flat();
    });
    void this.init();
  }

  private async init() {
    try {
      await this.loadTemplates();
      const { items } = await api<{ items: string[] }>('GET', '/api/designer/diagrams');
      this.diagrams = items;
      if (!items.length) return void (this.message = { kind: 'info', title: t('empty') });
      const wanted = new URLSearchParams(location.search).get('diagram') ?? '';
      await this.open(items.includes(wanted) ? wanted : items[0]);
    } catch (err) {
      this.fail(err);
    }
  }

  /** Our element templates (.camunda/element-templates) in the modeler's template chooser. */
  private async loadTemplates() {
    const templates = await api<ElementTemplate[]>('GET', '/api/designer/element-templates');
    // The chooser, the replace menu and the properties panel show a template in the page's
    // language: its name, its groups, its properties' labels and their choices. The description is
    // a note for developers, not for the designer.
    this.modeler.get('elementTemplatesLoader').setTemplates(
      templates.map(({ description: _, ...template }) => ({
        ...template,
        name: translate(template.name ?? ''),
        groups: template.groups?.map((g) => ({ ...g, label: translate(g.label) })),
        properties: template.properties?.map(({ description: _d, ...p }) => ({
          ...p,
          ...(p.label ? { label: translate(p.label) } : {}),
          ...(p.choices ? { choices: p.choices.map((c) => ({ ...c, name: choiceName(c.value) })) } : {}),
        })),
      })),
    );
    this.templates = templates.length;
  }

  private fail(err: unknown) {
    const problems: Array<{ elementId: string; message: string }> = (err as ApiError).body?.problems ?? [];
    this.message = problems.length
      ? {
          kind: 'error',
          title: t('deployRefused'),
          lines: problems.map((p) => `${elementName(p.elementId)}: ${lintText(p.message)}`),
        }
      : { kind: 'error', title: (err as Error).message };
  }

  private async open(name: string) {
    this.current = name;
    this.message = null;
    this.diff = null;
    try {
      const opened = await api<DesignerOpened>('GET', `/api/designer/diagrams/${encodeURIComponent(name)}`);
      await this.modeler.importXML(opened.xml);
      this.opened = opened;
      this.fitBesidePalette();
      history.replaceState(null, '', `?diagram=${encodeURIComponent(name)}`);
    } catch (err) {
      this.fail(err);
    }
  }

  private async xml(): Promise<string> {
    return (await this.modeler.saveXML({ format: true })).xml ?? '';
  }

  private select(id: string) {
    const element = this.modeler.get('elementRegistry').get(id);
    if (!element) return;
    this.modeler.get('selection').select(element);
    this.modeler.get('canvas').scrollToElement(element);
  }

  /** Fits the whole diagram into the part of the canvas the palette and minimap do not cover. */
  private fitBesidePalette() {
    const c = this.modeler.get('canvas');
    c.zoom('fit-viewport');
    const canvas = this.querySelector<HTMLElement>('[data-testid=modeler]')!;
    const palette = canvas.querySelector('.djs-palette');
    if (!palette) return;
    const { inner, outer } = c.viewbox();
    const box = canvas.getBoundingClientRect();
    const coveredPx = palette.getBoundingClientRect().right - box.left + 16;
    const minimap = canvas.querySelector('.djs-minimap');
    const coveredRight = minimap ? box.right - minimap.getBoundingClientRect().left + 8 : 0;
    const usable = Math.max(outer.width - coveredPx - coveredRight, outer.width / 2);
    // On a phone the whole diagram would be too small to read: fit its height, the designer pans.
    const phone = box.width < 600;
    const scale = phone
      ? Math.min(outer.height / (inner.height + 40), 0.8)
      : Math.min(usable / (inner.width + 40), outer.height / (inner.height + 40), 1);
    c.viewbox({
      x: inner.x - 20 - coveredPx / scale,
      y: inner.y - 20,
      width: outer.width / scale,
      height: outer.height / scale,
    });
  }

  /** Runs a long operation with the toolbar disabled and a Carbon loading line saying what happens. */
  private async busy(text: string, work: () => Promise<void>) {
    this.busyText = text;
    this.setAttribute('aria-busy', 'true');
    try {
      await work();
    } catch (err) {
      this.fail(err);
    } finally {
      this.removeAttribute('aria-busy');
      this.busyText = '';
    }
  }

  private save = () =>
    this.busy(t('saving'), async () => {
      const res = await api<{ savedAt: number }>(
        'PUT',
        `/api/designer/diagrams/${encodeURIComponent(this.current)}`,
        await this.xml(),
        'application/xml',
      );
      this.message = {
        kind: 'success',
        title: `${t('designer.draftSaved')}: ${diagramName(this.current)}, ${formatDate(new Date(res.savedAt).toISOString())}`,
      };
      if (this.opened) this.opened = { ...this.opened, source: 'draft', savedAt: res.savedAt };
    });

  /** The deploy gate's check on the server (the same rules as a deployment's), without deploying. */
  private validate = () =>
    this.busy(t('designer.validating'), async () => {
      const { problems } = await api<{ problems: DesignerLintProblem[] }>(
        'POST',
        '/api/designer/lint',
        await this.xml(),
        'application/xml',
      );
      const errors = problems.filter((p) => p.severity === 'error');
      this.message = errors.length
        ? {
            kind: 'error',
            title: `${t('designer.validateErrors')}: ${errors.length}`,
            lines: errors.map((p) => `${elementName(p.elementId)}: ${lintText(p.message)}`),
            testid: 'validate-result',
          }
        : {
            kind: 'success',
            title:
              `${t('designer.validateClean')} ${problems.length ? `(${t('designer.warnings')}: ${problems.length})` : ''}`.trim(),
            testid: 'validate-result',
          };
    });

  /** The difference from the running version; from Deploy, with a confirmation (deploy, step one). */
  private review = (confirm: boolean) =>
    this.busy(t('designer.comparing'), async () => {
      this.message = null;
      const body = { name: this.current, xml: await this.xml() };
      const res = await api<{ running: { version: number } | null; diff: DesignerDiff }>(
        'POST',
        '/api/designer/diff',
        body,
      );
      this.diff = { ...res, body, confirm };
      await this.updateComplete;
      this.querySelector('[data-testid=deploy-diff]')?.scrollIntoView({ block: 'nearest' });
    });

  /** Deploy, step two: the open diagram alone becomes a new version of its process. */
  private deploy = () =>
    this.busy(t('deploying'), async () => {
      const body = this.diff!.body;
      this.diff = null;
      const res = await api<DesignerDeployed>('POST', '/api/designer/deploy', body);
      const p = res.processes[0];
      this.message = {
        kind: 'success',
        testid: 'deployed',
        title: res.unchanged
          ? `${t('designer.unchanged')}: ${diagramName(this.current)}, ${t('designer.version')} ${p.version}`
          : `${t('deployed')}: ${diagramName(this.current)}, ${t('designer.version')} ${p.version}`,
      };
      if (this.opened) this.opened = { ...this.opened, source: 'draft', running: { version: p.version } };
    });

  private describe(): string {
    const o = this.opened;
    if (!o) return '';
    const where = t(`designer.source.${o.source}`);
    const when = o.savedAt ? `, ${formatDate(new Date(o.savedAt).toISOString())}` : '';
    const live = `${t('designer.runningVersion')}: ${o.running ? o.running.version : t('designer.notDeployed')}`;
    return `${where}${when} · ${live}`;
  }

  private lintList(): TemplateResult {
    const problems = this.problems;
    if (!problems.length)
      return html`<p class="designer-lint-clean" data-testid="lint-clean">
        <cds-tag type="green" size="sm">${t('lintClean')}</cds-tag>
      </p>`;
    // A plain table: Carbon's structured-list rows take their content out of the Tab order, and a
    // designer must reach every problem's step from the keyboard.
    return html`<table class="cds--data-table cds--data-table--sm grid" data-testid="lint-problems">
      <thead>
        <tr>
          <th scope="col">${t('designer.severity')}</th>
          <th scope="col">${t('designer.element')}</th>
          <th scope="col">${t('designer.problem')}</th>
        </tr>
      </thead>
      <tbody>
        ${problems.map((p) => {
          const error = p.category === 'error' || p.category === 'rule-error';
          const element = this.modeler?.get('elementRegistry').get(p.id);
          return html`<tr
            class=${error ? 'error' : 'warn'}
            data-element-id=${p.id ?? ''}
            data-rule=${p.rule ?? ''}
          >
            <td>
              <cds-tag type=${error ? 'red' : 'warm-gray'} size="sm"
                >${error ? t('designer.error') : t('designer.warning')}</cds-tag
              >
            </td>
            <td>
              <a class="cds--link" href="#" @click=${(e: Event) => (e.preventDefault(), this.select(p.id))}
                >${elementName(p.id, element?.businessObject?.name)}</a
              >
            </td>
            <td>${lintText(p.message)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private diffView(): TemplateResult | typeof nothing {
    if (!this.diff) return nothing;
    const { diff, running, confirm } = this.diff;
    const rows = (kind: 'added' | 'removed' | 'changed', items: DesignerDiffElement[]) =>
      items.map(
        (e) =>
          html`<cds-structured-list-row data-kind=${kind} data-element-id=${e.id}>
            <cds-structured-list-cell>
              <cds-tag size="sm" type=${kind === 'added' ? 'green' : kind === 'removed' ? 'red' : 'blue'}
                >${t(`designer.${kind}`)}</cds-tag
              >
            </cds-structured-list-cell>
            <cds-structured-list-cell>
              ${
                e.before !== undefined && e.before !== e.name
                  ? `«${elementName('', e.before)}» → «${elementName('', e.name)}»`
                  : `«${elementName(e.id, e.name)}»`
              }
            </cds-structured-list-cell>
          </cds-structured-list-row>`,
      );
    const all = [
      ...rows('added', diff.added),
      ...rows('removed', diff.removed),
      ...rows('changed', diff.changed),
    ];
    return html`<section
      class="designer-diff"
      role="dialog"
      aria-labelledby="diff-title"
      data-testid="deploy-diff"
    >
      <h2 id="diff-title" class="cds--type-productive-heading-02">
        ${t('designer.diffTitle')}${running ? ` (${t('designer.version')} ${running.version})` : ''}
      </h2>
      ${
        all.length
          ? html`<cds-structured-list condensed data-testid="diff-list">
              <cds-structured-list-body>${all}</cds-structured-list-body>
            </cds-structured-list>`
          : nothing
      }
      ${diff.layoutOnly ? html`<p>${t('designer.layoutOnly')}</p>` : nothing}
      ${diff.identical ? html`<p>${t('designer.noChanges')}</p>` : nothing}
      <div class="designer-actions">
        ${
          diff.identical || !confirm
            ? nothing
            : html`<cds-button kind="primary" data-testid="confirm-deploy" @click=${this.deploy}
                >${t('designer.confirmDeploy')}</cds-button
              >`
        }
        <cds-button kind="secondary" data-testid="cancel-deploy" @click=${() => (this.diff = null)}
          >${confirm ? t('designer.cancel') : t('designer.close')}</cds-button
        >
      </div>
    </section>`;
  }

  private messageView(): TemplateResult | typeof nothing {
    const m = this.message;
    if (!m) return nothing;
    return html`<cds-inline-notification
      kind=${m.kind}
      low-contrast
      hide-close-button
      role=${m.kind === 'error' ? 'alert' : 'status'}
      data-testid=${m.testid ?? 'designer-notice'}
      title=${m.title}
    >
      ${
        m.lines?.length
          ? html`<ul slot="subtitle">
              ${m.lines.map((l) => html`<li>${l}</li>`)}
            </ul>`
          : nothing
      }
    </cds-inline-notification>`;
  }

  override render() {
    const working = Boolean(this.busyText);
    const errors = this.errors;
    return html`
      <style>
        designer-page {
          display: block;
          padding: 1rem;
        }
        designer-page .designer-toolbar {
          display: flex;
          flex-wrap: wrap;
          align-items: flex-end;
          gap: 0.5rem 1rem;
          margin-block-end: 0.5rem;
        }
        designer-page .designer-toolbar h1 {
          margin: 0;
          font-size: 1.25rem;
          font-weight: 400;
        }
        designer-page .designer-toolbar cds-select {
          inline-size: 22rem;
          max-inline-size: 100%;
        }
        designer-page .designer-buttons {
          display: flex;
          flex-wrap: wrap;
          gap: 0.5rem;
        }
        designer-page .designer-source {
          flex-basis: 100%;
          color: var(--cds-text-secondary, #525252);
          font-size: 0.875rem;
        }
        designer-page .designer-modeler {
          display: grid;
          grid-template-columns: minmax(0, 1fr) 340px;
          block-size: calc(100vh - 17rem);
          min-block-size: 380px;
          border: 1px solid var(--cds-border-subtle-01, #c6c6c6);
          background: #fff;
          overflow: hidden;
        }
        designer-page .designer-canvas {
          position: relative;
          block-size: 100%;
        }
        designer-page .designer-panel {
          border-inline-start: 1px solid var(--cds-border-subtle-01, #c6c6c6);
          overflow: auto;
          block-size: 100%;
        }
        designer-page .designer-status {
          display: grid;
          grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
          gap: 1rem;
          margin-block-start: 0.5rem;
        }
        designer-page .designer-status h2 {
          margin: 0 0 0.25rem;
          font-size: 1rem;
        }
        designer-page .designer-actions {
          display: flex;
          flex-wrap: wrap;
          gap: 0.5rem;
          margin-block-start: 0.5rem;
        }
        /* The lint overlay's rule names and element ids are for tools, not for the designer. */
        designer-page .bjsl-dropdown .rule,
        designer-page .bjsl-id-hint {
          display: none;
        }
        designer-page cds-structured-list {
          margin-block-end: 0;
        }
        designer-page cds-inline-notification {
          max-inline-size: 100%;
        }
        /* A phone: the canvas on top, the properties panel under it, everything in one column. */
        @media (max-width: 671px) {
          designer-page {
            padding: 0.5rem;
          }
          designer-page .designer-modeler {
            grid-template-columns: minmax(0, 1fr);
            grid-template-rows: 65vh auto;
            block-size: auto;
          }
          designer-page .designer-panel {
            border-inline-start: 0;
            border-block-start: 1px solid var(--cds-border-subtle-01, #c6c6c6);
            max-block-size: 50vh;
          }
          designer-page .designer-status {
            grid-template-columns: minmax(0, 1fr);
          }
          designer-page .designer-buttons {
            display: grid;
            grid-template-columns: 1fr 1fr;
            inline-size: 100%;
          }
          designer-page .designer-buttons cds-button {
            max-inline-size: none;
          }
          /* The minimap's toggle would cover the small canvas; the designer pans instead. */
          designer-page .djs-minimap {
            display: none;
          }
        }
      </style>
      <div class="designer-toolbar">
        <h1>${t('nav.designer')}</h1>
        <cds-select
          label-text=${t('diagram')}
          data-testid="diagram-picker"
          .value=${this.current}
          ?disabled=${working}
          @cds-select-selected=${(e: CustomEvent) => void this.open(String(e.detail?.value ?? ''))}
        >
          ${this.diagrams.map(
            (n) =>
              html`<cds-select-item value=${n} ?selected=${n === this.current}
                >${diagramName(n)}</cds-select-item
              >`,
          )}
        </cds-select>
        <div class="designer-buttons" role="toolbar" aria-label=${t('designer.toolbar')}>
          <cds-button kind="secondary" data-testid="save-draft" ?disabled=${working} @click=${this.save}
            >${t('designer.saveDraft')}</cds-button
          >
          <cds-button kind="tertiary" data-testid="validate" ?disabled=${working} @click=${this.validate}
            >${t('designer.validate')}</cds-button
          >
          <cds-button
            kind="tertiary"
            data-testid="show-diff"
            ?disabled=${working}
            @click=${() => this.review(false)}
            >${t('designer.showDiff')}</cds-button
          >
          <cds-button
            kind="primary"
            data-testid="deploy"
            ?disabled=${working || errors > 0}
            title=${errors ? t('deployBlocked') : ''}
            @click=${() => this.review(true)}
            >${t('deploy')}</cds-button
          >
        </div>
        <span class="designer-source" data-testid="diagram-source" data-source=${this.opened?.source ?? ''}
          >${this.describe()}</span
        >
      </div>
      ${
        working
          ? html`<cds-inline-loading status="active" role="status">${this.busyText}</cds-inline-loading>`
          : nothing
      }
      <div class="designer-modeler">
        <div
          class="designer-canvas"
          data-testid="modeler"
          data-element-templates=${this.templates ?? ''}
          aria-label=${t('designer.canvas')}
        ></div>
        <div class="designer-panel"></div>
      </div>
      <div class="designer-status">
        <section data-testid="lint" aria-live="polite">
          <h2>${t('lint')} (${this.problems.length})</h2>
          ${this.lintList()}
        </section>
        <section data-testid="designer-message">${this.messageView()} ${this.diffView()}</section>
      </div>
    `;
  }
}

customElements.define('designer-page', DesignerPage);

declare global {
  interface HTMLElementTagNameMap {
    'designer-page': DesignerPage;
  }
}
