/**
 * The NCALayer stand-in speaks the protocol of the real NCALayer: driven here by the same
 * `ncalayer-js-client` the portal bundles, its signatures verify with the server's verifier.
 */
import { NCALayerClient } from 'ncalayer-js-client';
import { APPLICANTS, STAFF_SIGNERS } from '../../../simulators/ncalayer/holders';
import { createTestPki } from '../../../simulators/ncalayer/pki';
import { startNcaLayerStandIn, type NcaLayerStandIn } from '../../../simulators/ncalayer/server';
import { verifyCms, type TrustStore } from '../../../adapters/eds/verify';

let standIn: NcaLayerStandIn;
let trust: TrustStore;

beforeAll(async () => {
  const pki = await createTestPki([STAFF_SIGNERS[0], APPLICANTS[0]]);
  standIn = await startNcaLayerStandIn({ pki });
  trust = { roots: [pki.root], intermediates: [], crls: [pki.crl] };
});
afterAll(() => standIn.close());

async function client() {
  const c = new NCALayerClient(standIn.url, false);
  await c.connect();
  return c;
}

test('basicsSignCMS with an authentication filter signs with the chosen person’s auth key', async () => {
  standIn.choose('licence-applicant');
  const c = await client();
  const challenge = Buffer.from('challenge-123').toString('base64');
  const cms = (await c.basicsSignCMS(
    NCALayerClient.basicsStorageAll,
    challenge,
    NCALayerClient.basicsCMSParamsAttached,
    NCALayerClient.basicsSignerAuthAny,
  )) as string;
  const v = await verifyCms(Buffer.from(cms, 'base64'), { trust, now: new Date(), purpose: 'auth' });
  expect(v.signer).toMatchObject({ iin: APPLICANTS[0].iin, bin: APPLICANTS[0].bin });
  expect(v.content?.toString()).toBe('challenge-123');
  expect(v.certificate.serialNumber).toBe(
    standIn.pki.find('licence-applicant', 'auth')!.certificate.serialNumber,
  );
});

test('a detached signature of several documents with the signing key; getKeyInfo names the same certificate', async () => {
  standIn.choose('fire-head');
  const c = await client();
  const info = (await c.getKeyInfo('PKCS12')) as { pem: string; serialNumber: string };
  const docs = [Buffer.from('doc kk'), Buffer.from('doc ru')];
  const cms = (await c.basicsSignCMS(
    NCALayerClient.basicsStorageAll,
    docs.map((d) => d.toString('base64')),
    NCALayerClient.basicsCMSParamsDetached,
    NCALayerClient.basicsSignerSignAny,
  )) as string[];
  expect(cms).toHaveLength(2);
  for (const [i, sig] of cms.entries()) {
    const v = await verifyCms(Buffer.from(sig, 'base64'), {
      data: docs[i],
      trust,
      now: new Date(),
      purpose: 'sign',
    });
    expect(v.signer.iin).toBe(STAFF_SIGNERS[0].iin);
    expect(v.certificate.serialNumber).toBe(info.serialNumber);
  }
});

test('a key that does not match the requested IIN is like closing the dialog: the client reports a cancel', async () => {
  standIn.choose('fire-head');
  const c = await client();
  await expect(
    c.basicsSignCMS(NCALayerClient.basicsStorageAll, 'AA==', NCALayerClient.basicsCMSParamsAttached, {
      extKeyUsageOids: [],
      iin: APPLICANTS[0].iin,
    }),
  ).rejects.toMatchObject({ canceledByUser: true });
});
