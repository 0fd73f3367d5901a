import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluate } from '@bpmn-io/feelin';
import { evaluateFeel, toJsonValue } from '../engine/feel';
import { extensionFunctions } from '../engine/feel/builtins';

/**
 * µs of CPU per FEEL evaluation: the expressions of the benchmark process and of the real diagrams
 * (conditions, mappings, scripts, task attributes), against the variables of an instance. Two
 * figures per set: feelin called with the whole context (the extension functions and every
 * variable), which is what the engine did for each of these expressions before it cut the context
 * down, and the engine's `evaluateFeel` end to end as it runs now. Bare variable paths
 * (`=resultDocument`) are left out: the engine answers them without feelin, then as now.
 */

const ROOT = path.join(__dirname, '..');

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };
const decode = (xml: string): string =>
  xml.replace(/&(#\d+|\w+);/g, (m, e: string) =>
    e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

/** Every FEEL expression of a diagram: conditions and `="…"` attribute values, without the `=`. */
function expressionsOf(file: string): string[] {
  const xml = fs.readFileSync(file, 'utf8');
  const found = [
    ...Array.from(xml.matchAll(/<bpmn:conditionExpression[^>]*>([^<]*)</g), (m) => m[1]),
    ...Array.from(xml.matchAll(/\s[\w:]+="(=[^"]*)"/g), (m) => m[1]),
  ];
  return [...new Set(found.map((e) => decode(e).trim().replace(/^=/, '')))];
}

const BARE_PATH = /^\s*([A-Za-z_$][\w$]*)(?:\.[A-Za-z_$][\w$]*)*\s*$/;
const throughFeelin = (variables: Record<string, unknown>) => (e: string) => {
  const head = BARE_PATH.exec(e)?.[1];
  return head === undefined || !Object.prototype.hasOwnProperty.call(variables, head);
};

/** A late-stage application's variables (synthetic), named as in docs/process-variables.md. */
const APPLICATION_VARIABLES: Record<string, unknown> = {
  applicationNumber: 'KZ-2026-000123',
  serviceId: 'security-licence',
  requestKind: 'issue',
  subType: 1,
  registeredOn: '2026-03-02',
  receivedAt: '2026-03-02T10:15:00+05:00',
  applicant: {
    bin: '120540012348',
    name: 'ТОО «Қорған Сервис»',
    headIin: '850312300125',
    headFullName: 'Серікбаев Нұрлан',
  },
  consentToRestrictedData: true,
  attachments: [
    { kind: 'charter', fileName: 'charter.pdf' },
    { kind: 'staff', fileName: 'staff.pdf' },
  ],
  rulesFrom: '2026-01-01',
  deadlineCompleteness: '2026-03-04T18:30:00+05:00',
  deadlineStudy: '2026-03-20T18:30:00+05:00',
  deadlineHearingNotice: '2026-03-23T18:30:00+05:00',
  deadlineHearing: '2026-03-27T18:30:00+05:00',
  deadlineResult: '2026-03-31T18:30:00+05:00',
  deadlineAgreement: '2026-04-10T18:30:00+05:00',
  deadlineConsent: '2026-04-10T18:30:00+05:00',
  deadlineMissingDocuments: '2026-03-06T18:30:00+05:00',
  deadlineDelivery: '2026-04-01T18:30:00+05:00',
  deadlineComplaintReview: '2026-05-01T18:30:00+05:00',
  securityRequirementsCheck: {
    passed: true,
    grounds: [],
    ownedVehicleCount: 2,
    requiredDocuments: [],
    missingDocuments: [],
  },
  feeNotPaid: false,
  refusalGrounds: null,
  recordedGroundCodes: ['B07_STAFF'],
  documentsComplete: true,
  incompletenessReason: null,
  documentsExpired: false,
  groundsFound: false,
  studyNotes: 'Тексерілді / Проверено',
  educationFound: true,
  employmentFound: true,
  hearingAt: null,
  hearingOutcome: null,
  hearingReasons: null,
  applicantPositionSummary: null,
  decision: 'approve',
  signerName: 'Ахметова Гүлнар',
  signatureRemarks: null,
  signatureDecision: 'approve',
  signedAt: '2026-03-30T12:00:00Z',
  resultKind: 'licence',
  licenceDocuments: 'annex',
  licenceNumber: null,
  resultSignedWithEds: true,
  resultDocument: { kind: 'licence', number: 'L-000123', file: 'licence.pdf' },
  annexDocument: { kind: 'annex', number: 'A-000123', file: 'annex.pdf' },
  hearingRecordDocument: null,
  deliveredResultKind: 'licence',
  applicantPosition: null,
  applicantPositions: [],
  hearingTimeError: null,
  legalReviewApproved: true,
  editorialReviewApproved: true,
  antimonopolyConsentConfirmed: true,
  antimonopolyAnswerReceivedAt: null,
  feeCheck: { paid: true },
  clerkGroup: 'police-clerks',
  headGroup: 'police-head',
  signerGroup: 'police-head',
  reviewerGroup: 'police-head',
};

/**
 * The variables of instance `i`: what differs from one application to the next (its number, its
 * dates, a counter) differs here too, so kept answers are only reused where they would be.
 */
function instanceVariables(base: Record<string, unknown>, i: number): Record<string, unknown> {
  const vars: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(base)) {
    if (typeof value === 'number' && key === 'n') vars[key] = i;
    else if (typeof value === 'string' && /^\d{4}-\d\d-\d\d/.test(value))
      vars[key] = new Date(Date.parse(value.slice(0, 10)) + i * 60_000).toISOString();
    else if (key === 'applicationNumber') vars[key] = `KZ-2026-${String(i).padStart(6, '0')}`;
  }
  return vars;
}

function microsPerEvaluation(
  expressions: string[],
  newInstances: () => Record<string, unknown>[],
  evaluateOne: (e: string, variables: Record<string, unknown>) => unknown,
): number {
  for (const v of newInstances().slice(0, 50)) for (const e of expressions) evaluateOne(e, v); // JIT warm-up
  // CPU time of this process rather than wall time, and the best of five runs: the figures should
  // not depend on what else runs on the machine.
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const instances = newInstances(); // new applications each run: earlier runs' answers do not help
    const started = process.cpuUsage();
    for (const v of instances) for (const e of expressions) evaluateOne(e, v);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / (instances.length * expressions.length));
  }
  return best;
}

