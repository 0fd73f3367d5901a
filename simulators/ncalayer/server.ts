/**
 * NCALayer stand-in: a local WebSocket service speaking NCALayer's protocol, for development and
 * tests (NCALayer itself is a desktop program). The browser talks to it through
 * `ncalayer-js-client` exactly as it would to the real NCALayer:
 *
 * - on connect it announces `{"result":{"version":…}}`;
 * - `kz.gov.pki.knca.basics` / `sign` (what `basicsSignCMS` sends) answers
 *   `{status:true, body:{result:[<CMS base64>…]}}`; attached or detached per `signingParams.encapsulate`;
 * - `kz.gov.pki.knca.commonUtils` / `getKeyInfo`, `createCAdESFromBase64`, `getActiveTokens`,
 *   `changeLocale` answer `{code:"200", responseObject:…}`;
 * - anything else (e.g. the KAZTOKEN probe `kz.digiflow.mobile.extensions`) answers code 500.
 *
 * Which key signs: where the real NCALayer opens a dialog in which the user picks a key file, the
 * stand-in uses the key chosen beforehand — `choose(alias)` in-process, or `POST /choose` with
 * `{"alias":"fire-head"}` on the same port (GET / lists the aliases), or `defaultAlias` at start.
 * The key type follows the request as NCALayer's certificate filter does: a request whose
 * `signerParams.extKeyUsageOids` asks for clientAuth gets the person's authentication key, any
 * other the signing key; `choose(alias, type)` forces one (to test a wrong key).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { signCms } from './cms';
import { OID, type IssuedKey, type KeyType, type TestPki } from './pki';

export interface NcaLayerStandIn {
  /** ws:// URL the browser's NCALayerClient connects to. */
  url: string;
  /** HTTP URL of the key chooser (same port). */
  controlUrl: string;
  pki: TestPki;
  choose(alias: string, type?: KeyType): void;
  close(): Promise<void>;
}

interface Choice {
  alias: string;
  type?: KeyType;
}

const VERSION = '1.4';

export async function startNcaLayerStandIn(opts: {
  pki: TestPki;
  port?: number;
  host?: string;
  defaultAlias?: string;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}): Promise<NcaLayerStandIn> {
  const { pki } = opts;
  const log = opts.log ?? (() => {});
  let choice: Choice | undefined = opts.defaultAlias ? { alias: opts.defaultAlias } : undefined;

  const pick = (wanted: KeyType): IssuedKey | undefined => {
    if (!choice) return undefined;
    return pki.find(choice.alias, choice.type ?? wanted);
  };

  const keyInfo = (key: IssuedKey) => ({
    alias: key.holder.alias,
    keyId: key.certificate.serialNumber,
    algorithm: 'ECDSA',
    subjectCn: key.certificate.subjectName.getField('2.5.4.3')[0],
    subjectDn: key.certificate.subject,
    issuerCn: key.certificate.issuerName.getField('2.5.4.3')[0],
    issuerDn: key.certificate.issuer,
    serialNumber: key.certificate.serialNumber,
    certNotAfter: String(key.certificate.notAfter.getTime()),
    certNotBefore: String(key.certificate.notBefore.getTime()),
    pem: key.certificate.toString('pem'),
  });

  async function basicsSign(args: Record<string, unknown>) {
    if (args.format !== 'cms')
      return { status: false, code: '500', message: 'Unsupported format', details: '' };
    const signingParams = (args.signingParams ?? {}) as { encapsulate?: boolean; digested?: boolean };
    const signerParams = (args.signerParams ?? {}) as {
      extKeyUsageOids?: string[];
      iin?: string;
      bin?: string;
    };
    if (signingParams.digested)
      return { status: false, code: '500', message: 'Digested data is not supported', details: '' };
    const wanted: KeyType = (signerParams.extKeyUsageOids ?? []).includes(OID.clientAuth) ? 'auth' : 'sign';
    const key = pick(wanted);
    // No suitable key: the user closes the dialog, which NCALayer reports as a body without result.
    if (!key) return { status: true, body: {} };
    if (signerParams.iin && signerParams.iin !== key.holder.iin) return { status: true, body: {} };
    if (signerParams.bin && signerParams.bin !== key.holder.bin) return { status: true, body: {} };
    const blocks = Array.isArray(args.data) ? (args.data as string[]) : [String(args.data ?? '')];
    const result: string[] = [];
    for (const b64 of blocks) {
      const cms = await signCms(key, Buffer.from(b64, 'base64'), {
        attached: signingParams.encapsulate !== false,
      });
      result.push(cms.toString('base64'));
    }
    log('ncalayer signed', { alias: key.holder.alias, type: key.type, documents: result.length });
    return { status: true, body: { result } };
  }

  async function commonUtils(method: string, args: unknown[]) {
    switch (method) {
      case 'getActiveTokens':
        return { code: '200', responseObject: [] };
      case 'changeLocale':
        return { code: '200', responseObject: null };
      case 'getKeyInfo': {
        const key = pick('sign');
        return key
          ? { code: '200', responseObject: keyInfo(key) }
          : { code: '500', message: 'action.canceled' };
      }
      case 'createCAdESFromBase64':
      case 'createCMSSignatureFromBase64': {
        const [, keyType, data, attach] = args as [string, string, string, boolean];
        const key = pick(keyType === 'AUTHENTICATION' ? 'auth' : 'sign');
        if (!key) return { code: '500', message: 'action.canceled' };
        const cms = await signCms(key, Buffer.from(String(data), 'base64'), { attached: Boolean(attach) });
        return { code: '200', responseObject: cms.toString('base64') };
      }
      default:
        return { code: '500', message: `Unsupported method ${method}` };
    }
  }

  async function answer(raw: string): Promise<unknown> {
    let request: { module?: string; method?: string; args?: unknown };
    try {
      request = JSON.parse(raw);
    } catch {
      return { code: '500', message: 'Bad request' };
    }
    if (request.module === 'kz.gov.pki.knca.basics' && request.method === 'sign')
      return basicsSign((request.args ?? {}) as Record<string, unknown>);
    if (request.module === 'kz.gov.pki.knca.commonUtils')
      return commonUtils(String(request.method), Array.isArray(request.args) ? request.args : []);
    return { code: '500', message: `Module ${request.module} not found` };
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/choose') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        try {
          const { alias, type } = JSON.parse(body || '{}') as Choice;
          if (!pki.find(alias, type ?? 'sign')) throw new Error('unknown alias');
          choice = { alias, type };
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(choice));
        } catch (err) {
          res
            .writeHead(400, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: (err as Error).message }));
        }
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/') {
      const aliases = [...new Set(pki.keys.map((k) => k.holder.alias))];
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          chosen: choice ?? null,
          keys: aliases.map((alias) => {
            const k = pki.find(alias, 'sign')!;
            return {
              alias,
              iin: k.holder.iin,
              bin: k.holder.bin,
              subject: k.certificate.subject,
              variant: k.holder.variant,
            };
          }),
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws: WebSocket) => {
    ws.send(JSON.stringify({ result: { version: VERSION } }));
    ws.on('message', (data) => {
      void answer(String(data)).then(
        (reply) => ws.send(JSON.stringify(reply)),
        (err: unknown) => ws.send(JSON.stringify({ code: '500', message: (err as Error).message })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  return {
    url: `ws://${host}:${port}`,
    controlUrl: `http://${host}:${port}`,
    pki,
    choose(alias, type) {
      if (!pki.find(alias, type ?? 'sign')) throw new Error(`the stand-in has no key ${alias}`);
      choice = { alias, type };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
