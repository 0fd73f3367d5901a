import { ConfigError, loadConfig } from '../config/schema';
import { consoleLogger } from '../config/log';
import { startWorkers } from './index';

/** `npm run workers`: every job worker in one process, stopped gracefully on SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { service: 'workers' });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = consoleLogger('workers', config.log.level);
  const running = await startWorkers({ config, log });
  log.info(
    `workers ready: ${running.types.length} job types over ${running.transport} at ${config.camunda.restAddress}`,
  );
  const stop = () => {
    log.info('stopping workers');
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  console.error(`workers failed to start: ${(err as Error).message}`);
  process.exit(1);
});
