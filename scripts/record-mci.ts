import { readFileSync } from 'node:fs';
import { createMciRecordStore, MciRecordConflictError } from '../adapters/mci-records';
import { databaseLocation, openAppDatabase } from '../adapters/db/connect';
import { ConfigError, loadConfig } from '../config/schema';
import { parseMciRecord } from '../domain/legal-clock';

/**
 * `npm run -s mci:record -- <record.json>`: records a year's monthly calculation index once the
 * budget law setting it is adopted (`{ "year": 2027, "mci": …, "legalBasis": "…", "author": "…" }`).
 * Workers read it on their next fee check; no restart. Prints one JSON line.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run -s mci:record -- <record.json>');
    process.exit(2);
  }
  let record;
  try {
    record = parseMciRecord(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    console.error(`invalid MCI record ${file}: ${(err as Error).message}`);
    process.exit(2);
  }
  const config = loadConfig(process.env, { service: 'workers' });
  const database = openAppDatabase(databaseLocation(config));
  const stored = await createMciRecordStore(database)
    .append(record, new Date())
    .finally(() => database.close());
  console.log(JSON.stringify(stored));
}

main().catch((err) => {
  const usage = err instanceof ConfigError || err instanceof MciRecordConflictError;
  console.error(usage ? (err as Error).message : `MCI record failed: ${(err as Error).message}`);
  process.exit(usage ? 2 : 1);
});
