/**
 * CMS (CAdES-BES) signing as NCALayer does it: SignedData with the signer's certificate and its
 * chain, signed attributes contentType, messageDigest and signingTime; attached or detached.
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { IssuedKey } from './pki';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

const toCert = (der: ArrayBuffer) => pkijs.Certificate.fromBER(der);

export async function signCms(
  key: IssuedKey,
  data: Uint8Array,
  opts: { attached: boolean; signingTime?: Date },
): Promise<Buffer> {
  const digest = await webcrypto.subtle.digest('SHA-256', new Uint8Array(data));
  const cert = toCert(key.certificate.rawData);
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID_DATA,
      ...(opts.attached ? { eContent: new asn1js.OctetString({ valueHex: data }) } : {}),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: OID_CONTENT_TYPE,
              values: [new asn1js.ObjectIdentifier({ value: OID_DATA })],
            }),
            new pkijs.Attribute({
              type: OID_MESSAGE_DIGEST,
              values: [new asn1js.OctetString({ valueHex: digest })],
            }),
            new pkijs.Attribute({
              type: OID_SIGNING_TIME,
              values: [new asn1js.UTCTime({ valueDate: opts.signingTime ?? new Date() })],
            }),
          ],
        }),
      }),
    ],
    certificates: [cert, ...key.chain.map((c) => toCert(c.rawData))],
  });
  await signedData.sign(
    key.privateKey,
    0,
    'SHA-256',
    opts.attached ? undefined : new Uint8Array(data).buffer,
  );
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID_SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}
