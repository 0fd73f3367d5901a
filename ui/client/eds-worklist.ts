/** EDS in the worklist: the head signs the result through NCALayer; the clerk sees request signatures. */
import { formatAlmatyDateTimeSeconds } from '../../domain/almaty-time';
import { api, h, lang } from './common';
import { chosenCertificate, edsConfig, signDetached } from './ncalayer';
import { edsText, type EdsTextKey } from '../eds/texts';

/** Prepare (server lays out the signed PDF), sign each language with NCALayer, hand the CMS back. */
export async function signResult(userTaskKey: string): Promise<void> {
  const certificatePem = await chosenCertificate();
  const { documents } = await api('POST', `/api/eds/tasks/${userTaskKey}/prepare`, { certificatePem });
  const signatures = await signDetached(documents.map((d: { data: string }) => d.data));
  await api('POST', `/api/eds/tasks/${userTaskKey}/sign`, { signatures });
}

const when = (iso: string) => formatAlmatyDateTimeSeconds(iso);

/** Who signed the applicant's requests of this application, when, with which certificate. */
export function requestSignaturesBox(applicationNumber?: string): HTMLElement {
  const box = h('details', { open: true, class: 'facts-box', 'data-testid': 'request-signatures' });
  box.append(h('summary', {}, edsText(lang, 'requestSignatures')));
  if (!applicationNumber) return box;
  void (async () => {
    if (!(await edsConfig())) return box.remove();
    const { items } = await api('GET', `/api/eds/requests/${encodeURIComponent(applicationNumber)}`);
    const list = h('ul', { class: 'docs' });
    for (const s of items) {
      const kind = `kind.${s.kind}` as EdsTextKey;
      list.append(
        h(
          'li',
          {},
          h('strong', {}, edsText(lang, kind) ?? s.kind),
          ` · ${s.signer.fullName}${s.signer.bin ? ` · ${s.signer.organization ?? ''}` : ''} · ${when(s.signingTime)} · ${edsText(lang, 'certificateSerial')}: ${s.certificate.serialNumber}`,
        ),
      );
    }
    box.append(items.length ? list : h('p', { class: 'muted' }, '—'));
  })().catch(() => undefined);
  return box;
}
