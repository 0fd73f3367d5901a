import { copyFile, mkdtemp, rm } from 'node:fs/promises';
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

export const ENTRIES = ['worklist', 'operations', 'portal', 'designer', 'forms', 'eds'] as const;

/** Bundles the browser code into ui/public/build (git-ignored); called by ui/start.ts in development, by `npm run build` and by tests. */
export async function buildBundles(outdir = path.join(__dirname, 'public', 'build')): Promise<string> {
  // esbuild is a development package: loaded only when bundling (`npm run build`, `npm start`).
  const { build } = await import('esbuild');
  await build({
    entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, path.join(__dirname, 'client', `${e}.ts`)])),
    bundle: true,
    outdir,
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    // The modeler and form editor pull in CSS through JS imports in a few places; keep them out.
    loader: { '.css': 'empty', '.svg': 'text' },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [bpmnlintConfig],
  });
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
