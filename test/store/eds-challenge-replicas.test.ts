/**
 * EDS sign-in challenges on two web-app replicas sharing one application database (SQLite and a
 * real PostgreSQL): a challenge issued by replica 1 and signed by the applicant verifies on
 * replica 2; it is good once (a replay on either replica is refused) and for five minutes only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEdsChallengeRepository } from '../../adapters/db/eds-challenges';
import { createRequestSignatureLog } from '../../adapters/eds/request-signatures';
import { createSignedDocumentStore } from '../../adapters/eds/signed-documents';
import { signCms } from '../../simulators/ncalayer/cms';
import { APPLICANTS } from '../../simulators/ncalayer/holders';
import { createTestPki, type TestPki } from '../../simulators/ncalayer/pki';
import { movableClock } from '../ui/support/requests';
import { appReplica, type AppReplica } from '../support/app-replica';
import { DIALECTS, stopSharedPostgres, type DialectCase } from '../support/postgres';

const APPLICANT = APPLICANTS[0];
const SECRET = 'replica-secret-replica-secret-0123456789';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki([APPLICANT]);
});

describe.each(DIALECTS)('EDS sign-in challenges on two web-app replicas on $name', ({ open }) => {
  let database: Awaited<ReturnType<DialectCase['open']>>;
  let dir: string;
  const replicas: AppReplica[] = [];
  let clock: ReturnType<typeof movableClock>;

  /** One web-app replica on its own connection to the database, with EDS sign-in. */
  async function replica(): Promise<string> {
    const one = await appReplica(database.location, (db) => ({
      clock,
      sessionSecret: SECRET,
      eds: {
        trust: { roots: [pki.root], intermediates: [], crls: [pki.crl] },
        ncalayerUrl: 'ws://127.0.0.1:1',
        signed: createSignedDocumentStore(path.join(dir, 'signed')),
        requestSignatures: createRequestSignatureLog(),
        challenges: createEdsChallengeRepository(db),
        staffIin: () => undefined,
      },
    }));
    replicas.push(one);
    return one.url;
  }

  beforeEach(async () => {
    database = await open();
    dir = mkdtempSync(path.join(os.tmpdir(), 'eds-replicas-'));
    // Certificates are made now: the replicas' clock starts at the real time.
    clock = movableClock(new Date().toISOString());
  });
  afterEach(async () => {
    for (const one of replicas.splice(0)) await one.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(stopSharedPostgres);

  const post = async (base: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    return { status: res.status, json: (await res.json()) as any, cookie: res.headers.get('set-cookie') };
  };
  const signedChallenge = async (base: string) => {
    const { json } = await post(base, '/api/eds/challenge');
    const key = pki.find(APPLICANT.alias, 'auth')!;
    return (await signCms(key, Buffer.from(json.challenge, 'base64'), { attached: true })).toString('base64');
  };

  test('a challenge issued by replica 1 verifies on replica 2, once: the replay is refused on either replica', async () => {
    const one = await replica();
    const two = await replica();
    const cms = await signedChallenge(one);
    const signedIn = await post(two, '/api/eds/signin', { cms });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json).toMatchObject({ iin: APPLICANT.iin, bin: APPLICANT.bin });
    expect(signedIn.cookie).toMatch(/^kzp_session=./);
    for (const base of [one, two]) {
      const replay = await post(base, '/api/eds/signin', { cms });
      expect(replay.status).toBe(401);
      expect(replay.json.error.kk).toMatch(/[әғқңөұүһі]/i);
      expect(replay.json.error.ru).toMatch(/[а-я]/i);
      expect(replay.cookie).toBeNull();
    }
  });

  test('a challenge older than five minutes is refused on the other replica too', async () => {
    const one = await replica();
    const two = await replica();
    const cms = await signedChallenge(one);
    clock.advance(5 * 60_000 + 1000);
    const late = await post(two, '/api/eds/signin', { cms });
    expect(late.status).toBe(401);
    expect(late.cookie).toBeNull();
    // A fresh one, within its five minutes, still signs in.
    const fresh = await signedChallenge(two);
    clock.advance(4 * 60_000);
    expect((await post(one, '/api/eds/signin', { cms: fresh })).status).toBe(200);
  });
});
