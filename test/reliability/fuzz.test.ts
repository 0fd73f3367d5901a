import fc from 'fast-check';
import { ANONYMOUS, applicant, headersOf, startReliabilitySystem, staff, type Party } from './support';

/**
 * Generated hostile input against every public endpoint of the web app, each request sent as a
 * party allowed to call it (so it reaches the handler, not only the access check): malformed and
 * oversized path parameters, query strings, bodies of every JSON shape, bodies that are not JSON,
 * wrong and missing content types, broken multipart, malformed cookies. No answer may be a 5xx:
 * bad input gets a 4xx with a message, never a crash.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

type Who = 'anonymous' | 'applicant' | 'fire.clerk' | 'fire.head' | 'operator' | 'designer';
interface Endpoint {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  who: Who;
}

const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/lang', who: 'anonymous' },
  { method: 'POST', path: '/signin', who: 'anonymous' },
  { method: 'GET', path: '/auth/callback', who: 'anonymous' },
  { method: 'GET', path: '/verify', who: 'anonymous' },
  { method: 'GET', path: '/verify/:id', who: 'anonymous' },
  { method: 'GET', path: '/verify/:id/pdf', who: 'anonymous' },
  { method: 'GET', path: '/api/verify', who: 'anonymous' },
  { method: 'POST', path: '/api/verify/upload', who: 'anonymous' },
  { method: 'POST', path: '/api/eds/signin', who: 'anonymous' },
  { method: 'POST', path: '/inbound/antimonopoly-answers', who: 'anonymous' },
  { method: 'POST', path: '/api/applications', who: 'applicant' },
  { method: 'GET', path: '/api/applications', who: 'applicant' },
  { method: 'GET', path: '/api/applications/:id', who: 'applicant' },
  { method: 'POST', path: '/api/applications/:id/messages', who: 'applicant' },
  { method: 'POST', path: '/api/complaints', who: 'applicant' },
  { method: 'GET', path: '/api/documents/:id', who: 'applicant' },
  { method: 'GET', path: '/api/tasks', who: 'fire.clerk' },
  { method: 'GET', path: '/api/tasks/:id', who: 'fire.clerk' },
  { method: 'POST', path: '/api/tasks/:id/claim', who: 'fire.clerk' },
  { method: 'POST', path: '/api/tasks/:id/release', who: 'fire.clerk' },
  { method: 'POST', path: '/api/tasks/:id/complete', who: 'fire.clerk' },
  { method: 'GET', path: '/api/eds/requests/:id', who: 'fire.clerk' },
  { method: 'POST', path: '/api/eds/tasks/:id/prepare', who: 'fire.head' },
  { method: 'POST', path: '/api/eds/tasks/:id/sign', who: 'fire.head' },
  { method: 'GET', path: '/api/forms/i18n/:id', who: 'fire.clerk' },
  { method: 'GET', path: '/api/ops/instances', who: 'operator' },
  { method: 'GET', path: '/api/ops/instances/:id', who: 'operator' },
  { method: 'GET', path: '/api/ops/incidents', who: 'operator' },
  { method: 'POST', path: '/api/ops/incidents/:id/retry', who: 'operator' },
  { method: 'POST', path: '/api/ops/amendments', who: 'operator' },
  { method: 'GET', path: '/api/ops/deadlines', who: 'operator' },
  { method: 'GET', path: '/api/designer/diagrams', who: 'designer' },
  { method: 'GET', path: '/api/designer/diagrams/:id', who: 'designer' },
  { method: 'GET', path: '/api/designer/forms/:id', who: 'designer' },
];

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom(
    '%',
    '%E0%A4%A',
    '%00',
    '..%2F..%2Fetc%2Fpasswd',
    '../../etc/passwd',
    '__proto__',
    'constructor',
    '\u202egpj.exe',
    'FAP-2026-000001',
    '9007199254740993',
    '-1',
    '0x10',
    '<script>alert(1)</script>',
    'А'.repeat(400),
  ),
);
/** A path segment as a client could send it: encoded, or raw where URL syntax allows. */
const segment = fc.oneof(
  hostileText.map((s) => encodeURIComponent(s) || 'x'),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '%2e%2e', 'a%00b'),
);
const query = fc.dictionary(fc.string({ maxLength: 12 }), hostileText, { maxKeys: 4 }).map((q) => {
  const s = Object.entries(q)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return s ? `?${s}` : '';
});
const jsonBody = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
const body = fc.oneof(
  jsonBody.map((b) => ({ type: 'application/json', body: b as string })),
  fc
    .record({ applicationNumber: hostileText, serviceId: hostileText, kind: hostileText, text: hostileText })
    .map((o) => ({ type: 'application/json', body: JSON.stringify(o) })),
  fc.string({ unit: 'binary', maxLength: 200 }).map((b) => ({ type: 'application/json', body: b })),
  jsonBody.map((b) => ({ type: 'text/plain', body: b as string })),
  fc.string({ maxLength: 200 }).map((b) => ({ type: 'application/x-www-form-urlencoded', body: b })),
  fc.string({ maxLength: 200 }).map((b) => ({ type: 'multipart/form-data; boundary=zz', body: b })),
  hostileText.map((name) => ({
    type: 'multipart/form-data; boundary=zz',
    body:
      `--zz\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n%PDF-1.4 x\r\n--zz\r\n` +
      `Content-Disposition: form-data; name="application"\r\n\r\n{"a":1}\r\n--zz--\r\n`,
  })),
  fc.constant({ type: '', body: '' }),
);
const request = fc.record({
  params: fc.array(segment, { minLength: 3, maxLength: 3 }),
  query,
  body,
  badCookie: fc.boolean(),
  signature: fc.option(fc.base64String({ maxLength: 80 }), { nil: undefined }),
});

