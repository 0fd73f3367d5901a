/**
 * Renders a Camunda form with form-js itself (`@bpmn-io/form-js-viewer`, the viewer Tasklist and our
 * worklist use) in Debian's Chromium: the text a person reads once the form has imported its data,
 * and what `submit()` would send. form-js and its FEEL and templating are ES modules Jest cannot
 * load, so they run where they run in production, in a browser page.
 */
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { bundle } from './bundle';

const REPO = path.resolve(__dirname, '..', '..');

export interface FormJsPage {
  page: Page;
  /** Calls the function the entry put on `window` under `name` and throws what the page reported. */
  call<T>(name: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

/**
 * A Chromium page with `entry` (TypeScript, resolved from the repository: form-js, our modules)
 * bundled by esbuild and loaded; the entry puts the functions the test calls on `window`.
 */
export async function formJsPage(entry: string): Promise<FormJsPage> {
  const [script] = await bundle({
    stdin: { contents: entry, resolveDir: REPO, loader: 'ts' },
    format: 'iife',
    loader: { '.css': 'empty', '.svg': 'text' },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page: Page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: script.text });
    return {
      page,
      async call<T>(name: string, ...args: unknown[]) {
        const out = await page.evaluate(
          ([n, a]) => (window as unknown as Record<string, (...x: unknown[]) => unknown>)[n](...a),
          [name, args] as const,
        );
        if (errors.length) throw new Error(`form-js reported: ${errors.splice(0).join('; ')}`);
        return out as T;
      },
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

const RENDER = `
import { Form } from '@bpmn-io/form-js-viewer';
(window as any).renderForm = async (schema: any, data: any) => {
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
  const fjs = await formJsPage(RENDER);
  return {
    render: (schema, data) => fjs.call<Rendered>('renderForm', schema, data),
    close: () => fjs.close(),
  };
}
