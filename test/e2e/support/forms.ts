/** Helpers the browser tests share: waiting on the real system and finding deployed forms' fields. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { evaluateValue } from '../../../engine/feel';
import { waitFor } from '../../support/wait';
import { REPO } from './system';

/** Polls `check` until it returns a value, failing after `timeoutMs` with what was awaited. */
export const eventually = <T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 180_000,
): Promise<T> => waitFor(what, check, { timeoutMs, intervalMs: 250, retryErrors: true });

/** The form-js input of a field of a deployed form, found by its key (form-js ids end with the component id). */
export function component(formId: string, key: string) {
  const schema = JSON.parse(readFileSync(path.join(REPO, 'forms', `${formId}.form`), 'utf8'));
  const walk = (cs: any[]): any[] => cs.flatMap((c) => [c, ...walk(c.components ?? [])]);
  const found = walk(schema.components ?? []).find((c) => c.key === key);
  if (!found) throw new Error(`form ${formId} has no field ${key}`);
  return found;
}

export function field(page: Page, formId: string, key: string) {
  return page.locator(`[data-testid=task-form] [id$="-${component(formId, key).id}"]`).first();
}

/** A radio option by value: form-js numbers the options' ids in schema order. */
export function option(page: Page, formId: string, key: string, value: string) {
  const c = component(formId, key);
  // Options are static or, with labels in the form's language, a FEEL list of the same values.
  const values = c.values ?? (c.valuesExpression ? evaluateValue(c.valuesExpression, {}) : []);
  const index = (values as Array<{ value: string }>).findIndex((v) => v.value === value);
  if (index < 0) throw new Error(`field ${key} of ${formId} has no option ${value}`);
  return page.locator(`[data-testid=task-form] [id$="-${c.id}-${index}"]`).first();
}
