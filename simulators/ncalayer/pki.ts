/**
 * A synthetic test PKI shaped like NCA RK's (the National Certification Authority of Kazakhstan):
 * a root, an intermediate that issues end-entity certificates, and a CRL. End-entity subjects read
 * like NCA RK's: CN=SURNAME GIVEN, SURNAME, SERIALNUMBER=IIN<12 digits>, C=KZ, G=<patronymic>, and for
 * a company's employee O=<company> and OU=BIN<12 digits>. Each person has two keys, as NCA RK issues
 * them: an authentication key (digitalSignature + keyEncipherment, extKeyUsage clientAuth) and a
 * signing key (digitalSignature + nonRepudiation, extKeyUsage emailProtection).
 *
 * For development and tests only: production trusts the real NCA RK roots (config EDS_TRUSTED_ROOTS).
 */
import { webcrypto } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { x509 } from '../../adapters/eds/x509';

const ALG: EcKeyGenParams & EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;

export const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

export type KeyType = 'auth' | 'sign';

/** Someone who holds keys: a seeded official or applicant. */
export interface KeyHolder {
  /** Stable alias the stand-in uses to choose the key, e.g. `fire-head`. */
  alias: string;
  iin: string;
  surname: string;
  givenName: string;
  patronymic?: string;
  /** A company's employee (or head): the company's BIN and name. */
  bin?: string;
  organization?: string;
  /** Special certificates for tests. */
  variant?: 'expired' | 'revoked' | 'untrusted';
}

export interface IssuedKey {
  holder: KeyHolder;
  type: KeyType;
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
  /** Issuer chain above the certificate, nearest first (intermediate, root). */
  chain: x509.X509Certificate[];
}

export interface TestPki {
  root: x509.X509Certificate;
  intermediate: x509.X509Certificate;
  crl: x509.X509Crl;
  /** Root of a CA nobody trusts (issues the `untrusted` variant). */
  rogueRoot: x509.X509Certificate;
  keys: IssuedKey[];
  find(alias: string, type: KeyType): IssuedKey | undefined;
}

interface Ca {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

const nameOf = (entries: Array<[string, string]>) =>
  new x509.Name(entries.map(([oid, value]) => ({ [oid]: [value] })));

async function newKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
}

let serialCounter = 0;
function serial(): string {
  serialCounter += 1;
  const random = Buffer.from(webcrypto.getRandomValues(new Uint8Array(8))).toString('hex');
  return `4${String(serialCounter).padStart(3, '0')}${random}`;
}

async function makeRoot(cn: string, now: Date): Promise<Ca> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: nameOf([
      [OID.commonName, cn],
      [OID.country, 'KZ'],
    ]),
    notBefore: new Date(now.getTime() - 365 * DAY),
    notAfter: new Date(now.getTime() + 10 * 365 * DAY),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keys };
}

async function makeIntermediate(cn: string, root: Ca, now: Date): Promise<Ca> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: nameOf([
      [OID.commonName, cn],
      [OID.country, 'KZ'],
    ]),
    issuer: root.cert.subjectName,
    notBefore: new Date(now.getTime() - 365 * DAY),
    notAfter: new Date(now.getTime() + 5 * 365 * DAY),
    publicKey: keys.publicKey,
    signingKey: root.keys.privateKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root.keys.publicKey),
    ],
  });
  return { cert, keys };
}

export function subjectOf(holder: KeyHolder): x509.Name {
  const entries: Array<[string, string]> = [
    [OID.commonName, `${holder.surname} ${holder.givenName}`],
    [OID.surname, holder.surname],
    [OID.serialNumber, `IIN${holder.iin}`],
    [OID.country, 'KZ'],
  ];
  if (holder.patronymic) entries.push([OID.givenName, holder.patronymic]);
  if (holder.bin) {
    entries.push([OID.organization, holder.organization ?? '']);
    entries.push([OID.organizationalUnit, `BIN${holder.bin}`]);
  }
  return nameOf(entries);
}

async function issue(holder: KeyHolder, type: KeyType, ca: Ca, chain: x509.X509Certificate[], now: Date) {
  const keys = await newKeys();
  const expired = holder.variant === 'expired';
  const usage =
    type === 'auth'
      ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
      : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: subjectOf(holder),
    issuer: ca.cert.subjectName,
    notBefore: new Date(now.getTime() - (expired ? 400 : 30) * DAY),
    notAfter: new Date(now.getTime() + (expired ? -5 : 365) * DAY),
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      new x509.ExtendedKeyUsageExtension([type === 'auth' ? OID.clientAuth : OID.emailProtection]),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
    ],
  });
  return { holder, type, certificate, privateKey: keys.privateKey, chain };
}

/** Generates the whole PKI in memory (a second or two). */
export async function createTestPki(holders: KeyHolder[], now = new Date()): Promise<TestPki> {
  const root = await makeRoot('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ ТҮБІРЛІК (СЫНАҚ)', now);
  const ca = await makeIntermediate('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (СЫНАҚ)', root, now);
  const rogue = await makeRoot('СЕНІМСІЗ СЫНАҚ ОРТАЛЫҒЫ', now);
  const keys: IssuedKey[] = [];
  for (const holder of holders) {
    for (const type of ['auth', 'sign'] as const) {
      keys.push(
        holder.variant === 'untrusted'
          ? await issue(holder, type, rogue, [rogue.cert], now)
          : await issue(holder, type, ca, [ca.cert, root.cert], now),
      );
    }
  }
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subjectName,
    thisUpdate: new Date(now.getTime() - DAY),
    nextUpdate: new Date(now.getTime() + 30 * DAY),
    entries: keys
      .filter((k) => k.holder.variant === 'revoked')
      .map((k) => ({
        serialNumber: k.certificate.serialNumber,
        revocationDate: new Date(now.getTime() - DAY),
        reason: x509.X509CrlReason.keyCompromise,
      })),
    signingKey: ca.keys.privateKey,
    signingAlgorithm: ALG,
  });
  return {
    root: root.cert,
    intermediate: ca.cert,
    crl,
    rogueRoot: rogue.cert,
    keys,
    find: (alias, type) => keys.find((k) => k.holder.alias === alias && k.type === type),
  };
}

/** Files a server needs to trust this PKI: what EDS_TRUSTED_ROOTS, EDS_CA_CERTS and EDS_CRLS point to. */
export interface PkiFiles {
  rootPem: string;
  intermediatePem: string;
  crlPem: string;
}

/** Writes the root, the intermediate and the CRL as PEM files into `dir`. */
export function writeTrustFiles(pki: TestPki, dir: string): PkiFiles {
  mkdirSync(dir, { recursive: true });
  const files = {
    rootPem: path.join(dir, 'test-root.pem'),
    intermediatePem: path.join(dir, 'test-intermediate.pem'),
    crlPem: path.join(dir, 'test-crl.pem'),
  };
  writeFileSync(files.rootPem, pki.root.toString('pem'));
  writeFileSync(files.intermediatePem, pki.intermediate.toString('pem'));
  writeFileSync(files.crlPem, pki.crl.toString('pem'));
  return files;
}
