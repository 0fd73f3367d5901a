import { isMessageKey, t, type Lang } from '../../i18n';
import { stepName } from '../../domain/applications/step-names';

/**
 * Names of what an operator reads about an instance: every element (its own name from the
 * catalogue by its id, `step.<id>`; the name of its kind only for elements of diagrams deployed by
 * a designer that have no catalogue entry; never its id) and every value.
 */
const KIND_BY_PREFIX: [RegExp, string][] = [
  [/^Task_Lookup/, 'ops.kind.lookup'],
  [/^Task_(Re)?Compute|^Task_Plan/, 'ops.kind.compute'],
  [/^Task_(Form|Generate)/, 'ops.kind.form'],
  [/^Task_Notify/, 'ops.kind.notify'],
  [/^Task_Report/, 'ops.kind.report'],
  [/^Task_Check/, 'ops.kind.check'],
  [/^Task_(Deliver|Issue)/, 'ops.kind.deliver'],
];

const KIND_BY_TYPE: Record<string, string> = {
  START_EVENT: 'ops.kind.start',
  END_EVENT: 'ops.kind.end',
  EXCLUSIVE_GATEWAY: 'ops.kind.gateway',
  PARALLEL_GATEWAY: 'ops.kind.gateway',
  INCLUSIVE_GATEWAY: 'ops.kind.gateway',
  EVENT_BASED_GATEWAY: 'ops.kind.gateway',
  BOUNDARY_EVENT: 'ops.kind.boundary',
  INTERMEDIATE_CATCH_EVENT: 'ops.kind.wait',
  INTERMEDIATE_THROW_EVENT: 'ops.kind.throw',
  CALL_ACTIVITY: 'ops.kind.call',
  SUB_PROCESS: 'ops.kind.subprocess',
  EVENT_SUB_PROCESS: 'ops.kind.subprocess',
  PROCESS: 'ops.kind.process',
  SERVICE_TASK: 'ops.kind.service',
  BUSINESS_RULE_TASK: 'ops.kind.service',
  SCRIPT_TASK: 'ops.kind.service',
  SEND_TASK: 'ops.kind.throw',
  RECEIVE_TASK: 'ops.kind.wait',
  TASK: 'ops.kind.task',
  USER_TASK: 'ops.kind.userTask',
  MULTI_INSTANCE_BODY: 'ops.kind.multi',
};

/** The element's name in `lang`: its catalogue name, else (a designer's element) the name of its kind. */
export function elementLabel(elementId: string, type: string | undefined, lang: Lang): string {
  const own = stepName(elementId, lang, '');
  if (own) return own;
  const byPrefix = KIND_BY_PREFIX.find(([re]) => re.test(elementId))?.[1];
  const key = byPrefix ?? KIND_BY_TYPE[type ?? ''] ?? 'ops.kind.task';
  return isMessageKey(key) ? t(lang, key) : t(lang, 'ops.kind.task');
}

/** A process variable's display name; a value without one is named by its kind of data. */
export function variableLabel(name: string, lang: Lang): string {
  const key = `var.${name}`;
  if (isMessageKey(key)) return t(lang, key);
  if (/^deadline[A-Z]/.test(name)) return t(lang, 'var.deadlineOther');
  if (/^display[A-Z]/.test(name)) return t(lang, 'var.displayOther');
  if (/^lookup\w*At$/.test(name)) return t(lang, 'var.lookupAt');
  if (/Found$/.test(name)) return t(lang, 'var.foundOther');
  if (/Document$/.test(name)) return t(lang, 'var.documentOther');
  return t(lang, 'var.other');
}

/** The service (process) name in `lang`. */
export function processLabel(processDefinitionId: string, lang: Lang): string {
  const key = `service.${processDefinitionId}`;
  return isMessageKey(key) ? t(lang, key) : t(lang, 'ops.kind.process');
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const typeOf = (localName: string) => localName.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
const UNNAMED = new Set([
  'SEQUENCE_FLOW',
  'EXCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'INCLUSIVE_GATEWAY',
  'EVENT_BASED_GATEWAY',
]);
const KEPT = new Set(['MESSAGE', 'ERROR', 'SIGNAL', 'ESCALATION']);

/**
 * The diagram as the operator reads it: every named shape and branch in `lang` (its catalogue
 * name; for a designer's element without one, a shape by its kind and a branch or gateway label
 * dropped, as the diagram's own name is in both languages or in the designer's words).
 */
export function localiseDiagram(xml: string, lang: Lang): string {
  return xml.replace(
    /<bpmn:([A-Za-z]+) id="([^"]+)"([^>]*?) name="[^"]*"/g,
    (all, local: string, id: string, between: string) => {
      const type = typeOf(local);
      if (KEPT.has(type)) return all;
      const own = stepName(id, lang, '');
      const name = own || (UNNAMED.has(type) ? '' : elementLabel(id, type, lang));
      return `<bpmn:${local} id="${id}"${between} name="${esc(name)}"`;
    },
  );
}
