import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plugin } from 'esbuild';

const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * `import config from 'bpmnlint-config'` in the designer: the repository's bpmnlint configuration
 * (bpmn/.bpmnlintrc, the same as the deploy gate's: Camunda 8.8 compatibility and correctness as
 * errors, advice as warnings) packed for the browser with bpmnlint-pack-config when bundling.
 */
const bpmnlintConfig: Plugin = {
  name: 'bpmnlint-config',
  setup(b) {
    b.onResolve({ filter: /^bpmnlint-config$/ }, () => ({ path: 'bpmnlint-config', namespace: 'bpmnlint' }));
    b.onLoad({ filter: /.*/, namespace: 'bpmnlint' }, async () => {
      const { packConfig } = await import('bpmnlint-pack-config');
      // Packed from a copy outside node_modules' reach, so the rules stay imports that esbuild
      // bundles (rollup would otherwise try to bundle their JSON too); rollup's notes about those
      // unresolved imports are expected and kept quiet.
      const dir = await mkdtemp(path.join(tmpdir(), 'bpmnlint-'));
      await copyFile(path.join(REPO_ROOT, 'bpmn', '.bpmnlintrc'), path.join(dir, '.bpmnlintrc'));
      const warn = console.warn;
      console.warn = () => undefined;
      let packed: { code: string };
      try {
        packed = await packConfig(path.join(dir, '.bpmnlintrc'), 'es');
      } finally {
        console.warn = warn;
        await rm(dir, { recursive: true, force: true });
      }
      return { contents: packed.code, resolveDir: REPO_ROOT, loader: 'js' };
    });
  },
};

/** Pages still built as classic scripts (iife), each bundle on its own. */
export const ENTRIES = ['forms'] as const;

/**
 * Pages built from Lit + Carbon web components (docs/decisions/0011-design-system.md): ES modules
 * with shared chunks, so a custom element that two bundles of a page import is defined once.
 * `shell` (the header) is on every page; a page's own bundle is loaded beside it.
 */
export const MODULE_ENTRIES = [
  'shell',
  'portal',
  'worklist',
  'operations',
  'designer',
  'eds',
  'verify',
] as const;

/** IBM Plex Sans from @ibm/plex-sans, the scripts our pages use (Kazakh and Russian Cyrillic, Latin digits). */
const PLEX = { 400: 'Regular', 600: 'SemiBold', 300: 'Light' } as const;
const PLEX_SUBSETS = {
  Cyrillic:
    'U+0400-045F, U+0462-0463, U+046A-046B, U+0472-0475, U+0490-04C2, U+04CF-04D9, U+04DC-04E9, U+04EE-04F9, U+0524-0525',
  Latin1:
    'U+0000-00FF, U+0131, U+0152-0153, U+02C6, U+02DA, U+02DC, U+2000-206F, U+2074, U+20AC, U+2122, U+2212, U+2215',
} as const;

/**
 * Carbon's global styles (theme tokens, reset, type) from @carbon/styles' compiled CSS, served from
 * /build with the fonts beside them: its own @font-face rules point at a CDN, which neither this
 * machine nor production reaches, so they are replaced by rules for the packaged Plex files.
 */
async function carbonStyles(outdir: string): Promise<void> {
  const nm = path.join(REPO_ROOT, 'node_modules');
  const css = await readFile(path.join(nm, '@carbon', 'styles', 'css', 'styles.min.css'), 'utf8');
  const fonts = path.join(outdir, 'fonts');
  await mkdir(fonts, { recursive: true });
  const faces: string[] = [];
  for (const [weight, name] of Object.entries(PLEX)) {
    for (const [subset, range] of Object.entries(PLEX_SUBSETS)) {
      const file = `IBMPlexSans-${name}-${subset}.woff2`;
      await copyFile(
        path.join(nm, '@ibm', 'plex-sans', 'fonts', 'split', 'woff2', file),
        path.join(fonts, file),
      );
      faces.push(
        `@font-face{font-display:swap;font-family:"IBM Plex Sans";font-style:normal;font-weight:${weight};src:url(fonts/${file}) format("woff2");unicode-range:${range}}`,
      );
    }
  }
  const own = css.replace(/@font-face\{[^}]*\}/g, '');
  if (/url\(https?:/.test(own)) throw new Error('@carbon/styles still loads something from the network');
  await writeFile(path.join(outdir, 'carbon.css'), faces.join('\n') + '\n' + own);
}

