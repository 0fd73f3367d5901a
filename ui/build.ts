import path from 'node:path';
import { build } from 'esbuild';

export const ENTRIES = ['worklist', 'operations', 'portal', 'designer', 'forms', 'eds'] as const;

/** Bundles the browser code into ui/public/build (git-ignored); called by ui/start.ts and tests. */
export async function buildBundles(outdir = path.join(__dirname, 'public', 'build')): Promise<string> {
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
