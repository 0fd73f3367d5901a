/**
 * On every page (ui/pages.ts `layout`): the header, and the Carbon components the server-rendered
 * pages use (sign-in, 403, EDS). Page bundles that import the same components share these chunks.
 */
import './components/app-header';
import '@carbon/web-components/es/components/button/index.js';
import '@carbon/web-components/es/components/text-input/index.js';
import '@carbon/web-components/es/components/notification/index.js';
import '@carbon/web-components/es/components/link/index.js';

/**
 * `<cds-button type="submit">` renders its button in its shadow root, which submits no form of the
 * page: a click on it submits the form it stands in, as a native submit button would.
 */
document.addEventListener('click', (event) => {
  // The path, not the target: inside a Lit page the target is retargeted to the page's host.
  const button = event
    .composedPath()
    .find((n): n is Element => n instanceof Element && n.matches('cds-button[type=submit]'));
  if (!button || button.hasAttribute('disabled')) return;
  const form = button.closest('form');
  if (form) {
    event.preventDefault();
    form.requestSubmit();
  }
});
