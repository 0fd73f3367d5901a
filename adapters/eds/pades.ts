/**
 * PAdES-style signing of our PDFs with a CMS made elsewhere (by NCALayer in the official's browser):
 * @signpdf/placeholder-plain adds the signature dictionary and placeholder, @signpdf/signpdf
 * computes the ByteRange and the bytes to sign, and later embeds the CMS. The visible signature
 * block (who, when, certificate serial, QR code to the public verification page) is drawn into the
 * page by `signatureBlock`, through the renderer's `decorate` seam.
 */
import * as asn1js from 'asn1js';
import QRCode from 'qrcode';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { extractSignature, Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import type { RenderOptions } from '../documents';
import { t } from '../../i18n';

/** Room for the CMS (signer certificate and its chain) in the PDF, in bytes. */
const SIGNATURE_LENGTH = 16_384;

class FixedSigner extends Signer {
  captured?: Buffer;
  constructor(private readonly cms?: Buffer) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    this.captured = Buffer.from(pdfBuffer);
    return this.cms ?? Buffer.alloc(0);
  }
}

export interface Placeholder {
  /** The PDF with an empty signature placeholder. */
  pdf: Buffer;
  /** What the signer signs: every byte of the final PDF except the signature itself. */
  toBeSigned: Buffer;
}

export async function addSignaturePlaceholder(
  pdf: Buffer,
  meta: { signerName: string; signingTime: Date; location: string; reason: string },
): Promise<Placeholder> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: meta.reason,
    contactInfo: '',
    name: meta.signerName,
    location: meta.location,
    signingTime: meta.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
  });
  const capture = new FixedSigner();
  await new SignPdf().sign(withPlaceholder, capture);
  return { pdf: withPlaceholder, toBeSigned: capture.captured! };
}

/** Puts the CMS into the placeholder; the bytes it signed must be `toBeSigned` of that placeholder. */
export async function embedSignature(pdfWithPlaceholder: Buffer, cms: Buffer): Promise<Buffer> {
  return new SignPdf().sign(pdfWithPlaceholder, new FixedSigner(cms));
}

/** The embedded CMS and the bytes it covers, or undefined when the PDF carries no signature. */
export function extractPades(pdf: Buffer): { cms: Buffer; signedData: Buffer } | undefined {
  let found: { ByteRange: number[]; signedData: Buffer };
  try {
    found = extractSignature(pdf);
  } catch {
    return undefined;
  }
  const [, length, start] = found.ByteRange;
  const hex = pdf.subarray(length + 1, start - 1).toString('latin1');
  const padded = Buffer.from(hex, 'hex');
  // The placeholder is padded with zeros: the CMS ends where its outer DER element ends.
  const parsed = asn1js.fromBER(new Uint8Array(padded));
  if (parsed.offset <= 0) return undefined;
  return { cms: padded.subarray(0, parsed.offset), signedData: found.signedData };
}

export interface SignatureBlock {
  lang: 'kk' | 'ru';
  signerName: string;
  signingTime: string;
  certificateSerial: string;
  verifyUrl: string;
}

const labels = (lang: 'kk' | 'ru') => ({
  title: t(lang, 'document.signature.title'),
  signer: t(lang, 'document.signature.signer'),
  time: t(lang, 'document.signature.time'),
  serial: t(lang, 'document.signature.serial'),
  verify: t(lang, 'document.signature.verify'),
});
/** The visible signature block's labels, from the catalogue. */
const LABELS = { kk: labels('kk'), ru: labels('ru') } as const;

/** The renderer hook drawing the visible signature: a framed block with a QR code at its left. */
export async function signatureBlock(block: SignatureBlock): Promise<NonNullable<RenderOptions['decorate']>> {
  const qr = await QRCode.toBuffer(block.verifyUrl, { type: 'png', margin: 1, width: 180 });
  const l = LABELS[block.lang];
  return (doc, { left, width, ensureRoom }) => {
    const height = 92;
    doc.moveDown(1);
    ensureRoom(height + 10);
    const top = doc.y;
    doc.lineWidth(0.8).rect(left, top, width, height).stroke();
    doc.image(qr, left + 6, top + 6, { width: height - 12, height: height - 12 });
    const x = left + height + 4;
    const w = width - height - 10;
    doc
      .font('bold')
      .fontSize(9.5)
      .text(l.title, x, top + 8, { width: w });
    doc.font('body').fontSize(8.5);
    doc.text(`${l.signer}: ${block.signerName}`, x, doc.y + 2, { width: w });
    doc.text(`${l.time}: ${block.signingTime}`, x, doc.y + 1, { width: w });
    doc.text(`${l.serial}: ${block.certificateSerial}`, x, doc.y + 1, { width: w });
    doc.text(`${l.verify}: ${block.verifyUrl}`, x, doc.y + 1, { width: w });
    doc.x = left;
    doc.y = top + height + 6;
  };
}
