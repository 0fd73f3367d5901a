/**
 * The operator's pages (Lit elements built from Carbon components): applications with the deadline
 * board and incidents, one application, the calendar's revisions and the MCI. Which one the server
 * asked for is in the boot block; every text comes from the catalogue in the page's language.
 */
import '@carbon/web-components/es/components/button/index.js';
import '@carbon/web-components/es/components/select/index.js';
import '@carbon/web-components/es/components/radio-button/index.js';
import '@carbon/web-components/es/components/number-input/index.js';
import '@carbon/web-components/es/components/text-input/index.js';
import '@carbon/web-components/es/components/textarea/index.js';
import '@carbon/web-components/es/components/pagination/index.js';
import '@carbon/web-components/es/components/tag/index.js';
import '@carbon/web-components/es/components/modal/index.js';
import '@carbon/web-components/es/components/notification/index.js';
import '@carbon/web-components/es/components/inline-loading/index.js';
import { boot } from './components/boot';
import './components/operations-dashboard';
import './components/operations-instance';
import './components/operations-legal';

const data = (boot.data ?? {}) as { processInstanceKey?: string; view?: string };
const app = document.getElementById('app');
if (data.processInstanceKey) {
  const page = document.createElement('operations-instance');
  page.key = data.processInstanceKey;
  app?.replaceChildren(page);
} else {
  const tag =
    data.view === 'calendar'
      ? 'operations-calendar'
      : data.view === 'mci'
        ? 'operations-mci'
        : 'operations-dashboard';
  app?.replaceChildren(document.createElement(tag));
}
