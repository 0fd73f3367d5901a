/**
 * `npm run build`: the production build, into `dist/`.
 *
 * - Every server-side TypeScript file is compiled to CommonJS JavaScript with esbuild, file by file,
 *   at the same path (`engine/start.ts` → `dist/engine/start.js`), so paths the code finds relative
 *   to its own file (diagrams, forms, the lint configuration, static files) hold unchanged. Types are
 *   checked by `npm run typecheck`, not here.
 * - The files the services read at run time are copied beside them: diagrams, forms, element
 *   templates, calendar data, static files, and the browser libraries' style sheets the web app
 *   serves (from development packages, which production does not install).
 * - The browser bundles are built into `dist/ui/public/build`, so the web app starts without esbuild.
 *
 * Production then installs `npm ci --omit=dev` and runs `node dist/<service>/start.js`.
 */
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { buildBundles } from '../ui/build';

const ROOT = path.resolve(__dirname, '..');

/** Folders of server-side code; `ui/client` is browser code, bundled separately. */
const SOURCE_DIRS = [
  'adapters',
  'config',
  'deploy',
  'domain',
  'engine',
  'i18n',
  'intake',
  'operations',
  'scripts',
  'simulators',
  'ui',
  'workers',
];
const SKIP = new Set(['ui/client', 'ui/public']);

/** Run-time files beside the code: copied as they are. */
const ASSETS = ['bpmn', 'forms', '.camunda/element-templates', 'ui/public/app.css'];

/** Style sheets and fonts the web app serves from the browser libraries (ui/app.ts, /vendor/...). */
const VENDOR_ASSETS = [
  'node_modules/bpmn-js/dist/assets',
  'node_modules/@bpmn-io/form-js/dist/assets',
  'node_modules/camunda-bpmn-js/dist',
  'node_modules/bpmn-js-bpmnlint/dist/assets',
];

function walk(dir: string, pick: (file: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.posix.join(dir, name);
    if (SKIP.has(rel) || name === 'node_modules') continue;
    if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel, pick, out);
    else if (pick(rel)) out.push(rel);
  }
  return out;
}

/** The TypeScript files compiled into `dist/` (each `x.ts` becomes `dist/x.js`), relative to the root. */
export function compiledSources(): string[] {
  return SOURCE_DIRS.flatMap((d) =>
    walk(d, (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts')),
  );
}

/** Compiles `compiledSources()` to CommonJS under `outdir`, at the same paths, and copies their JSON files. */
export async function compileSources(outdir: string): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: compiledSources(),
    outdir,
    outbase: '.',
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // `await import('./x')` as `require`: Node resolves a CommonJS path without its extension
    // only through require.
    supported: { 'dynamic-import': false },
    sourcemap: false,
    logLevel: 'warning',
  });
  const json = SOURCE_DIRS.flatMap((d) => walk(d, (f) => f.endsWith('.json')));
  for (const file of json) cpSync(path.join(ROOT, file), path.join(outdir, file), { recursive: true });
}

export async function buildProduction(outdir = path.join(ROOT, 'dist')): Promise<string> {
  rmSync(outdir, { recursive: true, force: true });
  await compileSources(outdir);
  for (const file of ASSETS) {
    cpSync(path.join(ROOT, file), path.join(outdir, file), { recursive: true });
  }
  for (const dir of VENDOR_ASSETS) {
    if (!existsSync(path.join(ROOT, dir))) throw new Error(`${dir} is missing: run npm ci first`);
    // camunda-bpmn-js/dist also holds its 10 MB bundles: only style sheets and fonts are served.
    cpSync(path.join(ROOT, dir), path.join(outdir, dir), {
      recursive: true,
      filter: (src) => statSync(src).isDirectory() || !/\.(js|map|ts)$/.test(src),
    });
  }
  await buildBundles(path.join(outdir, 'ui', 'public', 'build'));
  return outdir;
}

if (require.main === module) {
  buildProduction().then(
    (dir) => console.log(`production build written to ${path.relative(process.cwd(), dir) || dir}`),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
