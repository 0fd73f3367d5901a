/**
 * Signatures of the applicant's e-requests (the application and every later message), kept with the
 * request: one JSON line per signed request, CMS included, so the clerk sees who signed what and
 * when and the signature can be checked again later. Without a file they live in memory (tests).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
  add(signature: RequestSignature): void;
  list(applicationNumber: string): RequestSignature[];
}

export function createRequestSignatureLog(file?: string): RequestSignatureLog {
  const memory: RequestSignature[] = [];
  const read = (): RequestSignature[] =>
    file && existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as RequestSignature)
      : memory;
  return {
    add(signature) {
      if (!file) return void memory.push(signature);
      mkdirSync(path.dirname(file), { recursive: true });
      appendFileSync(file, `${JSON.stringify(signature)}\n`);
    },
    list: (applicationNumber) => read().filter((s) => s.applicationNumber === applicationNumber),
  };
}
