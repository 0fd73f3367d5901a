import { startEmbeddedEngine } from './index';

/** `npm run engine`: the embedded engine alone. */
async function main(): Promise<void> {
  const port = Number(process.env.ENGINE_PORT ?? 8080);
  const dataDir = process.env.ENGINE_DATA_DIR ?? './data';
  const host = process.env.ENGINE_HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`ENGINE_PORT must be a port number, got '${process.env.ENGINE_PORT}'`);
    process.exit(2);
  }
  const running = await startEmbeddedEngine({ dataDir, port, host, log: (m) => console.log(`[engine] ${m}`) });
  console.log(`engine ready: Camunda 8.8 REST API at ${running.address}/v2 (data in ${dataDir})`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  console.error(`engine failed to start: ${(err as Error).message}`);
  process.exit(1);
});
