/**
 * Renders a Camunda form with form-js itself (`@bpmn-io/form-js-viewer`, the viewer Tasklist and our
 * worklist use) in Debian's Chromium: the text a person reads once the form has imported its data,
 * and what `submit()` would send. form-js and its FEEL and templating are ES modules Jest cannot
 * load, so they run where they run in production, in a browser page.
 */
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ENTRY = `
import { Form } from '@bpmn-io/form-js-viewer';
window.renderForm = async (schema, data) => {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const form = new Form({ container });
  await form.importSchema(schema, data);
  await new Promise((r) => setTimeout(r, 20));
  const submitted = form.submit();
  // The date picker's calendar is a closed pop-up (flatpickr, English month names): not on screen.
  for (const popup of Array.from(document.querySelectorAll('.flatpickr-calendar'))) popup.remove();
  const text = container.innerText;
  form.destroy();
  return { text, submitted: submitted.data };
};
`;

export interface Rendered {
  /** The form's text as the page shows it (hidden components are not in the page). */
  text: string;
  /** What the form would submit: its own fields' values only. */
  submitted: Record<string, unknown>;
}

export interface FormRenderer {
  render(schema: unknown, data: Record<string, unknown>): Promise<Rendered>;
  close(): Promise<void>;
}

export async function formRenderer(): Promise<FormRenderer> {
  const { build } = await import('esbuild');
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: path.join(__dirname, '..', '..'), loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'empty', '.svg': 'text' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page: Page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  return {
    async render(schema, data) {
      const out = await page.evaluate(
        ([s, d]) =>
          (window as unknown as { renderForm(s: unknown, d: unknown): Promise<Rendered> }).renderForm(s, d),
        [schema, data] as const,
      );
      if (errors.length) throw new Error(`form-js reported: ${errors.splice(0).join('; ')}`);
      return out;
    },
    close: () => browser.close(),
  };
}
