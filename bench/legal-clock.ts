import { defaultLegalClock } from '../domain/legal-clock';

/** Target per deadline computation, in µs. */
const TARGET_MICROSECONDS = 2;
const SAMPLES = 1_000_000;

/** A fixed-seed generator, so runs compare like with like. */
function randomInstants(count: number, seed: number): Date[] {
  const from = Date.parse('2024-01-01T00:00:00+06:00');
  const span = Date.parse('2026-12-31T23:59:59+05:00') - from;
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return new Date(from + Math.floor((state / 2 ** 32) * span));
  });
}

/** ns and µs per `deadlineFromReceipt` (registration day plus a 1-20 WD term) over random receipts in 2024-2026. */
export async function benchLegalClock(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const instants = randomInstants(SAMPLES, 20_260_401);
  const terms = Int32Array.from({ length: SAMPLES }, (_, i) => 1 + (i % 20));
  let checksum = 0;
  const pass = (count: number) => {
    for (let i = 0; i < count; i++)
      checksum += defaultLegalClock.deadlineFromReceipt(instants[i], terms[i]).deadline.length;
  };
  pass(100_000); // warm-up: let the JIT optimise before measuring
  const started = process.hrtime.bigint();
  pass(SAMPLES);
  const elapsedNs = Number(process.hrtime.bigint() - started);
  const nsPerComputation = elapsedNs / SAMPLES;
  const microsecondsPerComputation = nsPerComputation / 1000;
  return {
    name: 'legal-clock',
    figures: {
      samples: SAMPLES,
      nsPerComputation: Math.round(nsPerComputation),
      microsecondsPerComputation: Number(microsecondsPerComputation.toFixed(3)),
      targetMicroseconds: TARGET_MICROSECONDS,
      meetsTarget: microsecondsPerComputation <= TARGET_MICROSECONDS ? 'yes' : 'no',
      checksum,
    },
  };
}

if (require.main === module) {
  benchLegalClock().then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
