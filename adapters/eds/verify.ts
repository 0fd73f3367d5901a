/**
 * Verification of CMS (CAdES-BES) signatures made with NCALayer, with pkijs and @peculiar/x509:
 * integrity over the signed data (attached or detached), the certificate chain up to a configured
 * trusted root, validity at the signing time (signingTime attribute) and now, revocation against
 * the CRLs given, key usage; then the signer's IIN, BIN and name from the certificate subject.
 * Every refusal is an `EdsError` with a code and a message in Kazakh and Russian.
 */
import { both } from '../../i18n';
import * as pkijs from 'pkijs';
import { x509 } from './x509';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: globalThis.crypto }));

const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const OID = {
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  cn: '2.5.4.3',
  o: '2.5.4.10',
  ou: '2.5.4.11',
  g: '2.5.4.42',
};
/** A signer's clock may run a little ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type EdsErrorCode =
  | 'EDS_MALFORMED'
  | 'EDS_INTEGRITY'
  | 'EDS_UNTRUSTED'
  | 'EDS_EXPIRED'
  | 'EDS_REVOKED'
  | 'EDS_KEY_USAGE'
  | 'EDS_NO_IIN'
  | 'EDS_WRONG_PERSON'
  | 'EDS_CHALLENGE'
  | 'EDS_SIGNED';

const MESSAGES: Record<EdsErrorCode, { kk: string; ru: string }> = {
  EDS_MALFORMED: both('error.eds.malformed'),
  EDS_INTEGRITY: both('error.eds.integrity'),
  EDS_UNTRUSTED: both('error.eds.untrusted'),
  EDS_EXPIRED: both('error.eds.expired'),
  EDS_REVOKED: both('error.eds.revoked'),
  EDS_KEY_USAGE: both('error.eds.keyUsage'),
  EDS_NO_IIN: both('error.eds.noIin'),
  EDS_WRONG_PERSON: both('error.eds.wrongPerson'),
  EDS_CHALLENGE: both('error.eds.challenge'),
  EDS_SIGNED: both('error.eds.signed'),
};

export class EdsError extends Error {
  readonly kk: string;
  readonly ru: string;
  constructor(
    readonly code: EdsErrorCode,
    readonly status = 422,
  ) {
    super(MESSAGES[code].ru);
    this.kk = MESSAGES[code].kk;
    this.ru = MESSAGES[code].ru;
  }
}

/** What the server trusts: NCA RK roots in production, the stand-in's test root on the embedded default. */
export interface TrustStore {
  roots: x509.X509Certificate[];
  /** Intermediate CA certificates for building chains (NCALayer usually sends them too). */
  intermediates: x509.X509Certificate[];
  crls: x509.X509Crl[];
}

export type Purpose = 'auth' | 'sign';

export interface SignerIdentity {
  iin: string;
  bin?: string;
  /** Full name as the certificate says it: surname, given name, patronymic. */
  fullName: string;
  organization?: string;
}

export interface VerifiedSignature {
  signer: SignerIdentity;
  signingTime: Date;
  certificate: {
    serialNumber: string;
    issuer: string;
    subject: string;
    notBefore: string;
    notAfter: string;
    pem: string;
  };
  /** The encapsulated content of an attached signature. */
  content?: Buffer;
}

function attr(name: x509.Name, oid: string): string | undefined {
  return name.getField(oid)[0];
}

/** IIN, BIN and name from an NCA RK style subject (SERIALNUMBER=IIN…, OU=BIN…). */
export function identityOf(cert: x509.X509Certificate): SignerIdentity {
  const serial = attr(cert.subjectName, OID.serialNumber) ?? '';
  const iin = /^IIN(\d{12})$/.exec(serial)?.[1];
  if (!iin) throw new EdsError('EDS_NO_IIN');
  const bin = /^BIN(\d{12})$/.exec(attr(cert.subjectName, OID.ou) ?? '')?.[1];
  const cn = attr(cert.subjectName, OID.cn) ?? '';
  const patronymic = attr(cert.subjectName, OID.g);
  return {
    iin,
    bin,
    fullName: [cn, patronymic].filter(Boolean).join(' '),
    organization: bin ? attr(cert.subjectName, OID.o) : undefined,
  };
}

const sameCert = (a: x509.X509Certificate, b: x509.X509Certificate) =>
  Buffer.from(a.rawData).equals(Buffer.from(b.rawData));

const validAt = (cert: x509.X509Certificate, at: Date) =>
  cert.notBefore.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.getTime();