export async function benchFeel(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const now = new Date('2026-03-30T12:00:00Z');
  const sets: [string, string[], Record<string, unknown>, number][] = [
    [
      'ten-elements.bpmn',
      expressionsOf(path.join(__dirname, 'fixtures/ten-elements.bpmn')),
      { n: 1, checked: true },
      5000,
    ],
    [
      'bpmn/*.bpmn',
      [
        ...new Set(
          fs
            .readdirSync(path.join(ROOT, 'bpmn'))
            .filter((f) => f.endsWith('.bpmn'))
            .flatMap((f) => expressionsOf(path.join(ROOT, 'bpmn', f))),
        ),
      ],
      APPLICATION_VARIABLES,
      20,
    ],
  ];
  const figures: Record<string, number | string> = {};
  for (const [label, all, variables, rounds] of sets) {
    const expressions = all.filter(throughFeelin(variables));
    let next = 0;
    const instances = () => Array.from({ length: rounds }, () => instanceVariables(variables, next++));
    const before = microsPerEvaluation(expressions, instances, (e, v) =>
      toJsonValue(evaluate(e, { ...extensionFunctions(now), ...v }).value),
    );
    const after = microsPerEvaluation(expressions, instances, (e, v) => evaluateFeel(e, v, { now }));
    const r = (x: number) => Number(x.toFixed(1));
    figures[`${label}: expressions, variables`] = `${expressions.length}, ${Object.keys(variables).length}`;
    figures[`${label}: µs CPU per evaluation before (feelin, whole context)`] = r(before);
    figures[`${label}: µs CPU per evaluation now (evaluateFeel)`] = r(after);
    figures[`${label}: ratio before / now`] = `${(before / after).toFixed(2)}x`;
  }
  figures['load average (1 min) at the end'] = os.loadavg()[0].toFixed(2);
  return { name: 'feel', figures };
}

if (require.main === module) {
  benchFeel().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
