/**
 * form-js writes its validation messages in English ("Field is required." …, its `validator`
 * service). This module, given to a form as an additional module, puts every message it produces
 * into the page's language from the message catalogue. Messages a form defines itself (a pattern's
 * own message) are the form's and pass as they are.
 */
import type { MessageKey } from '../../i18n';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** form-js's messages (@bpmn-io/form-js-viewer 1.x, Validator), each with the catalogue key it becomes. */
const RULES: [RegExp, MessageKey, (m: RegExpExecArray) => Record<string, string>][] = [
  [/^Field is required\.$/, 'fjs.required', () => ({})],
  [/^Value is not a number\.$/, 'fjs.notNumber', () => ({})],
  [/^Value is expected to be an integer\.$/, 'fjs.integer', () => ({})],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'fjs.decimals', (m) => ({ digits: m[1] })],
  [
    /^Please select a valid value, the two nearest valid values are (\S+) and (\S+)\.$/,
    'fjs.step',
    (m) => ({ below: m[1], above: m[2] }),
  ],
  [/^Field must match pattern .*\.$/s, 'fjs.pattern', () => ({})],
  [/^Field must have minimum value of (.+)\.$/, 'fjs.min', (m) => ({ min: m[1] })],
  [/^Field must have maximum value of (.+)\.$/, 'fjs.max', (m) => ({ max: m[1] })],
  [/^Field must have minimum length of (\d+)\.$/, 'fjs.minLength', (m) => ({ min: m[1] })],
  [/^Field must have maximum length of (\d+)\.$/, 'fjs.maxLength', (m) => ({ max: m[1] })],
  [/^Field must be a valid {1,2}international phone number\./, 'fjs.phone', () => ({})],
  [/^Field must be a valid email\.$/, 'fjs.email', () => ({})],
  [/^(Min|Max) validation value is not a valid number\.$/, 'fjs.invalid', () => ({})],
];

/** One form-js message in the page's language; an English message this table does not know becomes the general one. */
export function localiseFormMessage(message: string, translate: Translate): string {
  for (const [pattern, key, params] of RULES) {
    const m = pattern.exec(message);
    if (m) return translate(key, params(m));
  }
  // The form's own message (Kazakh or Russian) stays; a future English one of form-js does not leak.
  return /[A-Za-z]{3,}/.test(message) && !/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(message)
    ? translate('fjs.invalid')
    : message;
}

interface ValidatorService {
  validateField(field: unknown, value: unknown): string[];
  validateFieldInstance(fieldInstance: unknown, value: unknown): string[];
}

/** A form-js module: `new Form({ additionalModules: [formMessagesModule(translate)] })`. */
export function formMessagesModule(translate: Translate) {
  class LocalisedValidation {
    static $inject = ['validator'];
    constructor(validator: ValidatorService) {
      const byField = validator.validateField.bind(validator);
      const byInstance = validator.validateFieldInstance.bind(validator);
      validator.validateField = (field, value) =>
        byField(field, value).map((m) => localiseFormMessage(m, translate));
      validator.validateFieldInstance = (instance, value) =>
        byInstance(instance, value).map((m) => localiseFormMessage(m, translate));
    }
  }
  return { __init__: ['localisedValidation'], localisedValidation: ['type', LocalisedValidation] };
}
