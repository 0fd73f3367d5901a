import { parseArgs } from 'node:util';
import {
  databaseLocation,
  DatabaseNotMigratedError,
  isUnavailable,
  openAppDatabase,
  type AppDatabase,
} from '../adapters/db/connect';
import { ConfigError, loadConfig } from '../config/schema';

/**
 * `npm run db:migrate` (in the image: `node dist/scripts/db-migrate.js`): applies the application
 * database's pending migrations (`DATABASE_URL`, or the embedded SQLite file) and prints one JSON
 * line. Compose's `db-migrate` service and the Kubernetes `kz-permits-db-migrate` Job run it before
 * the services start; running it again applies nothing.
 *
 * `--wait <seconds>` migrates nothing: it waits until the schema is current (another process
 * migrates it) and exits 0, or exits 1 after that many seconds. The web app's and the workers' pods
 * run it before they start.
 */
const RETRY_MS = 2_000;

async function waitUntilMigrated(database: AppDatabase, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1_000;
  for (;;) {
    try {
      await database.ready();
      return;
    } catch (error) {
      const retriable = error instanceof DatabaseNotMigratedError || isUnavailable(error);
      if (!retriable || Date.now() + RETRY_MS > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

class UsageError extends Error {}

function waitArgument(): number | undefined {
  let wait: string | undefined;
  try {
    wait = parseArgs({ options: { wait: { type: 'string' } } }).values.wait;
  } catch (error) {
    throw new UsageError(`usage: db-migrate [--wait <seconds>]: ${(error as Error).message}`);
  }
  if (wait === undefined) return undefined;
  const seconds = Number(wait);
  if (!/^\d+$/.test(wait) || !Number.isSafeInteger(seconds))
    throw new UsageError(`--wait: expected whole seconds, got "${wait}"`);
  return seconds;
}

async function main(): Promise<void> {
  const waitSeconds = waitArgument();
  const config = loadConfig(process.env, { service: 'deploy' });
  const location = databaseLocation(config);
  const database = openAppDatabase(location, { migrate: waitSeconds === undefined });
  try {
    if (waitSeconds === undefined) {
      const applied = await database.migrate();
      console.log(JSON.stringify({ database: database.where, applied }));
    } else {
      await waitUntilMigrated(database, waitSeconds);
      console.log(JSON.stringify({ database: database.where, current: true }));
    }
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  const usage = err instanceof ConfigError || err instanceof UsageError;
  const waiting = process.argv.some((arg) => arg.startsWith('--wait'));
  console.error(
    usage ? err.message : `${waiting ? 'schema not current' : 'migration failed'}: ${(err as Error).message}`,
  );
  process.exit(usage ? 2 : 1);
});
