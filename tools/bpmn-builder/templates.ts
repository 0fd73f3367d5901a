/**
 * Writes one Camunda 8 element template per job type into .camunda/element-templates/, so that a
 * designer drops a configured service task in Camunda Modeler. Run: `npx tsx tools/bpmn-builder/templates.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_KINDS } from '../../domain/documents/types';

type Field = { key: string; label: string; choices?: string[]; optional?: boolean; description?: string };

export const JOB_TYPES: Record<string, { name: string; description: string; headers: Field[] }> = {
  'compute-deadlines': {
    name: 'Compute legal terms',
    description:
      'Spec C4: writes deadline* variables (18:30 +05:00 of the n-th working day). Without headers: every step of serviceId/requestKind from registeredOn; with step/workingDays/from: only deadline<Step>.',
    headers: [
      { key: 'step', label: 'Step (camelCase, writes deadline<Step>)', optional: true },
      { key: 'workingDays', label: 'Working days', optional: true },
      { key: 'from', label: 'Variable holding the start instant', optional: true },
    ],
  },
  'case-summary': {
    name: 'Prepare the case summary',
    description:
      'Issue before a user task: display* variables (applicant, request, checks with sources, grounds with the act, terms with working days left, positions, remarks, documents) in Kazakh and Russian, and recordedGroundCodes.',
    headers: [],
  },
  'lookup-legal-entity': {
    name: 'Look up legal entity',
    description: 'Spec C8: state registration, charter, court bans → legalEntity.',
    headers: [],
  },
  'lookup-person': {
    name: 'Look up persons',
    description: 'Spec C8: identity documents → persons.',
    headers: [{ key: 'subjects', label: 'Subjects (head, specialists, founders; comma list)' }],
  },
  'lookup-education': {
    name: 'Look up education',
    description: 'Spec C8 → education, educationFound.',
    headers: [{ key: 'subjects', label: 'Subjects (head, specialists, founders; comma list)' }],
  },
  'lookup-employment': {
    name: 'Look up employment',
    description: 'Spec C8 → employment, employmentFound.',
    headers: [{ key: 'subjects', label: 'Subjects (head, specialists, founders; comma list)' }],
  },
  'lookup-real-estate': { name: 'Look up real estate', description: 'Spec C8 → realEstate.', headers: [] },
  'lookup-criminal-record': {
    name: 'Look up criminal records',
    description: 'Spec C8 → criminalRecords.',
    headers: [{ key: 'subjects', label: 'Subjects (head, specialists, founders; comma list)' }],
  },
  'lookup-mental-health': {
    name: 'Look up mental-health certificates',
    description: 'Spec C8 → mentalHealth.',
    headers: [{ key: 'subjects', label: 'Subjects (head, specialists, founders; comma list)' }],
  },
  'lookup-vehicles': { name: 'Look up vehicles', description: 'Spec C8 → vehicles.', headers: [] },
  'lookup-licence': { name: 'Look up licence', description: 'Spec C8 → existingLicence.', headers: [] },
  'check-licence-fee': {
    name: 'Check licence fee',
    description: 'Service B List row 6 → feeCheck; BPMN error FEE_NOT_PAID (attach an error boundary event).',
    headers: [],
  },
  'validate-hearing-time': {
    name: 'Check the hearing time',
    description:
      'Spec C6: hearingAt at least rules.hearingMinNoticeWd working days after the notice, on a working day in working hours, not after deadlineHearing; else BPMN error HEARING_TIME_INVALID with hearingTimeError {kk, ru} (attach an error boundary event back to the clerk).',
    headers: [],
  },
  'report-stage': {
    name: 'Report stage to monitoring',
    description: 'Spec C9: records a stage in the monitoring system of public services.',
    headers: [
      { key: 'stage', label: 'Stage' },
      { key: 'step', label: 'Step (for deadline-breached)', optional: true },
    ],
  },
  notify: {
    name: 'Notify',
    description: 'Sends a notification from a template.',
    headers: [
      { key: 'template', label: 'Template' },
      { key: 'channel', label: 'Channel', choices: ['personal-cabinet', 'internal', 'sms', 'email'] },
    ],
  },
  'deliver-to-cabinet': {
    name: 'Deliver to personal cabinet',
    description: 'Spec C7: sends resultDocument to the applicant’s personal cabinet.',
    headers: [],
  },
  'send-letter': {
    name: 'Send letter (antimonopoly body)',
    description: 'Service D §9: sends the letter to the antimonopoly body.',
    headers: [],
  },
  'request-missing-documents': {
    name: 'Request missing documents',
    description: 'Service B List row 8: asks the applicant for electronic copies within 1 WD.',
    headers: [],
  },
  'generate-document': {
    name: 'Generate document',
    description: 'Spec C7: forms a document in E-licensing.',
    headers: [
      { key: 'documentKind', label: 'Document kind', choices: [...DOCUMENT_KINDS] },
      { key: 'resultVariable', label: 'Result variable (default resultDocument)', optional: true },
    ],
  },
  'check-fire-specialists': {
    name: 'Check fire specialists',
    description: 'Service A Annex 2 row 10 items 2, 5 → specialistsCheck {passed, grounds}.',
    headers: [],
  },
  'check-security-requirements': {
    name: 'Check security requirements',
    description: 'Service B List row 8 item 1 → securityRequirementsCheck {passed, grounds}.',
    headers: [],
  },
};

export function template(type: string) {
  const t = JOB_TYPES[type];
  return {
    $schema: 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json',
    name: t.name,
    id: `kz.permits.${type}`,
    description: t.description,
    version: 1,
    engines: { camunda: '^8.8' },
    appliesTo: ['bpmn:ServiceTask'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [{ id: 'headers', label: 'Task headers' }],
    properties: [
      { type: 'Hidden', value: type, binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      ...t.headers.map((h) => ({
        id: h.key,
        label: h.label,
        group: 'headers',
        type: h.choices ? 'Dropdown' : 'String',
        ...(h.choices ? { choices: h.choices.map((c) => ({ name: c, value: c })), value: h.choices[0] } : {}),
        ...(h.optional ? { optional: true } : { constraints: { notEmpty: true } }),
        binding: { type: 'zeebe:taskHeader', key: h.key },
      })),
    ],
  };
}

if (require.main === module) {
  const dir = join(__dirname, '..', '..', '.camunda', 'element-templates');
  mkdirSync(dir, { recursive: true });
  for (const type of Object.keys(JOB_TYPES))
    writeFileSync(join(dir, `${type}.json`), JSON.stringify(template(type), null, 2) + '\n');
  console.log(Object.keys(JOB_TYPES).length, 'templates');
}
