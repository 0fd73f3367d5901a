/**
 * Signatures of the applicant's e-requests (the application and every later message), kept with the
 * request in the application database: one row per signed request, CMS included, so the clerk on any
 * replica sees who signed what and when, and the signature can be checked again later.
 */
import { createHash } from 'node:crypto';
import { givenOrDefaultDatabase, queriesOn, type AppDatabase } from '../db/connect';

export interface RequestSignature {
  applicationNumber: string;
  /** application | hearing-position | missing-documents | complaint | … */
  kind: string;
  receivedAt: string;
  signingTime: string;
  signer: { iin: string; bin?: string; fullName: string; organization?: string };
  certificate: { serialNumber: string; subject: string; issuer: string; notAfter: string };
  /** SHA-256 of the signed request text. */
  sha256: string;
  /** The CMS, base64. */
  cms: string;
}

export interface RequestSignatureLog {
  /** Records a signature; the same CMS for the same application is recorded once. */
  add(signature: RequestSignature): Promise<void>;
  /** An application's signatures in the order they were received. */
  list(applicationNumber: string): Promise<RequestSignature[]>;
}

const keyOf = (s: RequestSignature) =>
  createHash('sha256').update(`${s.applicationNumber}\n${s.cms}`, 'utf8').digest('hex');

/**
 * The log on `database`; without one, the SQLite file `app.sqlite` in `dir`, or a private in-memory
 * SQLite when neither is given (tests).
 */
export function createRequestSignatureLog(database?: AppDatabase, dir?: string): RequestSignatureLog {
  const run = queriesOn(givenOrDefaultDatabase(database ?? (dir ? undefined : ':memory:'), dir ?? '.'));
  return {
    add: (signature) =>
      run(async (k) => {
        await k
          .insertInto('request_signatures')
          .values({
            signature_key: keyOf(signature),
            application_number: signature.applicationNumber,
            received_at: signature.receivedAt,
            body: JSON.stringify(signature),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }),
    list: (applicationNumber) =>
      run(async (k) =>
        (
          await k
            .selectFrom('request_signatures')
            .select('body')
            .where('application_number', '=', applicationNumber)
            .orderBy('received_at')
            .orderBy('signature_key')
            .execute()
        ).map((r) => JSON.parse(r.body) as RequestSignature),
      ),
  };
}
