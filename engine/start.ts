import { createLogger } from '../config/log';
import { ConfigError, loadConfig } from '../config/schema';
import { startEmbeddedEngine } from './index';

/** `npm run engine`: the embedded engine alone. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { service: 'engine' });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
  const { port, dataDir, host, token, maxMessageBytes, feelTimeoutMs, maxQueuedCommands, maxDocumentBytes } =
    config.engine;
  if (token === undefined) {
    console.error(
      'ENGINE_TOKEN (engine.token) is required: the engine answers only clients that present it ' +
        '(Authorization: Bearer <token>, or CAMUNDA_AUTH_STRATEGY=BASIC with CAMUNDA_BASIC_AUTH_PASSWORD=<token>).',
    );
    process.exit(2);
  }
  const running = await startEmbeddedEngine({
    dataDir,
    port,
    host,
    token,
    limits: { maxMessageBytes, feelTimeoutMs, maxQueuedCommands, maxDocumentBytes },
    log: (m) => createLogger('engine', config.log.level).info(m),
  });
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
