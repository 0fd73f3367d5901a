/** Helpers the Lit pages share: the page's language for bilingual values, dates, field errors. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Bilingual, FieldError, PageInfo } from '../../api-types';
import { boot, lang, t } from './boot';

export { api, ApiError, formatDate } from '../common';

/** A `{ kk, ru }` value in the page's language. */
export const tr = (b?: Bilingual | null): string => (b ? (lang === 'ru' ? b.ru : b.kk) : '');

/** A registration day (YYYY-MM-DD) as DD.MM.YYYY. */
export const day = (iso?: string): string =>
  iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('.') : '—';

export const serviceName = (id?: string): string =>
  id ? (boot.texts[`service.${id}`] ?? t('service')) : '—';

/**
 * A term's urgency as a tag: overdue, the last working day, or the working days left (counted by the
 * server with the engine's clock); the applicant's cabinet and the operator's pages show the same.
 */
export function urgencyTag(urgency: string, remaining: number | null): TemplateResult {
  const text =
    urgency === 'overdue'
      ? t('overdue')
      : urgency === 'last-day'
        ? t('lastDay')
        : remaining === null
          ? '—'
          : `${t('remaining')}: ${remaining}`;
  const type =
    urgency === 'overdue'
      ? 'red'
      : urgency === 'last-day'
        ? 'magenta'
        : urgency === 'soon'
          ? 'warm-gray'
          : 'green';
  return html`<cds-tag type=${type} size="sm" data-urgency=${urgency}>${text}</cds-tag>`;
}

/** Carbon's pagination, its texts from the catalogue; `go` loads another page. Nothing for one page. */
export function pagination(
  page: PageInfo | undefined,
  go: (n: number) => void,
): TemplateResult | typeof nothing {
  if (!page || page.totalPages <= 1) return nothing;
  return html`<cds-pagination
    page-size=${page.size}
    start=${(page.number - 1) * page.size}
    total-items=${page.totalItems}
    page-size-input-disabled
    backward-text=${t('pagePrevious')}
    forward-text=${t('pageNext')}
    .formatStatusWithDeterminateTotal=${({
      start,
      end,
      count,
    }: {
      start: number;
      end: number;
      count: number;
    }) => `${start}–${end} / ${count}`}
    .formatSupplementalText=${({ count }: { count: number }) => `/ ${count}`}
    .formatLabelText=${({ count }: { count: number }) => `${t('pageOf')} / ${count}`}
    @cds-pagination-changed-current=${(e: CustomEvent<{ page: number }>) => go(e.detail.page)}
  ></cds-pagination>`;
}

/** The field errors of an API answer (`{errors:[{path,kk,ru}]}`), if it has them. */
export function fieldErrors(body: unknown): FieldError[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as FieldError[]) : [];
}

/** Carbon's inputs show an error from their `invalid` and `invalid-text` attributes. */
const isCarbonField = (el: Element) => /^CDS-(TEXT-INPUT|TEXTAREA|SELECT|CHECKBOX)$/.test(el.tagName);

/** Clears what `showFieldErrors` marked inside `root`. */
export function clearFieldErrors(root: HTMLElement): void {
  root.querySelectorAll<HTMLElement>('[data-path]').forEach((el) => {
    el.removeAttribute('invalid');
    el.removeAttribute('invalid-text');
    el.removeAttribute('aria-invalid');
    el.removeAttribute('data-error-for');
  });
  root.querySelectorAll('.field-error').forEach((n) => n.remove());
}

/**
 * Marks each field the server named (`data-path`, the field's dotted path in the submitted JSON)
 * with its error in the page's language: Carbon inputs show it as their invalid text, a group of
 * rows under its legend. Returns the errors of fields not on the page; focuses the first field.
 */
export function showFieldErrors(root: HTMLElement, errors: FieldError[]): FieldError[] {
  clearFieldErrors(root);
  const rest: FieldError[] = [];
  let first: HTMLElement | undefined;
  for (const e of errors) {
    const el = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(e.path)}"]`);
    const text = lang === 'ru' ? e.ru : e.kk;
    if (!el) {
      rest.push(e);
      continue;
    }
    if (isCarbonField(el)) {
      const before = el.getAttribute('invalid-text');
      el.setAttribute('invalid', '');
      el.setAttribute('invalid-text', before ? `${before} ${text}` : text);
      el.dataset.errorFor = e.path;
    } else {
      const note = document.createElement('p');
      note.className = 'field-error';
      note.dataset.errorFor = e.path;
      note.textContent = text;
      el.setAttribute('aria-invalid', 'true');
      (el.querySelector('legend') ?? el).after(note);
    }
    first ??= el;
  }
  first?.focus();
  return rest;
}
