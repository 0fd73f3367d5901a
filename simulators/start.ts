/** Runs the simulated state systems standalone: `tsx simulators/start.ts`. */
import { startSimulators } from './app';

const port = Number(process.env.SIMULATORS_PORT ?? 8090);
const host = process.env.SIMULATORS_HOST ?? '127.0.0.1';

async function main(): Promise<void> {
  const simulators = await startSimulators({
    port,
    host,
    latencyMs: Number(process.env.SIMULATORS_LATENCY_MS ?? 0),
    failureRate: Number(process.env.SIMULATORS_FAILURE_RATE ?? 0),
    seed: process.env.SIMULATORS_SEED ? Number(process.env.SIMULATORS_SEED) : undefined,
    callbackUrl: process.env.ANTIMONOPOLY_CALLBACK_URL || undefined,
    callbackToken: process.env.INBOUND_TOKEN || undefined,
  });
  console.log(`state-system simulators listening on ${simulators.url}`);
  const shutdown = (): void => {
    simulators.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
