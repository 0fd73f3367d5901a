/**
 * Command line for operators and scripts: `npm run -s legal-clock -- <command> ...`. Prints one
 * JSON line on stdout; on bad input prints one line on stderr and exits with status 2.
 */
import { defaultLegalClock } from './legal-clock';
import { InvalidInputError } from './errors';
import { LICENCE_REQUEST_KINDS, licenceFee, type LicenceRequestKind } from './fees';
import { parseDay, parseInstant } from './time';

const USAGE =
  'usage: legal-clock register <instant> | deadline <instant> <N> | working-days <YYYY> | fee <issue|reissue|duplicate> <YYYY-MM-DD>';

function expectArgs(args: string[], count: number): void {
  if (args.length !== count)
    throw new InvalidInputError(`expected ${count} argument(s), got ${args.length}; ${USAGE}`);
}

function positiveInteger(text: string, what: string): number {
  if (!/^[1-9]\d*$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new InvalidInputError(`${what} must be a positive integer, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

export function run(argv: string[]): Record<string, unknown> {
  const [command, ...args] = argv;
  switch (command) {
    case 'register':
      expectArgs(args, 1);
      return { registeredOn: defaultLegalClock.registrationDate(parseInstant(args[0])) };
    case 'deadline': {
      expectArgs(args, 2);
      const receivedAt = parseInstant(args[0]);
      return defaultLegalClock.deadlineFromReceipt(receivedAt, positiveInteger(args[1], 'N'));
    }
    case 'working-days': {
      expectArgs(args, 1);
      if (!/^\d{4}$/.test(args[0]))
        throw new InvalidInputError(`year must be YYYY, got ${JSON.stringify(args[0])}`);
      const year = Number(args[0]);
      return { year, workingDays: defaultLegalClock.workingDaysInYear(year) };
    }
    case 'fee': {
      expectArgs(args, 2);
      const [kind, paymentDate] = args;
      if (!(LICENCE_REQUEST_KINDS as readonly string[]).includes(kind)) {
        throw new InvalidInputError(
          `kind must be one of ${LICENCE_REQUEST_KINDS.join(', ')}, got ${JSON.stringify(kind)}`,
        );
      }
      parseDay(paymentDate, 'payment date');
      return { ...licenceFee(kind as LicenceRequestKind, paymentDate) };
    }
    default:
      throw new InvalidInputError(
        command === undefined ? USAGE : `unknown command ${JSON.stringify(command)}; ${USAGE}`,
      );
  }
}

try {
  process.stdout.write(`${JSON.stringify(run(process.argv.slice(2)))}\n`);
} catch (error) {
  // Every domain error here comes from the arguments (a year without data is one too): status 2.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`${message.replace(/\s+/g, ' ')}\n`);
  process.exitCode = 2;
}
