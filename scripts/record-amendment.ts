import { readFileSync } from 'node:fs';
import { createLegalAmendmentStore, LegalAmendmentConflictError } from '../adapters/legal-amendments';
import { databaseLocation, openAppDatabase } from '../adapters/db/connect';
import { orchestrationClient } from '../config/camunda';
import { ConfigError, loadConfig } from '../config/schema';
import { LegalAmendmentError, parseLegalAmendment } from '../domain/rules/legal-amendments';
import { recordLegalAmendment } from '../operations/legal-amendment';
import { t } from '../i18n';

/**
 * `npm run -s amendment:record -- <amendment.json>`: records an operator's legal amendment of the
 * fire-automation permit Rules and starts its rules-change notice (Order 138 §8), once. Prints one
 * JSON line; bad input is reported per field in Kazakh and Russian and exits 2.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run -s amendment:record -- <amendment.json>');
    process.exit(2);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
    parseLegalAmendment(raw);
  } catch (err) {
    if (err instanceof LegalAmendmentError) {
      for (const p of err.problems) console.error(`${p.path || file}: ${p.kk} / ${p.ru}`);
    } else {
      console.error(`${file}: ${(err as Error).message}`);
    }
    process.exit(2);
  }
  const config = loadConfig(process.env, { service: 'workers' });
  const camunda = orchestrationClient(config, {});
  const database = openAppDatabase(databaseLocation(config));
  const outcome = await recordLegalAmendment(
    {
      store: createLegalAmendmentStore(database),
      camunda: camunda,
      now: () => new Date(),
    },
    raw,
  );
  await database.close();
  console.log(
    JSON.stringify({
      amendment: outcome.amendment.id,
      recorded: outcome.created,
      noticeProcessInstanceKey: outcome.noticeProcessInstanceKey,
      noticeStarted: outcome.noticeStarted,
    }),
  );
}

main().catch((err) => {
  if (err instanceof LegalAmendmentConflictError) {
    console.error(
      `${t('kk', 'error.amendment.conflict', { id: err.stored.id })} / ${t('ru', 'error.amendment.conflict', { id: err.stored.id })}`,
    );
    process.exit(2);
  }
  console.error(
    err instanceof ConfigError ? err.message : `amendment not recorded: ${(err as Error).message}`,
  );
  process.exit(err instanceof ConfigError ? 2 : 1);
});