/**
 * What the bundles in a folder were built from: every file esbuild read (its metafile), the lint
 * configuration packed by the plugin, Carbon's CSS and this file, each with its size and change time.
 * A later build with all of them unchanged and every bundle present has nothing to do, so each web
 * app a test suite starts does not bundle the same sources again.
 */
const INPUTS_FILE = '.inputs.json';
const fileSignature = async (file: string): Promise<string | undefined> => {
  try {
    const s = await stat(file);
    return s.isFile() ? `${s.size}:${s.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
};

async function upToDate(outdir: string): Promise<boolean> {
  let inputs: Record<string, string>;
  try {
    inputs = JSON.parse(await readFile(path.join(outdir, INPUTS_FILE), 'utf8'));
  } catch {
    return false;
  }
  const outputs = [...ENTRIES, ...MODULE_ENTRIES].map((e) => path.join(outdir, `${e}.js`));
  outputs.push(path.join(outdir, 'carbon.css'));
  for (const file of outputs) if (!(await fileSignature(file))) return false;
  for (const [file, signature] of Object.entries(inputs))
    if ((await fileSignature(file)) !== signature) return false;
  return Object.keys(inputs).length > 0;
}

async function recordInputs(outdir: string, read: string[]): Promise<void> {
  const files = [
    ...read.map((f) => path.resolve(REPO_ROOT, f)),
    path.join(REPO_ROOT, 'bpmn', '.bpmnlintrc'),
    path.join(REPO_ROOT, 'node_modules', '@carbon', 'styles', 'css', 'styles.min.css'),
    __filename,
  ];
  const inputs: Record<string, string> = {};
  for (const file of files) {
    const signature = await fileSignature(file);
    if (signature) inputs[file] = signature;
  }
  await writeFile(path.join(outdir, INPUTS_FILE), JSON.stringify(inputs));
}

/** Builds under way in this process: esbuild's service is stopped when the last one ends. */
let building = 0;

/** Bundles the browser code into ui/public/build (git-ignored); called by ui/start.ts in development, by `npm run build` and by tests. */
export async function buildBundles(outdir = path.join(__dirname, 'public', 'build')): Promise<string> {
  if (await upToDate(outdir)) return outdir;
  // esbuild is a development package: loaded only when bundling (`npm run build`, `npm start`).
  const esbuild = await import('esbuild');
  const { build } = esbuild;
  const common = {
    bundle: true,
    outdir,
    absWorkingDir: REPO_ROOT,
    metafile: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    // The modeler and form editor pull in CSS through JS imports in a few places; keep them out.
    loader: { '.css': 'empty', '.svg': 'text' },
    define: { 'process.env.NODE_ENV': '"production"' },
  } as const;
  building++;
  try {
    const [classic, modules] = await Promise.all([
      build({
        ...common,
        entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, path.join(__dirname, 'client', `${e}.ts`)])),
        format: 'iife',
        plugins: [bpmnlintConfig],
      }),
      build({
        ...common,
        entryPoints: Object.fromEntries(
          MODULE_ENTRIES.map((e) => [e, path.join(__dirname, 'client', `${e}.ts`)]),
        ),
        format: 'esm',
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        plugins: [bpmnlintConfig],
      }),
      carbonStyles(outdir),
    ]);
    await recordInputs(outdir, [
      ...Object.keys(classic.metafile.inputs),
      ...Object.keys(modules.metafile.inputs),
    ]);
  } finally {
    // A finished build leaves no esbuild process behind (a test run ends by itself).
    if (--building === 0) await esbuild.stop();
  }
  return outdir;
}

if (require.main === module) {
  buildBundles().then(
    (dir) => console.log(`bundles written to ${dir}`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
