import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { fromAlmatyWallClock } from '../../domain/almaty-time';
import type { DocumentContent } from '../../domain/documents';
import { t, type Lang } from '../../i18n';

/** DejaVu covers Cyrillic and the Kazakh letters ә ғ қ ң ө ұ ү һ і that PDF base fonts lack. */
export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

let fontCache: { regular: Buffer; bold: Buffer } | undefined;
function fonts() {
  fontCache ??= { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) };
  return fontCache;
}

const labels = (lang: Lang) => ({
  legalBasis: t(lang, 'document.pdf.legal-basis'),
  page: t(lang, 'document.pdf.page'),
});
const LABELS = { kk: labels('kk'), ru: labels('ru') } as const;

const MARGIN = 56;
/**
 * Height (pt) kept blank under the signatory on the last page for a visible signature block. The
 * renderer draws nothing there and claims no signature: signing is not done here.
 */
export const SIGNATURE_BLOCK_HEIGHT = 72;
const SIZE = { issuer: 10, title: 14, body: 10.5, small: 9 } as const;

export interface RenderOptions {
  /**
   * Written into the PDF's CreationDate and ModDate. Defaults to the document's own date, so
   * the same content always yields the same bytes and the same digest.
   */
  createdAt?: Date;
  /** Draws after the signature block, before page numbers: the EDS visible signature (adapters/eds). */
  decorate?: (
    doc: PDFKit.PDFDocument,
    area: { left: number; width: number; ensureRoom(height: number): void },
  ) => void;
}

/** dd.mm.yyyy (Astana) back to an instant: local midnight. */
function instantOfDisplayDate(date: string): Date {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(date);
  if (!m) return new Date(0);
  return fromAlmatyWallClock(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** Lays a document out on A4 pages. Pure of the signature stamp: those lines live beside the file. */
export function renderPdf(content: DocumentContent, options: RenderOptions = {}): Promise<Buffer> {
  const createdAt = options.createdAt ?? instantOfDisplayDate(content.date);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN + 14, right: MARGIN },
    bufferPages: true,
    lang: content.lang === 'kk' ? 'kk-KZ' : 'ru-RU',
    displayTitle: true,
    info: {
      Title: content.title,
      Author: content.issuer,
      Subject: content.number,
      Producer: 'kz-permits-orchestration',
      Creator: 'kz-permits-orchestration',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { regular, bold } = fonts();
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  // Header: issuer, rule, title, number and date.
  doc
    .font('bold')
    .fontSize(SIZE.issuer)
    .text(content.issuer.toUpperCase(), left, doc.y, { width, align: 'center' });
  doc.moveDown(0.4);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.8)
    .stroke();
  doc.moveDown(0.8);
  doc.font('bold').fontSize(SIZE.title).text(content.title, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.6);
  const numberY = doc.y;
  doc
    .font('body')
    .fontSize(SIZE.body)
    .text(`№ ${content.number}`, left, numberY, { width: width / 2 });
  doc.text(content.place ? `${content.place}, ${content.date}` : content.date, left + width / 2, numberY, {
    width: width / 2,
    align: 'right',
  });
  doc.moveDown(0.8);
  doc
    .font('bold')
    .fontSize(SIZE.body)
    .text(content.addressee, left + width * 0.45, doc.y, { width: width * 0.55, align: 'left' });
  doc.moveDown(1);

  for (const section of content.sections) {
    if (section.heading) {
      doc.font('bold').fontSize(SIZE.body);
      ensureRoom(doc.heightOfString(section.heading, { width }) + 20);
      doc.text(section.heading, left, doc.y, { width });
      doc.moveDown(0.3);
    }
    doc.font('body').fontSize(SIZE.body);
    for (const paragraph of section.paragraphs) {
      ensureRoom(doc.heightOfString(paragraph, { width }));
      doc.text(paragraph, left, doc.y, { width, align: 'justify', indent: 20 });
      doc.moveDown(0.4);
    }
    if (section.table) drawTable(doc, section.table.rows, left, width, bottom);
    doc.moveDown(0.5);
  }

  if (content.legalBasis.length > 0) {
    doc.font('bold').fontSize(SIZE.small);
    ensureRoom(40);
    doc.text(LABELS[content.lang].legalBasis, left, doc.y, { width });
    doc.moveDown(0.2);
    doc.font('body').fontSize(SIZE.small);
    for (const line of content.legalBasis) {
      ensureRoom(doc.heightOfString(line, { width: width - 12 }));
      doc.text(`– ${line}`, left, doc.y, { width, align: 'justify' });
      doc.moveDown(0.2);
    }
    doc.moveDown(1);
  }

  // Signature block: post on the left, name on the right, signing time below, then the room left
  // blank for the visible electronic signature, which is added only when a signature is made.
  doc.fontSize(SIZE.body);
  ensureRoom(60 + SIGNATURE_BLOCK_HEIGHT);
  const signY = doc.y;
  doc.font('bold').text(content.signature.role, left, signY, { width: width * 0.55 });
  const afterRole = doc.y;
  if (content.signature.name)
    doc
      .font('bold')
      .text(content.signature.name, left + width * 0.6, signY, { width: width * 0.4, align: 'right' });
  doc.y = Math.max(afterRole, doc.y);
  if (content.signature.signedAt) {
    doc.moveDown(0.3);
    doc
      .font('body')
      .fontSize(SIZE.small)
      .text(content.signature.signedAt, left, doc.y, { width, align: 'right' });
  }

  options.decorate?.(doc, { left, width, ensureRoom });

  // Page numbers once the page count is known (bufferPages).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .text(
        `${content.number} · ${i + 1}/${range.count} ${LABELS[content.lang].page}`,
        left,
        doc.page.height - margin + 18,
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

function drawTable(
  doc: PDFKit.PDFDocument,
  rows: [string, string][],
  left: number,
  width: number,
  bottom: () => number,
) {
  const labelWidth = width * 0.35;
  const pad = 4;
  doc
    .font('body')
    .fontSize(SIZE.body - 0.5)
    .lineWidth(0.5);
  for (const [label, value] of rows) {
    const height =
      Math.max(
        doc.font('bold').heightOfString(label, { width: labelWidth - 2 * pad }),
        doc.font('body').heightOfString(value, { width: width - labelWidth - 2 * pad }),
      ) +
      2 * pad;
    if (doc.y + height > bottom()) doc.addPage();
    const y = doc.y;
    doc.rect(left, y, labelWidth, height).stroke();
    doc.rect(left + labelWidth, y, width - labelWidth, height).stroke();
    doc.font('bold').text(label, left + pad, y + pad, { width: labelWidth - 2 * pad });
    doc.font('body').text(value, left + labelWidth + pad, y + pad, { width: width - labelWidth - 2 * pad });
    doc.x = left;
    doc.y = y + height;
  }
  doc.moveDown(0.3);
}
