/**
 * The structured logger of every process (pino, JSON lines). Personal data never reaches the log in
 * clear text: fields that hold a person's identity or a secret are censored by name, and any IIN or
 * BIN (12 digits) left inside a message or another field is masked to its first 4 and last 2 digits.
 */
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** The logging seam our code uses: a message and, optionally, structured fields. */
export interface Logger {
  error(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  info(msg: string, fields?: object): void;
  debug(msg: string, fields?: object): void;
}

const IIN_OR_BIN = /(?<!\d)(\d{4})\d{6}(\d{2})(?!\d)/g;

/** Field names whose values are personal data or secrets, wherever they appear (two levels deep). */
const SECRET_KEYS = [
  'name',
  'fullName',
  'firstName',
  'lastName',
  'middleName',
  'patronymic',
  'headName',
  'applicantName',
  'signerName',
  'representativeName',
  'address',
  'phone',
  'email',
  'token',
  'accessToken',
  'idToken',
  'refreshToken',
  'password',
  'secret',
  'authorization',
  'cookie',
];
const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export function maskPersonalData(text: string): string {
  return text.replace(IIN_OR_BIN, '$1******$2');
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value instanceof Error) return { message: maskPersonalData(value.message), type: value.name };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, depth + 1)]));
}

function wrap(logger: PinoLogger): Logger {
  const at =
    (level: LogLevel) =>
    (msg: string, fields?: object): void => {
      if (fields) logger[level](fields, msg);
      else logger[level](msg);
    };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

/**
 * What a redacted field's value is replaced with in the log. A fixed marker that operators search
 * the logs for, not a message: it stays the same whatever the reader's language.
 */
export const REDACTED = '[скрыто]';

/** A logger named after its process part, writing JSON lines to `destination` (standard output by default). */
export function createLogger(
  name: string,
  level: LogLevel = 'info',
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    formatters: {
      level: (label) => ({ level: label }),
      log: (fields) => maskDeep(fields) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPersonalData(a) : a));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
  return wrap(destination ? pino(options, destination) : pino(options));
}

/** The logger our processes start with (kept under this name for their start-up code). */
export const consoleLogger = (name: string, level: LogLevel = 'info'): Logger => createLogger(name, level);
