import { both } from '../i18n';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import multer from 'multer';
import type { NextFunction, Request, Response } from 'express';
import type { BlobStore } from '../adapters/blobs';
import type { AttachmentRecord, AttachmentRepository } from '../adapters/db/attachments';
import { IntakeError } from './errors';
import { cleanText } from './text';

/**
 * What an applicant may attach: electronic copies of documents (Order 923, Annex row 8: "an
 * electronic copy of the document"; Order 138 §6), i.e. scans and photographs. PDF, JPEG and PNG,
 * recognised by their first bytes, never by the name or the browser's content type.
 */
export const ATTACHMENT_TYPES = [
  { contentType: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1'), label: 'PDF' },
  { contentType: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]), label: 'JPEG' },
  {
    contentType: 'image/png',
    magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    label: 'PNG',
  },
] as const;

export const ATTACHMENT_LIMITS = {
  /** Files in one request. */
  files: 20,
  /** Bytes of one file. */
  fileBytes: 20 * 1024 * 1024,
  /** Characters of a file's name. */
  nameChars: 255,
} as const;

const MB = ATTACHMENT_LIMITS.fileBytes / 1024 / 1024;

/** The multipart parser with the limits; uploads land in `<dir>/.incoming` (memory without a dir). */
export function attachmentUpload(dir: string | undefined) {
  return multer({
    dest: dir ? path.join(dir, '.incoming') : undefined,
    limits: { fileSize: ATTACHMENT_LIMITS.fileBytes, files: ATTACHMENT_LIMITS.files, fields: 50 },
  }).array('files', ATTACHMENT_LIMITS.files);
}

/**
 * Browsers send a file name as UTF-8 bytes in the part header; multer (busboy) reads them as
 * latin1. Undo that, so "Жарғы.pdf" stays "Жарғы.pdf".
 */
export function decodeFileName(originalname: string): string {
  const bytes = Buffer.from(originalname, 'latin1');
  const utf8 = bytes.toString('utf8');
  // Only when the bytes are valid UTF-8 (no replacement character) and the name had non-ASCII.
  return /[^ -~]/.test(originalname) && !utf8.includes('\ufffd') ? utf8 : originalname;
}

export interface CheckedFile {
  file: Express.Multer.File;
  fileName: string;
  contentType: string;
}

/**
 * Checks every uploaded file before anything is recorded: its name (length, no control or
 * direction characters) and its type by content. Throws the first refusal, naming the file.
 */
export function checkAttachments(files: Express.Multer.File[]): CheckedFile[] {
  const errors: { path: string; kk: string; ru: string }[] = [];
  const checked: CheckedFile[] = [];
  files.forEach((file, i) => {
    const raw = path.basename(decodeFileName(file.originalname));
    const fileName = cleanText(raw);
    const at = `files[${i}]`;
    if (!fileName || fileName === '.' || fileName === '..' || fileName !== raw) {
      errors.push({
        path: at,
        ...both('error.attachment.nameControlCharacters', { fileName: fileName || '—' }),
      });
      return;
    }
    if ([...fileName].length > ATTACHMENT_LIMITS.nameChars) {
      errors.push({
        path: at,
        ...both('error.attachment.nameTooLong', {
          length: [...fileName].length,
          nameChars: ATTACHMENT_LIMITS.nameChars,
        }),
      });
      return;
    }
    const head = file.buffer ?? readHead(file.path);
    const type = ATTACHMENT_TYPES.find((t) => head.subarray(0, t.magic.length).equals(t.magic));
    if (!type) {
      errors.push({
        path: at,
        ...both('error.attachment.typeNotAllowed', { fileName }),
      });
      return;
    }
    checked.push({ file, fileName, contentType: type.contentType });
  });
  if (errors.length)
    throw new IntakeError(400, 'INVALID_ATTACHMENT', both('error.attachment.notAccepted'), errors);
  return checked;
}

function readHead(file: string): Buffer {
  return readFileSync(file).subarray(0, 16);
}

/** One kept attachment of an application, as the applicant's cabinet lists it. */
export interface StoredAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  receivedAt: string;
}

const ID = /^[a-z0-9]{16}$/;
/** Where an attachment's bytes live in the object storage: under an id of their own, not a number. */
const blobKey = (id: string) => `files/${id}`;

/** An attachment whose bytes are in the object storage but which no application lists yet. */
export interface StagedAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

const STORE_UNAVAILABLE = both('error.attachment.storeUnavailable');