describe('reliability: generated hostile input against every public endpoint', () => {
  let env: Awaited<ReturnType<typeof startReliabilitySystem>>;
  const parties = new Map<Who, Party>();
  beforeAll(async () => {
    env = await startReliabilitySystem();
    parties.set('anonymous', ANONYMOUS);
    parties.set('applicant', await applicant(env.sys, 'fire-applicant'));
    for (const u of ['fire.clerk', 'fire.head', 'operator', 'designer'] as const)
      parties.set(u, await staff(env.sys, u));
  }, 180_000);
  afterAll(() => env?.close());

  test.each(ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const))(
    `%s: ${RUNS} generated requests, no 5xx`,
    async (_name, endpoint) => {
      const party = parties.get(endpoint.who)!;
      const failures = new Map<string, string>();
      const samples = fc.sample(request, { numRuns: RUNS, seed: 20261129 });
      for (const r of samples) {
        let i = 0;
        const path = endpoint.path.replace(/:id/g, () => r.params[i++]);
        const headers = headersOf(party, {
          ...(r.body.type ? { 'content-type': r.body.type } : {}),
          ...(r.signature ? { 'x-eds-signature': r.signature } : {}),
        });
        if (r.badCookie)
          headers.cookie = `${headers.cookie ? `${headers.cookie}; ` : ''}kzp_lang=%E0%A4%A; x=%`;
        const url = `${env.sys.uiUrl}${path}${r.query}`;
        let status: number;
        let text = '';
        try {
          const res = await fetch(url, {
            method: endpoint.method,
            headers,
            body: endpoint.method === 'GET' ? undefined : r.body.body,
            redirect: 'manual',
            signal: AbortSignal.timeout(15_000),
          });
          status = res.status;
          text = await res.text();
        } catch (err) {
          status = 599;
          text = String(err);
        }
        if (status >= 500) {
          const key = `${status} ${text.slice(0, 160)}`;
          if (!failures.has(key))
            failures.set(
              key,
              `${endpoint.method} ${path}${r.query} [${r.body.type}] ${r.body.body.slice(0, 120)}`,
            );
        }
      }
      expect([...failures].map(([answer, req]) => `${req} → ${answer}`)).toEqual([]);
    },
    900_000,
  );
});
