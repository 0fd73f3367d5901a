/**
 * Writes `docker-compose.yml` from `deploy/compose.ts`. `--check` exits 1 when the committed file
 * is stale (a test runs the same check).
 *
 *   npx tsx deploy/gen-compose.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compose } from './compose';
import { formatLikeRepo } from './format';

export const COMPOSE_PATH = resolve(__dirname, '..', 'docker-compose.yml');

const HEADER = [
  '# Generated from deploy/compose.ts by `npx tsx deploy/gen-compose.ts`; edit that file, not this one.',
  '# The production-like stack on Camunda 8.8: see docs/operations.md.',
  '#   docker compose up -d                        cluster, database, simulators, deployment, workers, web app',
  '#   docker compose --profile connectors up -d   ... plus the Camunda connectors runtime',
  '#   docker compose --profile test up -d camunda-test   a clock-controlled cluster for process tests',
];

const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
const PLAIN = /^[A-Za-z0-9_./@-][A-Za-z0-9_./@ =,:-]*$/;
// Strings a YAML reader could take for numbers (including YAML 1.1 base-60, as in "8080:8080") are quoted.
const NUMBER_LIKE = /^[-+]?[0-9][0-9_.:eE+-]*$/;

function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain =
    PLAIN.test(value) && !NUMBER_LIKE.test(value) && !RESERVED.test(value) && !/: | #|:$| $/.test(value);
  return plain ? value : JSON.stringify(value);
}

// Short commands read best on one line, as compose's own docs write them.
const FLOW_LISTS = new Set(['command', 'test']);
const FLOW_MAX_CHARS = 90;

type Yaml = string | number | boolean | Yaml[] | { [key: string]: Yaml | undefined };

function emit(value: { [key: string]: Yaml | undefined }, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const k = scalar(key);
    if (Array.isArray(v)) {
      const flow = `${pad}${k}: [${v.map((x) => scalar(x as string)).join(', ')}]`;
      if (FLOW_LISTS.has(key) && flow.length <= FLOW_MAX_CHARS) lines.push(flow);
      else lines.push(`${pad}${k}:`, ...v.map((x) => `${pad}  - ${scalar(x as string)}`));
    } else if (typeof v === 'object') {
      if (Object.keys(v).length === 0) lines.push(`${pad}${k}: {}`);
      else lines.push(`${pad}${k}:`, ...emit(v, indent + 2));
    } else {
      lines.push(`${pad}${k}: ${scalar(v)}`);
    }
  }
  return lines;
}

export async function renderCompose(): Promise<string> {
  const lines = [...HEADER, '', ...emit({ name: compose.name }, 0), '', 'services:'];
  Object.entries(compose.services).forEach(([name, service], i) => {
    if (i > 0) lines.push(''); // a blank line between services keeps the file readable
    lines.push(...emit({ [name]: service as unknown as Yaml }, 2));
  });
  lines.push('', ...emit({ volumes: compose.volumes }, 0));
  return formatLikeRepo(lines.join('\n') + '\n', COMPOSE_PATH);
}

if (require.main === module) {
  void (async () => {
    const expected = await renderCompose();
    if (process.argv.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(COMPOSE_PATH, 'utf8');
      } catch {
        // a missing file is stale too
      }
      if (current !== expected) {
        console.error('docker-compose.yml is stale: run npx tsx deploy/gen-compose.ts');
        process.exit(1);
      }
    } else {
      writeFileSync(COMPOSE_PATH, expected);
      console.log(`wrote ${COMPOSE_PATH}`);
    }
  })();
}
