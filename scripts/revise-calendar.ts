import { readFileSync } from 'node:fs';
import { createCalendarRevisionStore } from '../adapters/calendar-revisions';
import { databaseLocation, openAppDatabase } from '../adapters/db/connect';
import { orchestrationClient } from '../config/camunda';
import { ConfigError, loadConfig } from '../config/schema';
import { parseCalendarRevision } from '../domain/legal-clock/revisions';
import { reviseCalendar } from '../operations/calendar-revision';

/**
 * `npm run -s calendar:revise -- <revision.json>`: records an operator's calendar revision and
 * re-arms the deadlines of every running application. Prints one JSON line.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run -s calendar:revise -- <revision.json>');
    process.exit(2);
  }
  let revision;
  try {
    revision = parseCalendarRevision(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    console.error(`invalid revision ${file}: ${(err as Error).message}`);
    process.exit(2);
  }
  const config = loadConfig(process.env, { service: 'workers' });
  const camunda = orchestrationClient(config, {});
  const database = openAppDatabase(databaseLocation(config));
  const outcome = await reviseCalendar(
    {
      store: createCalendarRevisionStore(database),
      camunda,
      now: () => new Date(),
    },
    revision,
  );
  await database.close();
  console.log(JSON.stringify({ revision: outcome.revision.id, rearmedApplications: outcome.rearmed }));
}

main().catch((err) => {
  console.error(
    err instanceof ConfigError ? err.message : `calendar revision failed: ${(err as Error).message}`,
  );
  process.exit(err instanceof ConfigError ? 2 : 1);
});