async function digestOf(file: Express.Multer.File): Promise<string> {
  const hash = createHash('sha256');
  if (file.buffer) return hash.update(file.buffer).digest('hex');
  for await (const chunk of createReadStream(file.path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Puts the bytes of checked uploads into the object storage, each under an id of its own (two
 * files of the same name never overwrite each other; the name a person gave may be longer than a
 * key allows). Done before anything is recorded: a store that is down refuses the request with
 * 503 and the files already put are removed, so no application is registered without its files.
 */
export async function stageAttachments(
  checked: CheckedFile[],
  blobs: BlobStore,
): Promise<StagedAttachment[]> {
  const staged: StagedAttachment[] = [];
  try {
    for (const c of checked) {
      const id = randomBytes(8).toString('hex');
      const sha256 = await digestOf(c.file);
      const body = c.file.path ? createReadStream(c.file.path) : c.file.buffer;
      await blobs.put(blobKey(id), body, { contentType: c.contentType, size: c.file.size });
      staged.push({
        id,
        fileName: c.fileName,
        contentType: c.contentType,
        size: c.file.size,
        sha256,
        storageKey: blobKey(id),
      });
    }
  } catch {
    await discardAttachments(staged, blobs);
    throw new IntakeError(503, 'FILE_STORE_UNAVAILABLE', STORE_UNAVAILABLE);
  }
  return staged;
}

/**
 * Removes staged files no application will list (a repeated request, a refused one, rows that
 * could not be written). A removal that fails too leaves an object under a random key that no row
 * names: it is never served, and never overwritten.
 */
export async function discardAttachments(staged: StagedAttachment[], blobs: BlobStore): Promise<void> {
  await Promise.all(staged.map((s) => blobs.delete(s.storageKey).catch(() => undefined)));
}

/** The rows that record staged files as the application's (written in the caller's transaction). */
export function attachmentRecords(
  staged: StagedAttachment[],
  applicationNumber: string,
  receivedAt: string,
  uploadedBy: string | undefined,
): AttachmentRecord[] {
  return staged.map((s, position) => ({
    ...s,
    applicationNumber,
    receivedAt,
    position,
    ...(uploadedBy ? { uploadedBy } : {}),
  }));
}

const publicView = (a: AttachmentRecord): StoredAttachment => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  receivedAt: a.receivedAt,
});

export async function listAttachments(
  rows: AttachmentRepository,
  number: string,
): Promise<StoredAttachment[]> {
  return (await rows.list(number)).map(publicView);
}

export async function readAttachment(
  rows: AttachmentRepository,
  blobs: BlobStore,
  number: string,
  id: string,
): Promise<{ meta: StoredAttachment; bytes: Buffer } | undefined> {
  if (!ID.test(id)) return undefined;
  const meta = await rows.get(number, id);
  if (!meta) return undefined;
  let bytes: Buffer | null;
  try {
    bytes = await blobs.get(meta.storageKey);
  } catch {
    throw new IntakeError(503, 'FILE_STORE_UNAVAILABLE', both('error.attachment.fileStoreUnavailable'));
  }
  return bytes ? { meta: publicView(meta), bytes } : undefined;
}

/** `Content-Disposition` with the name in UTF-8 (RFC 6266/8187) and an ASCII fallback. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Upload refusals as clear answers: too many files or too large a file is 413 naming the limit;
 * a body that is not the multipart it claims to be (a JSON body sent as multipart, a cut-off form)
 * is 400.
 */
export function uploadErrorHandler(err: unknown, req: Request, res: Response, next: NextFunction): void {
  if (err instanceof multer.MulterError) {
    const tooMany = err.code === 'LIMIT_FILE_COUNT' || err.code === 'LIMIT_UNEXPECTED_FILE';
    if (err.code === 'LIMIT_FILE_SIZE' || tooMany) {
      afterBody(req, res, () =>
        res.status(413).json({
          error: {
            code: 'ATTACHMENTS_TOO_LARGE',
            ...(tooMany
              ? both('error.attachment.tooMany', { files: ATTACHMENT_LIMITS.files })
              : both('error.attachment.tooLarge', { MB })),
          },
        }),
      );
      return;
    }
    res.status(400).json({ error: { code: 'INVALID_FORM', ...MALFORMED } });
    return;
  }
  const message = err instanceof Error ? err.message : '';
  if (/^(Multipart|Unexpected end of form|Malformed part header|Part terminated early)/.test(message)) {
    res.status(400).json({ error: { code: 'INVALID_FORM', ...MALFORMED } });
    return;
  }
  next(err);
}

const MALFORMED = both('error.attachment.malformed', { multipart: 'multipart/form-data' });

/**
 * Answers once the rest of the request body is read (multer stops at the limit and drains it): a
 * client still sending would otherwise see the connection reset instead of the answer. A sender
 * that stalls for 10 seconds, or sends more than 100 MB past the limit, gets the answer at once and
 * the connection closed.
 */
function afterBody(req: Request, res: Response, answer: () => void): void {
  if (req.complete) return answer();
  let done = false;
  let drained = 0;
  let timer: NodeJS.Timeout;
  const once = (close = false) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    req.off('data', onData);
    if (close) res.setHeader('Connection', 'close');
    answer();
  };
  const idle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => once(true), 10_000);
  };
  const onData = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > 100 * 1024 * 1024) once(true);
    else idle();
  };
  idle();
  req.on('data', onData);
  req.once('end', () => once());
  req.once('error', () => once(true));
  req.resume();
}
