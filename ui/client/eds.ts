/** The applicant's sign-in page by EDS (components/eds-signin-page.ts). */
import '@carbon/web-components/es/components/button/index.js';
import '@carbon/web-components/es/components/notification/index.js';
import '@carbon/web-components/es/components/inline-loading/index.js';
import '@carbon/web-components/es/components/link/index.js';
import './components/eds-signin-page';

const app = document.getElementById('app');
app?.replaceChildren(document.createElement('eds-signin-page'));
