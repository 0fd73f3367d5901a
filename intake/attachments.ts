import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import multer from 'multer';
import type { NextFunction, Request, Response } from 'express';
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
        kk: `Файл атауы дұрыс емес: басқару таңбалары болмауы керек (${fileName || '—'})`,
        ru: `Недопустимое имя файла: управляющие символы не допускаются (${fileName || '—'})`,
      });
      return;
    }
    if ([...fileName].length > ATTACHMENT_LIMITS.nameChars) {
      errors.push({
        path: at,
        kk: `Файл атауы тым ұзын: ${[...fileName].length} таңба, ең көбі ${ATTACHMENT_LIMITS.nameChars}`,
        ru: `Слишком длинное имя файла: ${[...fileName].length} символов, не более ${ATTACHMENT_LIMITS.nameChars}`,
      });
      return;
    }
    const head = file.buffer ?? readHead(file.path);
    const type = ATTACHMENT_TYPES.find((t) => head.subarray(0, t.magic.length).equals(t.magic));
    if (!type) {
      errors.push({
        path: at,
        kk: `«${fileName}» файлының түріне рұқсат жоқ: тек PDF, JPEG немесе PNG`,
        ru: `Тип файла «${fileName}» не допускается: только PDF, JPEG или PNG`,
      });
      return;
    }
    checked.push({ file, fileName, contentType: type.contentType });
  });
  if (errors.length)
    throw new IntakeError(
      400,
      'INVALID_ATTACHMENT',
      { kk: 'Тіркелген файлдар қабылданбады', ru: 'Приложенные файлы не приняты' },
      errors,
    );
  return checked;
}

function readHead(file: string): Buffer {
  return readFileSync(file).subarray(0, 16);
}

/** One kept attachment of an application. */
export interface StoredAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  receivedAt: string;
}

const INDEX = 'attachments.json';
const ID = /^[a-z0-9]{16}$/;

/**
 * Moves checked uploads to `<dir>/<number>/` under ids of their own (two files of the same name
 * never overwrite each other; the name a person gave may be longer than the file system allows)
 * and records their names and types in the folder's index.
 */
export function keepAttachments(
  checked: CheckedFile[],
  dir: string,
  number: string,
  receivedAt: string,
): StoredAttachment[] {
  const target = path.join(dir, number);
  mkdirSync(target, { recursive: true });
  const kept: StoredAttachment[] = [];
  for (const c of checked) {
    const id = randomBytes(8).toString('hex');
    if (c.file.path) renameSync(c.file.path, path.join(target, id));
    else writeFileSync(path.join(target, id), c.file.buffer);
    kept.push({ id, fileName: c.fileName, contentType: c.contentType, size: c.file.size, receivedAt });
  }
  const index = path.join(target, INDEX);
  const tmp = `${index}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, JSON.stringify([...listAttachments(dir, number), ...kept], null, 1));
  renameSync(tmp, index);
  return kept;
}

export function listAttachments(dir: string, number: string): StoredAttachment[] {
  try {
    return JSON.parse(readFileSync(path.join(dir, number, INDEX), 'utf8')) as StoredAttachment[];
  } catch {
    return [];
  }
}

export function readAttachment(
  dir: string,
  number: string,
  id: string,
): { meta: StoredAttachment; bytes: Buffer } | undefined {
  if (!ID.test(id)) return undefined;
  const meta = listAttachments(dir, number).find((a) => a.id === id);
  if (!meta) return undefined;
  return { meta, bytes: readFileSync(path.join(dir, number, id)) };
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
              ? {
                  kk: `Файлдар тым көп: бір жолы ең көбі ${ATTACHMENT_LIMITS.files} файл`,
                  ru: `Слишком много файлов: не более ${ATTACHMENT_LIMITS.files} за раз`,
                }
              : {
                  kk: `Файл тым үлкен: әр файл ең көбі ${MB} МБ`,
                  ru: `Файл слишком большой: не более ${MB} МБ каждый`,
                }),
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

const MALFORMED = {
  kk: 'Сұрау нысаны бұзылған: файлдар мен өтініш multipart/form-data ретінде жіберілуі керек',
  ru: 'Форма запроса повреждена: файлы и заявление отправляются как multipart/form-data',
};

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
