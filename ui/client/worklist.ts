/** The worklist page (clerks, heads, experts): Lit elements built from Carbon components. */
import '@carbon/web-components/es/components/tabs/index.js';
import '@carbon/web-components/es/components/search/index.js';
import '@carbon/web-components/es/components/select/index.js';
import '@carbon/web-components/es/components/pagination/index.js';
import '@carbon/web-components/es/components/tag/index.js';
import '@carbon/web-components/es/components/button/index.js';
import '@carbon/web-components/es/components/link/index.js';
import '@carbon/web-components/es/components/notification/index.js';
import '@carbon/web-components/es/components/inline-loading/index.js';
import './components/worklist-task';
import './components/worklist-page';

const app = document.getElementById('app');
app?.replaceChildren(document.createElement('worklist-page'));
