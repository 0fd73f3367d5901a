import { readFileSync } from 'node:fs';
import { x509 } from './x509';
import type { TrustStore } from './verify';

/** The blocks of a PEM file with the given label, or the file itself when it is DER. */
function blocks(file: string, label: 'CERTIFICATE' | 'X509 CRL'): ArrayBuffer[] {
  const data = readFileSync(file);
  const text = data.toString('latin1');
  if (!text.includes('-----BEGIN')) return [new Uint8Array(data).buffer];
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...text.matchAll(re)].map(
    (m) => new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64')).buffer,
  );
}

export interface TrustFiles {
  /** Trusted root certificates (PEM or DER files): NCA RK's roots in production. */
  roots: string[];
  /** Intermediate CA certificates. */
  intermediates?: string[];
  /** Certificate revocation lists, as published by the CA. */
  crls?: string[];
}

/** Reads the configured trust files; a missing or unreadable file fails start-up. */
export function loadTrustStore(files: TrustFiles): TrustStore {
  const certs = (list: string[] = []) =>
    list.flatMap((f) => blocks(f, 'CERTIFICATE').map((der) => new x509.X509Certificate(der)));
  return {
    roots: certs(files.roots),
    intermediates: certs(files.intermediates),
    crls: (files.crls ?? []).flatMap((f) => blocks(f, 'X509 CRL').map((der) => new x509.X509Crl(der))),
  };
}
