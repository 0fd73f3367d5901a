/** The designer page (components/designer-page.ts): the modeler in Carbon's chrome. */
import '@carbon/web-components/es/components/button/index.js';
import '@carbon/web-components/es/components/select/index.js';
import '@carbon/web-components/es/components/notification/index.js';
import '@carbon/web-components/es/components/inline-loading/index.js';
import '@carbon/web-components/es/components/structured-list/index.js';
import '@carbon/web-components/es/components/tag/index.js';
import '@carbon/web-components/es/components/link/index.js';
import './components/designer-page';

const app = document.getElementById('app');
app?.replaceChildren(document.createElement('designer-page'));