async function issuedBy(cert: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  if (cert.issuerName.toString() !== issuer.subjectName.toString()) return false;
  try {
    return await cert.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

/** Builds signer → … → trusted root; refuses a chain that does not end at a configured root. */
async function chainOf(
  leaf: x509.X509Certificate,
  sent: x509.X509Certificate[],
  trust: TrustStore,
): Promise<x509.X509Certificate[]> {
  const chain = [leaf];
  const pool = [...trust.intermediates, ...sent];
  for (let depth = 0; depth < 6; depth++) {
    const current = chain[chain.length - 1];
    for (const root of trust.roots) {
      if (sameCert(current, root)) return chain;
      if (await issuedBy(current, root)) return [...chain, root];
    }
    let next: x509.X509Certificate | undefined;
    for (const candidate of pool) {
      if (sameCert(candidate, current)) continue;
      if (!(await issuedBy(current, candidate))) continue;
      const bc = candidate.getExtension(x509.BasicConstraintsExtension);
      if (bc?.ca) {
        next = candidate;
        break;
      }
    }
    if (!next) break;
    chain.push(next);
  }
  throw new EdsError('EDS_UNTRUSTED');
}

async function isRevoked(chain: x509.X509Certificate[], crls: x509.X509Crl[]): Promise<boolean> {
  for (let i = 0; i < chain.length - 1; i++) {
    const cert = chain[i];
    const issuer = chain[i + 1];
    for (const crl of crls) {
      if (crl.issuer !== issuer.subject) continue;
      // A CRL counts only when its issuer really signed it.
      if (!(await crl.verify({ publicKey: issuer.publicKey }).catch(() => false))) continue;
      if (crl.findRevoked(cert)) return true;
    }
  }
  return false;
}

function allowsPurpose(cert: x509.X509Certificate, purpose: Purpose): boolean {
  const ku = cert.getExtension(x509.KeyUsagesExtension);
  if (!ku) return false;
  if (purpose === 'sign') return (ku.usages & x509.KeyUsageFlags.nonRepudiation) !== 0;
  return (ku.usages & x509.KeyUsageFlags.digitalSignature) !== 0;
}

/**
 * Verifies a CMS signature. `data` is the signed content of a detached signature; without it the
 * signature must be attached. Resolves only when everything holds.
 */
export async function verifyCms(
  cms: Uint8Array,
  opts: { data?: Uint8Array; trust: TrustStore; now: Date; purpose: Purpose },
): Promise<VerifiedSignature> {
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(cms));
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error('not SignedData');
    signed = new pkijs.SignedData({ schema: info.content });
  } catch {
    throw new EdsError('EDS_MALFORMED');
  }
  if (signed.signerInfos.length !== 1) throw new EdsError('EDS_MALFORMED');
  const attached = signed.encapContentInfo.eContent?.getValue();
  if (!opts.data && !attached) throw new EdsError('EDS_MALFORMED');

  const certs = (signed.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  let signerCert: pkijs.Certificate | undefined;
  try {
    const result = await signed.verify({
      signer: 0,
      data: opts.data ? new Uint8Array(opts.data).buffer : undefined,
      checkChain: false,
      extendedMode: true,
    });
    if (!result.signatureVerified) throw new EdsError('EDS_INTEGRITY');
    signerCert = result.signerCertificate ?? undefined;
  } catch (err) {
    if (err instanceof EdsError) throw err;
    const code = (err as { code?: number }).code;
    // pkijs code 3: the signer's certificate is not in the CMS.
    throw new EdsError(code === 3 ? 'EDS_MALFORMED' : 'EDS_INTEGRITY');
  }
  if (!signerCert) throw new EdsError('EDS_MALFORMED');

  const leaf = new x509.X509Certificate(signerCert.toSchema().toBER(false));
  const sent = certs.map((c) => new x509.X509Certificate(c.toSchema().toBER(false)));

  const timeAttr = signed.signerInfos[0].signedAttrs?.attributes.find((a) => a.type === OID_SIGNING_TIME);
  const signingTime: Date =
    (timeAttr?.values[0] as { toDate?: () => Date } | undefined)?.toDate?.() ?? opts.now;
  if (signingTime.getTime() > opts.now.getTime() + CLOCK_SKEW_MS) throw new EdsError('EDS_EXPIRED');

  const chain = await chainOf(leaf, sent, opts.trust);
  for (const cert of chain) {
    if (!validAt(cert, signingTime) || !validAt(cert, opts.now)) throw new EdsError('EDS_EXPIRED');
  }
  if (await isRevoked(chain, opts.trust.crls)) throw new EdsError('EDS_REVOKED');
  if (!allowsPurpose(leaf, opts.purpose)) throw new EdsError('EDS_KEY_USAGE');

  return {
    signer: identityOf(leaf),
    signingTime,
    certificate: {
      serialNumber: leaf.serialNumber,
      issuer: leaf.issuer,
      subject: leaf.subject,
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
      pem: leaf.toString('pem'),
    },
    content: attached ? Buffer.from(attached) : undefined,
  };
}
