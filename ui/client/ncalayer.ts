/**
 * The browser's side of EDS: NCALayer through `ncalayer-js-client` (the real NCALayer on the
 * user's machine, or the stand-in on the embedded default; the address comes from the server).
 */
import { NCALayerClient } from 'ncalayer-js-client';
import { ApiError, boot, lang } from './common';
import { edsText } from '../eds/texts';

let config: Promise<{ enabled: true; ncalayerUrl: string } | null> | undefined;

/** The server's EDS settings; null when the web app runs without EDS. */
export function edsConfig() {
  config ??= fetch('/api/eds/config')
    .then((r) => (r.ok ? r.json() : null))
    .then((c) => (c?.enabled ? c : null));
  return config;
}

function base64(text: string): string {
  let s = '';
  for (const b of new TextEncoder().encode(text)) s += String.fromCharCode(b);
  return btoa(s);
}

async function connect(): Promise<NCALayerClient> {
  const cfg = await edsConfig();
  const client = new NCALayerClient(cfg?.ncalayerUrl, false);
  try {
    await client.connect();
  } catch {
    throw new Error(edsText(lang, 'ncalayerMissing'));
  }
  return client;
}

function cancelled(err: unknown): never {
  if ((err as { canceledByUser?: boolean })?.canceledByUser)
    throw new Error(edsText(lang, 'ncalayerCancelled'));
  throw err;
}

/** Signs base64 data with the signing key: detached CMS, one per document. */
export async function signDetached(data: string[]): Promise<string[]> {
  const client = await connect();
  const result = await client
    .basicsSignCMS(
      NCALayerClient.basicsStorageAll,
      data,
      NCALayerClient.basicsCMSParamsDetached,
      NCALayerClient.basicsSignerSignAny,
      lang,
    )
    .catch(cancelled);
  return Array.isArray(result) ? result : [result];
}

/** The applicant's sign-in: the server's one-time challenge signed with the authentication key. */
export async function signChallenge(challenge: string): Promise<string> {
  const client = await connect();
  const cms = await client
    .basicsSignCMS(
      NCALayerClient.basicsStorageAll,
      challenge,
      NCALayerClient.basicsCMSParamsAttached,
      NCALayerClient.basicsSignerAuthAny,
      lang,
    )
    .catch(cancelled);
  return Array.isArray(cms) ? cms[0] : cms;
}

/** The certificate of the key the user picks (for the visible signature block). */
export async function chosenCertificate(): Promise<string> {
  const client = await connect();
  const info = await client.getKeyInfo(NCALayerClient.fileStorageType).catch(cancelled);
  return info.pem;
}

/**
 * Sends an e-request signed by the applicant: `signedText` is the exact JSON text sent (as the body
 * or as the multipart field); its detached CMS goes in the X-EDS-Signature header.
 */
export async function signedApi<T = any>(
  url: string,
  signedText: string,
  body: FormData | string,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { 'x-requested-with': 'fetch', ...extraHeaders };
  // Every write of a session carries the session's CSRF token.
  if (boot?.csrfToken) headers['x-csrf-token'] = boot.csrfToken;
  if (await edsConfig()) headers['x-eds-signature'] = (await signDetached([base64(signedText)]))[0];
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  let json: any = text;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  if (!res.ok) throw new ApiError(res.status, json);
  return json as T;
}
