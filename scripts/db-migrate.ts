import { databaseLocation, openAppDatabase } from '../adapters/db/connect';
import { ConfigError, loadConfig } from '../config/schema';

/**
 * `npm run db:migrate`: applies the application database's pending migrations (`DATABASE_URL`, or
 * the embedded SQLite file) and prints one JSON line. The deploy job runs it before the services
 * start; running it again applies nothing.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, { service: 'deploy' });
  const database = openAppDatabase(databaseLocation(config));
  try {
    const applied = await database.migrate();
    console.log(JSON.stringify({ database: database.where, applied }));
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `migration failed: ${(err as Error).message}`);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
