/** EDS in the worklist: the head signs the result through NCALayer; the clerk sees request signatures. */
import { api } from './common';
import { chosenCertificate, signDetached } from './ncalayer';
import './components/eds-request-signatures';

/** Prepare (server lays out the signed PDF), sign each language with NCALayer, hand the CMS back. */
export async function signResult(userTaskKey: string): Promise<void> {
  const certificatePem = await chosenCertificate();
  const { documents } = await api('POST', `/api/eds/tasks/${userTaskKey}/prepare`, { certificatePem });
  const signatures = await signDetached(documents.map((d: { data: string }) => d.data));
  await api('POST', `/api/eds/tasks/${userTaskKey}/sign`, { signatures });
}

/** Who signed the applicant's requests of this application (components/eds-request-signatures.ts). */
export function requestSignaturesBox(applicationNumber?: string): HTMLElement {
  const box = document.createElement('eds-request-signatures');
  box.applicationNumber = applicationNumber ?? '';
  return box;
}
