/**
 * esbuild inside tests: one build, then its service process is stopped, so a test file that bundles
 * leaves nothing running and jest exits by itself (`npm test` runs without --forceExit).
 */
import type { BuildOptions, OutputFile } from 'esbuild';

/** Builds with esbuild (`write: false` unless `outfile`/`outdir` is given) and stops its service. */
export async function bundle(options: BuildOptions): Promise<OutputFile[]> {
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({
      bundle: true,
      write: false,
      target: 'es2022',
      logLevel: 'warning',
      ...options,
    });
    return result.outputFiles ?? [];
  } finally {
    await esbuild.stop();
  }
}
