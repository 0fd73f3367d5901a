/**
 * CMS signature verification (Law of the RK on electronic documents and EDS, art. 10: an EDS is
 * equivalent to a handwritten signature only when it is verified with a certificate that is valid
 * at the signing time, issued by an accredited CA, and used as its certificate allows).
 */
import { signCms } from '../../../simulators/ncalayer/cms';
import { APPLICANTS, BAD_CERTIFICATES, STAFF_SIGNERS } from '../../../simulators/ncalayer/holders';
import { createTestPki, type TestPki } from '../../../simulators/ncalayer/pki';
import { EdsError, verifyCms, type TrustStore } from '../../../adapters/eds/verify';

let pki: TestPki;
let trust: TrustStore;
const now = new Date();
const data = Buffer.from('өтініш / заявление 2026', 'utf8');

beforeAll(async () => {
  pki = await createTestPki([STAFF_SIGNERS[0], APPLICANTS[0], ...BAD_CERTIFICATES], now);
  trust = { roots: [pki.root], intermediates: [], crls: [pki.crl] };
});

const key = (alias: string, type: 'auth' | 'sign') => {
  const k = pki.find(alias, type);
  if (!k) throw new Error(`no key ${alias}/${type}`);
  return k;
};

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(EdsError);
    const e = err as EdsError;
    // Every refusal reads in both languages and names no internal code.
    expect(e.kk).toMatch(/[а-яәғқңөұүһі]/i);
    expect(e.ru).toMatch(/[а-я]/i);
    expect(`${e.kk} ${e.ru}`).not.toMatch(/EDS_|CMS/);
    return e.code;
  }
  throw new Error('the signature was accepted');
}

describe('verifyCms (Law on e-documents and EDS art. 10)', () => {
  test('an attached authentication signature yields the IIN, the BIN and the name from the subject', async () => {
    const cms = await signCms(key('licence-applicant', 'auth'), data, { attached: true });
    const v = await verifyCms(cms, { trust, now, purpose: 'auth' });
    expect(v.signer.iin).toBe(APPLICANTS[0].iin);
    expect(v.signer.bin).toBe(APPLICANTS[0].bin);
    expect(v.signer.fullName).toContain(APPLICANTS[0].surname);
    expect(v.content?.equals(data)).toBe(true);
    expect(v.certificate.serialNumber).toBe(key('licence-applicant', 'auth').certificate.serialNumber);
  });

  test('a detached signing signature of an official verifies over the data it was made for; no BIN', async () => {
    const cms = await signCms(key('fire-head', 'sign'), data, { attached: false });
    const v = await verifyCms(cms, { data, trust, now, purpose: 'sign' });
    expect(v.signer.iin).toBe(STAFF_SIGNERS[0].iin);
    expect(v.signer.bin).toBeUndefined();
    expect(Math.abs(v.signingTime.getTime() - Date.now())).toBeLessThan(60_000);
  });

  test('tampered data is refused (integrity)', async () => {
    const cms = await signCms(key('fire-head', 'sign'), data, { attached: false });
    const tampered = Buffer.from(data);
    tampered[0] ^= 1;
    expect(await refusal(verifyCms(cms, { data: tampered, trust, now, purpose: 'sign' }))).toBe(
      'EDS_INTEGRITY',
    );
  });

  test('an expired certificate is refused', async () => {
    const cms = await signCms(key('expired', 'sign'), data, { attached: true });
    expect(await refusal(verifyCms(cms, { trust, now, purpose: 'sign' }))).toBe('EDS_EXPIRED');
  });

  test('a certificate valid today but not at the claimed signing time is refused', async () => {
    const cms = await signCms(key('licence-applicant', 'sign'), data, {
      attached: true,
      signingTime: new Date(now.getTime() - 90 * 86_400_000),
    });
    expect(await refusal(verifyCms(cms, { trust, now, purpose: 'sign' }))).toBe('EDS_EXPIRED');
  });

  test('a certificate in the CA’s revocation list is refused; without that CRL it would pass', async () => {
    const cms = await signCms(key('revoked', 'sign'), data, { attached: true });
    expect(await refusal(verifyCms(cms, { trust, now, purpose: 'sign' }))).toBe('EDS_REVOKED');
    await expect(
      verifyCms(cms, { trust: { ...trust, crls: [] }, now, purpose: 'sign' }),
    ).resolves.toBeDefined();
  });

  test('a certificate of a CA that is not configured as trusted is refused', async () => {
    const cms = await signCms(key('untrusted', 'sign'), data, { attached: true });
    expect(await refusal(verifyCms(cms, { trust, now, purpose: 'sign' }))).toBe('EDS_UNTRUSTED');
  });

  test('with no trusted roots configured every signature is untrusted', async () => {
    const cms = await signCms(key('fire-head', 'sign'), data, { attached: true });
    expect(
      await refusal(
        verifyCms(cms, { trust: { roots: [], intermediates: [], crls: [] }, now, purpose: 'sign' }),
      ),
    ).toBe('EDS_UNTRUSTED');
  });

  test('an authentication key cannot sign a document (key usage lacks non-repudiation)', async () => {
    const cms = await signCms(key('fire-head', 'auth'), data, { attached: true });
    expect(await refusal(verifyCms(cms, { trust, now, purpose: 'sign' }))).toBe('EDS_KEY_USAGE');
  });

  test('bytes that are not a CMS are refused as unreadable', async () => {
    expect(await refusal(verifyCms(Buffer.from('not a signature'), { trust, now, purpose: 'auth' }))).toBe(
      'EDS_MALFORMED',
    );
  });
});
