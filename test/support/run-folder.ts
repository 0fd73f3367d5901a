/**
 * A temporary folder for one jest run (jest.config.js: globalSetup and globalTeardown), where test
 * files leave what the next test files of the same run may reuse (test/support/lint-once.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const RUN_FOLDER_VARIABLE = 'KZP_TEST_RUN_FOLDER';

export function createRunFolder(): void {
  process.env[RUN_FOLDER_VARIABLE] = mkdtempSync(path.join(os.tmpdir(), 'kzp-test-run-'));
}

export function removeRunFolder(): void {
  const folder = process.env[RUN_FOLDER_VARIABLE];
  if (folder) rmSync(folder, { recursive: true, force: true });
  delete process.env[RUN_FOLDER_VARIABLE];
}
