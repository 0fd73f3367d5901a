/**
 * The applicant's signed e-requests (Law on e-documents and EDS art. 7; Order 923 §6: the
 * application is an e-document signed with the applicant's EDS) kept with the request in the
 * application database, on SQLite and on a real PostgreSQL: a signature received by one web-app
 * replica is read by the clerk on another, a repeated submission records it once, and an earlier
 * install's JSON-lines log is copied in once.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importLegacyRequestSignatures } from '../../adapters/db/upgrade';
import { createRequestSignatureLog, type RequestSignature } from '../../adapters/eds/request-signatures';
import { DIALECTS, databasesPerTest } from '../support/postgres';

const signature = (n: number, applicationNumber = 'SEC-2026-000101'): RequestSignature => ({
  applicationNumber,
  kind: n === 1 ? 'application' : 'hearing-position',
  receivedAt: `2026-11-30T0${n}:00:00.000Z`,
  signingTime: `2026-11-30T0${n}:00:00.000Z`,
  signer: { iin: '810412314079', bin: '190140603210', fullName: 'Серікбаев Ерлан Қайратұлы' },
  certificate: {
    serialNumber: `0${n}`,
    subject: 'CN=Серікбаев',
    issuer: 'CN=Test CA',
    notAfter: '2027-11-30',
  },
  sha256: String(n).repeat(64),
  cms: Buffer.from(`cms-${n}`).toString('base64'),
});

describe.each(DIALECTS)('the applicant’s request signatures on $name', (dialect) => {
  const db = databasesPerTest(dialect);

  test('given a signature received by replica 1, then the clerk on replica 2 reads it, in the order received', async () => {
    const one = createRequestSignatureLog(db.database);
    const two = createRequestSignatureLog(db.replica);
    await one.add(signature(2));
    await two.add(signature(1));
    await one.add(signature(3, 'SEC-2026-000102'));
    const read = await two.list('SEC-2026-000101');
    expect(read.map((s) => s.kind)).toEqual(['application', 'hearing-position']);
    expect(read[1]).toEqual(signature(2));
    expect(await one.list('SEC-2026-000102')).toHaveLength(1);
  });

  test('given the same signed request submitted again (a retry), then it is recorded once', async () => {
    const one = createRequestSignatureLog(db.database);
    await one.add(signature(1));
    await createRequestSignatureLog(db.replica).add(signature(1));
    expect(await one.list('SEC-2026-000101')).toHaveLength(1);
  });

  test('given an earlier install’s JSON-lines log, then it is copied in once and kept as *.imported', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'request-signatures-'));
    try {
      const file = path.join(dir, 'eds-request-signatures.jsonl');
      writeFileSync(file, `${JSON.stringify(signature(1))}\n${JSON.stringify(signature(2))}\n`);
      const log = createRequestSignatureLog(db.database);
      expect(await importLegacyRequestSignatures(log, file)).toBe(2);
      expect(existsSync(file)).toBe(false);
      expect(readFileSync(`${file}.imported`, 'utf8')).toContain('hearing-position');
      expect(await importLegacyRequestSignatures(log, file)).toBe(0);
      expect(await createRequestSignatureLog(db.replica).list('SEC-2026-000101')).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
