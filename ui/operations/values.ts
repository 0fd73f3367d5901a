import { z } from 'zod';
import type { OpsValueEditor } from '../api-types';
import { applicationSchema } from '../../domain/applications/schemas';
import { almatyIso, formatAlmatyDateTime, fromAlmatyWallClock } from '../../domain/almaty-time';
import { forbiddenCharacterErrors } from '../../intake/text';
import { isMessageKey, t, type Lang, type MessageKey } from '../../i18n';
import { variableLabel } from './labels';

/**
 * How an operator reads and changes one value of a running application: a code by its name from
 * the set the application's own rules allow, a yes/no, a number, a day, a date and time, free text;
 * a record or a list is shown and never edited here (the clerk changes it in the task).
 */
export type ValueEditor = OpsValueEditor;

/**
 * Codes the forms set and the diagrams branch on: the radio options of the decision, hearing and
 * complaint forms (tools/bpmn-builder/forms.ts) and the kinds of result deliver-result.bpmn issues.
 * test/ui/operations-values.test.ts holds them to the generated forms and the diagram.
 */
export const PROCESS_CODES: Readonly<Record<string, readonly string[]>> = {
  decision: ['approve', 'refuse'],
  hearingMethod: ['in-person', 'video', 'written'],
  hearingOutcome: ['refusal-confirmed', 'position-accepted'],
  complaintUpheld: ['true', 'false'],
  resultKind: [
    'permit',
    'licence',
    'ministers-order',
    'consent-letter',
    'refusal',
    'refusal-further-consideration',
  ],
};

/** The codes a field of the intake's schema allows (an enum, a literal, a union of literals). */
function codesOf(schema: z.ZodType): (string | number)[] | undefined {
  if (
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodPrefault
  )
    return codesOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodEnum) return schema.options as (string | number)[];
  if (schema instanceof z.ZodLiteral)
    return [...schema.values].filter((v): v is string | number => ['string', 'number'].includes(typeof v));
  if (schema instanceof z.ZodUnion) {
    const all = (schema.options as z.ZodType[]).map(codesOf);
    return all.every(Boolean) ? (all.flat() as (string | number)[]) : undefined;
  }
  return undefined;
}

/** The allowed codes of `name` in an application of `serviceId`: its intake schema's, else the forms'. */
export function allowedCodes(name: string, serviceId: unknown): (string | number)[] | undefined {
  if (name !== 'serviceId') {
    const service = applicationSchema.options.find((o) => o.shape.serviceId.value === serviceId);
    const field = (service?.shape as Record<string, z.ZodType> | undefined)?.[name];
    const codes = field && codesOf(field);
    if (codes) return codes;
  }
  return PROCESS_CODES[name] ? [...PROCESS_CODES[name]] : undefined;
}

/** A code's name in `lang`: the application's (`case.…`), the form's (`form.field.…`) or the common one (`code.…`). */
export function codeLabel(name: string, code: string | number, lang: Lang): string | undefined {
  const key = [`case.${name}.${code}`, `form.field.${name}.${code}`, `code.${code}`].find(isMessageKey);
  return key === undefined ? undefined : t(lang, key as MessageKey);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A value the process uses as a code (`police-clerks`, `licence-and-annex`): no person types it. */
const CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** `YYYY-MM-DD` as `ДД.ММ.ГГГГ`. */
export const dayText = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/** A calendar day `YYYY-MM-DD` that exists (no 30 February). */
function isDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  try {
    fromAlmatyWallClock(y, m, d);
    return true;
  } catch {
    return false;
  }
}

/** The day a person typed, `ДД.ММ.ГГГГ` or `YYYY-MM-DD`, as `YYYY-MM-DD`; undefined when no such day. */
export function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const typed = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value.trim());
  const day = typed ? `${typed[3]}-${typed[2]}-${typed[1]}` : value.trim();
  return isDay(day) ? day : undefined;
}

/** A date and time a person typed, `ДД.ММ.ГГГГ ЧЧ:ММ` in Almaty time, as an ISO instant; else undefined. */
export function instantOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{2}\.\d{2}\.\d{4})\s+(\d{1,2}):(\d{2})$/.exec(value.trim());
  const day = m && dayOf(m[1]);
  if (!m || !day || Number(m[2]) > 23 || Number(m[3]) > 59) return undefined;
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return almatyIso(fromAlmatyWallClock(y, mo, d, Number(m[2]), Number(m[3])));
}

/** A value as a person reads it: dates in Almaty time, yes/no, known codes by name; never JSON. */
export function formatValue(value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(lang, value ? 'ops.value.yes' : 'ops.value.no');
  if (typeof value === 'number') return new Intl.NumberFormat('ru-RU').format(value);
  if (typeof value === 'string') {
    if (ISO_DAY.test(value)) return dayText(value);
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
      return formatAlmatyDateTime(new Date(value));
    const code = `code.${value}`;
    if (isMessageKey(code)) return t(lang, code);
    return value;
  }
  if (Array.isArray(value)) {
    if (!value.length) return '—';
    if (value.every((v) => v === null || typeof v !== 'object'))
      return value.map((v) => formatValue(v, lang)).join(', ');
    return t(lang, 'ops.value.records', { count: value.length });
  }
  if (typeof value === 'object') {
    // A record: its own values, in order, as a line; a document is named by its title or file.
    const o = value as Record<string, unknown>;
    if (typeof o.documentId === 'string')
      return typeof o.title === 'string' ? o.title : t(lang, 'ops.value.document');
    const parts = Object.values(o)
      .filter((v) => v !== null && v !== undefined && v !== '' && typeof v !== 'object')
      .map((v) => formatValue(v, lang))
      .filter((v) => !CODE.test(v));
    return parts.length ? parts.join('; ') : t(lang, 'ops.value.records', { count: Object.keys(o).length });
  }
  return String(value);
}

