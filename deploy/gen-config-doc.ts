/**
 * Writes `docs/configuration.md` from the configuration schema, so the reference cannot drift
 * from the code. `--check` exits 1 when the committed file is stale (a test runs the same check).
 *
 *   npx tsx deploy/gen-config-doc.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeConfig, type ConfigDescription } from '../config/schema';
import { formatLikeRepo } from './format';

export const CONFIG_DOC_PATH = resolve(__dirname, '..', 'docs', 'configuration.md');

const cell = (s: string) => s.replace(/\|/g, '\\|');

function row(d: ConfigDescription): string {
  const def = d.secret ? '(secret)' : d.default === undefined ? '—' : `\`${d.default}\``;
  return `| \`${d.env}\` | \`${d.key}\` | ${cell(d.type)} | ${def} | ${d.services.join(', ')} | ${cell(d.doc)} |`;
}

export async function renderConfigDoc(): Promise<string> {
  const rows = describeConfig();
  const text = [
    '# Configuration',
    '',
    '<!-- Generated from config/schema.ts by `npx tsx deploy/gen-config-doc.ts`; edit the schema, not this file. -->',
    '',
    'Every service reads its settings from environment variables, validated at start-up by',
    '`loadConfig` (`config/schema.ts`). An invalid or missing value stops the service with one message',
    'listing every bad variable, its expected type and its value (secrets are never shown). Empty',
    'values count as unset.',
    '',
    'Rules across keys: `CAMUNDA_AUTH_STRATEGY=BASIC` needs `CAMUNDA_BASIC_AUTH_USERNAME` and',
    '`CAMUNDA_BASIC_AUTH_PASSWORD`; `OAUTH` needs `ZEEBE_CLIENT_ID`, `ZEEBE_CLIENT_SECRET` and',
    '`CAMUNDA_OAUTH_URL`; `MODE=production` needs `UI_SESSION_SECRET`.',
    '',
    '| variable | key | type | default | read by | meaning |',
    '|---|---|---|---|---|---|',
    ...rows.map(row),
    '',
  ].join('\n');
  return formatLikeRepo(text, CONFIG_DOC_PATH);
}

if (require.main === module) {
  void (async () => {
    const expected = await renderConfigDoc();
    if (process.argv.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(CONFIG_DOC_PATH, 'utf8');
      } catch {
        // a missing file is stale too
      }
      if (current !== expected) {
        console.error('docs/configuration.md is stale: run npx tsx deploy/gen-config-doc.ts');
        process.exit(1);
      }
    } else {
      writeFileSync(CONFIG_DOC_PATH, expected);
      console.log(`wrote ${CONFIG_DOC_PATH}`);
    }
  })();
}
