/** The public verification page of signed documents (components/verify-page.ts). */
import './components/verify-page';

const app = document.getElementById('app');
app?.replaceChildren(document.createElement('verify-page'));
