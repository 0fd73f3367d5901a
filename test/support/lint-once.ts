/**
 * The deploy command lints every diagram before it deploys it (bpmnlint, about a second a diagram).
 * Every test file that starts the real system deploys the same repository diagrams, so the lint of a
 * given diagram text is done once per test run and read back by the next test files: same bytes,
 * same linter, same findings. A diagram a test changes has other bytes and is linted afresh.
 * The findings live in the run's folder (test/support/run-folder.ts); outside a jest run (no
 * folder) every diagram is linted.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LintDiagram } from '../../deploy/deploy';
import { lintDiagram } from '../../engine/lint';
import { RUN_FOLDER_VARIABLE } from './run-folder';

export const lintOncePerRun: LintDiagram = async (xml) => {
  const folder = process.env[RUN_FOLDER_VARIABLE];
  if (!folder) return lintDiagram(xml);
  const dir = path.join(folder, 'lint');
  const file = path.join(dir, `${createHash('sha256').update(xml).digest('hex')}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // Not linted yet in this run.
  }
  const problems = await lintDiagram(xml);
  mkdirSync(dir, { recursive: true });
  // Written whole then renamed, so a parallel worker never reads half a file.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(problems));
  renameSync(partial, file);
  return problems;
};
