/** Applicant portal: submit an application with attachments, follow it in the cabinet (components/portal-page.ts). */
import './components/portal-page';

const app = document.getElementById('app')!;
app.replaceChildren(document.createElement('portal-page'));
