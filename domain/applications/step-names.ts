import { both, catalogue, type MessageKey } from '../../i18n';

/**
 * Names of the diagrams' elements in the two languages of the service, keyed by element id: the
 * catalogue's `step.<id>` keys (i18n/sections/steps.*), the same names the builder writes into the
 * diagrams as "Kazakh / Russian".
 */
export const STEP_NAMES: Record<string, { kk: string; ru: string }> = Object.fromEntries(
  Object.keys(catalogue('ru'))
    .filter((key) => key.startsWith('step.'))
    .map((key) => [key.slice('step.'.length), both(key as MessageKey)]),
);

/** The step's name in `lang`, or `fallback` for elements without a catalogue entry (diagrams deployed by a designer). */
export function stepName(elementId: string, lang: 'kk' | 'ru', fallback?: string): string {
  return STEP_NAMES[elementId]?.[lang] ?? fallback ?? elementId;
}