/** `value` of the variable `name` as a person reads it: a code of a known set by its name there. */
export function displayValue(name: string, value: unknown, serviceId: unknown, lang: Lang): string {
  if (
    (typeof value === 'string' || typeof value === 'number') &&
    allowedCodes(name, serviceId)?.includes(value)
  )
    return codeLabel(name, value, lang) ?? formatValue(value, lang);
  return formatValue(value, lang);
}

/** The editor of the variable `name` whose value is `value`, in an application of `serviceId`. */
export function editorOf(name: string, value: unknown, serviceId: unknown, lang: Lang): ValueEditor {
  if (typeof value === 'boolean') return { kind: 'boolean' };
  const codes = allowedCodes(name, serviceId);
  if (codes && (value === null || typeof value === 'string' || typeof value === 'number'))
    return {
      kind: 'choice',
      options: codes.map((c) => ({ value: String(c), label: codeLabel(name, c, lang) ?? String(c) })),
    };
  if (value !== null && typeof value === 'object')
    return { kind: 'fixed', why: t(lang, 'ops.fixed.structured') };
  if (typeof value === 'number') return { kind: 'number' };
  if (typeof value === 'string') {
    if (ISO_DAY.test(value)) return { kind: 'day' };
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return { kind: 'instant' };
    if (CODE.test(value)) return { kind: 'fixed', why: t(lang, 'ops.fixed.code') };
    return { kind: 'text' };
  }
  // No value yet: a time (`…At`) or a day (`…On`) by its name, else text.
  if (/[a-z]At$/.test(name)) return { kind: 'instant' };
  if (/[a-z]On$/.test(name)) return { kind: 'day' };
  return { kind: 'text' };
}

/** What the editor's field holds at first: the value as the operator types it, never a raw code. */
export function editorInput(editor: ValueEditor, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (editor.kind === 'choice' || editor.kind === 'boolean' || editor.kind === 'number') return String(value);
  if (editor.kind === 'day' && typeof value === 'string') return dayText(value);
  if (editor.kind === 'instant' && typeof value === 'string') return formatAlmatyDateTime(new Date(value));
  if (editor.kind === 'text') return String(value);
  return '';
}

/** A refusal of a new value: the message in both languages, naming the field. */
export type ValueRefusal = { kk: string; ru: string };

/**
 * The new value of `name` as the process stores it, checked against its editor; a refusal names
 * the field (and for a code, the allowed values) in both languages.
 */
export function parseNewValue(
  name: string,
  before: unknown,
  serviceId: unknown,
  given: unknown,
): { value: unknown } | { refusal: ValueRefusal } {
  const refuse = (key: MessageKey, params: (lang: Lang) => Record<string, string> = () => ({})) => ({
    refusal: {
      kk: t('kk', key, { name: variableLabel(name, 'kk'), ...params('kk') }),
      ru: t('ru', key, { name: variableLabel(name, 'ru'), ...params('ru') }),
    },
  });
  const editor = editorOf(name, before, serviceId, 'ru');
  switch (editor.kind) {
    case 'fixed':
      return refuse(typeof before === 'string' ? 'ops.error.code' : 'ops.error.notScalar');
    case 'choice': {
      const codes = allowedCodes(name, serviceId) ?? [];
      const code = codes.find(
        (c) => (typeof given === 'string' || typeof given === 'number') && String(c) === String(given),
      );
      if (code === undefined)
        return refuse('ops.error.notInSet', (lang) => ({
          allowed: codes.map((c) => `«${codeLabel(name, c, lang) ?? String(c)}»`).join(', '),
        }));
      return { value: code };
    }
    case 'boolean':
      return typeof given === 'boolean' ? { value: given } : refuse('ops.error.notBoolean');
    case 'number': {
      const n =
        typeof given === 'number' ? given : typeof given === 'string' && given.trim() ? Number(given) : NaN;
      return Number.isFinite(n) ? { value: n } : refuse('ops.error.notNumber');
    }
    case 'day': {
      const day = dayOf(given);
      return day ? { value: day } : refuse('ops.error.notDay');
    }
    case 'instant': {
      const at = instantOf(given);
      return at ? { value: at } : refuse('ops.error.notInstant');
    }
    case 'text':
      if (typeof given !== 'string') return refuse('ops.error.notText');
      if (forbiddenCharacterErrors(given).length) return refuse('ops.error.forbiddenText');
      if (given.length > 2000) return refuse('ops.error.textTooLong');
      return { value: given };
  }
}
