import { randomUUID } from 'node:crypto';
import { fixtures } from '../../simulators';
import { signCms } from '../../simulators/ncalayer/cms';
import { permitApplication } from '../support/process-fixtures';
import { ANONYMOUS, applicant, headersOf, startReliabilitySystem, staff, type Party } from './support';

/**
 * Every party against every endpoint of the web app's API: the seeded staff of each role and unit,
 * two applicants and nobody. What a party may not do is refused (401, 403, or 404 where a 403 would
 * reveal that the object exists), never served; what it may do is not refused. The objects are real:
 * a fire-permit application of one applicant, waiting at the fire unit's completeness check.
 */
type Who =
  | 'anonymous'
  | 'fire-applicant'
  | 'licence-applicant'
  | 'fire.clerk'
  | 'fire.head'
  | 'police.clerk'
  | 'police.head'
  | 'legal.expert'
  | 'operator'
  | 'designer';
const PARTIES: Who[] = [
  'anonymous',
  'fire-applicant',
  'licence-applicant',
  'fire.clerk',
  'fire.head',
  'police.clerk',
  'police.head',
  'legal.expert',
  'operator',
  'designer',
];
const TASK_STAFF: Who[] = ['fire.clerk', 'fire.head', 'police.clerk', 'police.head', 'legal.expert'];
const REFUSED = [401, 403, 404];

describe('reliability: the role × endpoint matrix', () => {
  let env: Awaited<ReturnType<typeof startReliabilitySystem>>;
  const parties = new Map<Who, Party>();
  let number: string;
  let taskKey: string;

  beforeAll(async () => {
    env = await startReliabilitySystem();
    const { sys } = env;
    parties.set('anonymous', ANONYMOUS);
    for (const a of ['fire-applicant', 'licence-applicant'] as const) parties.set(a, await applicant(sys, a));
    for (const u of PARTIES.filter((p) => p.includes('.') || p === 'operator' || p === 'designer'))
      parties.set(u, await staff(sys, u));
    // The fire applicant submits, signed with the signing key, as the portal does.
    const text = JSON.stringify(permitApplication('', fixtures.fire.approved));
    const signature = await signCms(sys.ncalayer!.pki.find('fire-applicant', 'sign')!, Buffer.from(text), {
      attached: false,
    });
    const res = await fetch(`${sys.uiUrl}/api/applications`, {
      method: 'POST',
      headers: headersOf(parties.get('fire-applicant')!, {
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        'x-eds-signature': signature.toString('base64'),
      }),
      body: text,
    });
    if (res.status !== 201) throw new Error(`submission: ${res.status} ${await res.text()}`);
    number = ((await res.json()) as { applicationNumber: string }).applicationNumber;
    // Its completeness check reaches the fire unit's worklist.
    const clerk = parties.get('fire.clerk')!;
    const until = Date.now() + 60_000;
    for (;;) {
      const list = (await (
        await fetch(`${sys.uiUrl}/api/tasks?q=${encodeURIComponent(number)}`, { headers: headersOf(clerk) })
      ).json()) as { items: { userTaskKey: string; elementId: string }[] };
      const task = list.items.find((t) => t.elementId === 'Task_CheckCompleteness');
      if (task) {
        taskKey = task.userTaskKey;
        break;
      }
      if (Date.now() > until) throw new Error(`no completeness check for ${number}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 300_000);
  afterAll(() => env?.close());

  /** Each endpoint with the parties that may call it; everyone else must be refused. */
  const matrix = (): { method: string; path: string; body?: unknown; allowed: Who[] }[] => [
    { method: 'GET', path: '/api/tasks', allowed: TASK_STAFF },
    { method: 'GET', path: `/api/tasks/${taskKey}`, allowed: ['fire.clerk'] },
    { method: 'POST', path: `/api/tasks/${taskKey}/release`, body: {}, allowed: ['fire.clerk'] },
    { method: 'GET', path: '/api/applications', allowed: ['fire-applicant', 'licence-applicant'] },
    { method: 'GET', path: `/api/applications/${number}`, allowed: ['fire-applicant'] },
    { method: 'GET', path: `/api/applications/${number}/attachments`, allowed: ['fire-applicant'] },
    {
      method: 'POST',
      path: `/api/applications/${number}/messages`,
      body: { kind: 'hearing-position', text: '' },
      allowed: ['fire-applicant'],
    },
    {
      method: 'POST',
      path: '/api/complaints',
      body: { applicationNumber: number },
      allowed: ['fire-applicant'],
    },
    { method: 'GET', path: `/api/eds/requests/${number}`, allowed: ['fire.clerk', 'fire.head', 'operator'] },
    { method: 'GET', path: '/api/ops/instances', allowed: ['operator'] },
    { method: 'GET', path: '/api/ops/incidents', allowed: ['operator'] },
    { method: 'GET', path: '/api/ops/deadlines', allowed: ['operator'] },
    { method: 'POST', path: '/api/ops/amendments', body: {}, allowed: ['operator'] },
    { method: 'GET', path: '/api/designer/diagrams', allowed: ['designer'] },
    { method: 'GET', path: '/api/designer/element-templates', allowed: ['designer'] },
  ];

  test('every foreign access is refused and every own access is served', async () => {
    const wrong: string[] = [];
    for (const e of matrix()) {
      for (const who of PARTIES) {
        const res = await fetch(`${env.sys.uiUrl}${e.path}`, {
          method: e.method,
          headers: headersOf(
            parties.get(who)!,
            e.body === undefined ? {} : { 'content-type': 'application/json' },
          ),
          body: e.body === undefined ? undefined : JSON.stringify(e.body),
          redirect: 'manual',
        });
        await res.arrayBuffer();
        const may = e.allowed.includes(who);
        const refused = REFUSED.includes(res.status);
        if (res.status >= 500 || may === refused)
          wrong.push(`${who} ${e.method} ${e.path}: ${res.status} (${may ? 'allowed' : 'foreign'})`);
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);
});
