import { both, catalogue, type MessageKey } from '../../i18n';

/**
 * Names of the steps people see (user tasks and waiting points), in the two languages of the
 * service, keyed by the diagrams' element ids. The diagrams keep English names for designers;
 * clerks, operators and applicants read these.
 */
export const STEP_NAMES: Record<string, { kk: string; ru: string }> = Object.fromEntries(
  Object.keys(catalogue('ru'))
    .filter((key) => key.startsWith('element.'))
    .map((key) => [key.slice('element.'.length), both(key as MessageKey)]),
);

/** The step's name in `lang`, or `fallback` (the diagram's name) for steps without a translation. */
export function stepName(elementId: string, lang: 'kk' | 'ru', fallback?: string): string {
  return STEP_NAMES[elementId]?.[lang] ?? fallback ?? elementId;
}
