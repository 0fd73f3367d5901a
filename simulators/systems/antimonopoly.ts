/**
 * The antimonopoly body (service D, rules §9–§10): receives the provider's letter asking it to
 * confirm its prior consent, and answers. A person playing the body answers on its page
 * (`GET /antimonopoly/`) or a test through `POST /letters/:id/answer`; the answer is then delivered
 * to the provider's inbound channel (the callback, with a bearer token), as the real body's
 * document exchange would deliver it.
 */
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { binSchema, notFound, parseBody, problem } from '../http';
import type { AntimonopolyDelivery, AntimonopolyLetter, Store } from '../store';

const letterBody = z.object({
  applicationNumber: z.string().min(1),
  bin: binSchema,
  companyName: z.string().min(1),
  subject: z.string().optional(),
  objects: z.array(z.unknown()).optional(),
  antimonopolyConsentRef: z.string().optional(),
});

/** JSON from a client, or the page's form (`consent` = "true" | "false"). */
const answerBody = z.object({
  consent: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  comment: z.string().max(5000).optional(),
});

export interface AntimonopolyOptions {
  /** Where answers are delivered: `POST {applicationNumber, letterId, consent, comment, answeredAt}`. */
  callbackUrl?: string;
  /** Sent as `Authorization: Bearer …` with each delivery. */
  callbackToken?: string;
  callbackTimeoutMs?: number;
}

/** `options` is read at each answer, so a system can connect the callback after it started. */
export function antimonopolyRouter(store: Store, options: AntimonopolyOptions): Router {
  const router = Router();

  async function deliver(letter: AntimonopolyLetter): Promise<AntimonopolyDelivery | null> {
    if (!options.callbackUrl || !letter.answer) return null;
    const delivery = await postCallback(
      options.callbackUrl,
      options.callbackToken,
      {
        applicationNumber: letter.applicationNumber,
        letterId: letter.letterId,
        consent: letter.answer.consent,
        comment: letter.answer.comment,
        answeredAt: letter.answer.answeredAt,
      },
      options.callbackTimeoutMs ?? 5000,
    );
    letter.delivery = { ...delivery, at: store.clock.now().toISOString() };
    return letter.delivery;
  }

  const fromPage = (req: Request) => typeof req.is('application/x-www-form-urlencoded') === 'string';
  // Back to the page, wherever the router is mounted.
  const back = (req: Request, res: Response) => res.redirect(303, `${req.baseUrl}/`);

  router.use(express.urlencoded({ extended: false, limit: '64kb' }));

  router.get('/', (_req, res) => {
    res.type('html').send(page(store.letters));
  });

  router.post('/letters', (req, res) => {
    store.idempotency.handle('antimonopoly', req, res, () => {
      const body = parseBody(letterBody, req, res);
      if (!body) return undefined;
      const letter: AntimonopolyLetter = {
        letterId: store.nextId('AML'),
        applicationNumber: body.applicationNumber,
        bin: body.bin,
        companyName: body.companyName,
        subject: body.subject ?? 'Confirmation of prior consent to create a security organisation',
        objects: body.objects ?? [],
        antimonopolyConsentRef: body.antimonopolyConsentRef ?? null,
        receivedAt: store.clock.now().toISOString(),
        answer: null,
        delivery: null,
      };
      store.letters.push(letter);
      return { status: 201, body: { letterId: letter.letterId, receivedAt: letter.receivedAt } };
    });
  });

  router.get('/letters', (req, res) => {
    const applicationNumber = req.query.applicationNumber;
    res.json(
      store.letters.filter(
        (l) => applicationNumber === undefined || l.applicationNumber === applicationNumber,
      ),
    );
  });

  router.get('/letters/:id', (req, res) => {
    const letter = store.letters.find((l) => l.letterId === req.params.id);
    if (!letter) return notFound(res, 'letter');
    res.json(letter);
  });

  router.post('/letters/:id/answer', async (req, res) => {
    const letter = store.letters.find((l) => l.letterId === req.params.id);
    if (!letter) return notFound(res, 'letter');
    if (letter.answer) return problem(res, 409, 'Conflict', 'letter already answered');
    const body = parseBody(answerBody, req, res);
    if (!body) return;
    const comment = body.comment?.trim() ? body.comment.trim() : null;
    letter.answer = { consent: body.consent, comment, answeredAt: store.clock.now().toISOString() };
    // The answer is recorded whatever happens to its delivery; a failed delivery can be repeated.
    const callback = await deliver(letter);
    if (fromPage(req)) return back(req, res);
    res.json({
      letterId: letter.letterId,
      consent: body.consent,
      answeredAt: letter.answer.answeredAt,
      callback,
    });
  });

  router.post('/letters/:id/redeliver', async (req, res) => {
    const letter = store.letters.find((l) => l.letterId === req.params.id);
    if (!letter) return notFound(res, 'letter');
    if (!letter.answer) return problem(res, 409, 'Conflict', 'letter not answered yet');
    const callback = await deliver(letter);
    if (fromPage(req)) return back(req, res);
    res.json({ letterId: letter.letterId, callback });
  });

  return router;
}

/** The delivery outcome is reported, never thrown. */
async function postCallback(
  url: string,
  token: string | undefined,
  payload: object,
  timeoutMs: number,
): Promise<{ url: string; status: number | null; error: string | null }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return {
      url,
      status: response.status,
      error: response.ok ? null : (await response.text()).slice(0, 500),
    };
  } catch (err) {
    return { url, status: null, error: err instanceof Error ? err.message : String(err) };
  }
}

const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The body's own small page, in Kazakh and Russian: letters received, each answered once. */
function page(letters: AntimonopolyLetter[]): string {
  const rows = [...letters]
    .reverse()
    .map((l) => {
      const d = l.delivery;
      const delivered = d && d.status !== null && d.status < 300;
      const state = !l.answer
        ? `<form method="post" action="letters/${esc(l.letterId)}/answer">
             <label>Түсініктеме / Комментарий <textarea name="comment" rows="2" maxlength="5000"></textarea></label>
             <button name="consent" value="true">Келісім расталады / Согласие подтверждается</button>
             <button name="consent" value="false">Келісім расталмайды / Согласие не подтверждается</button>
           </form>`
        : `<p><strong>${l.answer.consent ? 'Расталды / Подтверждено' : 'Расталмады / Не подтверждено'}</strong>
             ${esc(l.answer.answeredAt)} ${esc(l.answer.comment)}</p>
           <p>${
             delivered
               ? `Жеткізілді / Доставлено (${esc(d.at)})`
               : `<span class="warn">Жеткізілмеді / Не доставлено${d ? `: ${esc(d.error ?? d.status)}` : ''}</span>
                  <form method="post" action="letters/${esc(l.letterId)}/redeliver"><button>Қайта жіберу / Отправить снова</button></form>`
           }</p>`;
      return `<tr><td>${esc(l.letterId)}<br>${esc(l.receivedAt)}</td>
        <td>${esc(l.applicationNumber)}</td><td>${esc(l.companyName)}<br>БСН/БИН ${esc(l.bin)}</td>
        <td>${esc(l.antimonopolyConsentRef)}</td><td>${state}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html><html lang="kk"><head><meta charset="utf-8">
<title>Монополияға қарсы орган / Антимонопольный орган</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem;max-width:80rem}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}textarea{display:block;width:100%}
button{margin:.3rem .3rem 0 0}.warn{color:#a40000}</style></head><body>
<h1>Монополияға қарсы орган — кіріс хаттар / Антимонопольный орган — входящие письма</h1>
<p>Симулятор: ұлттық компаниялардың күзет ұйымын құруына алдын ала келісімді растау туралы хаттар.
 / Симулятор: письма о подтверждении предварительного согласия на создание охранной организации национальной компанией.</p>
${
  letters.length === 0
    ? '<p>Хат жоқ / Писем нет</p>'
    : `<table><thead><tr><th>Хат / Письмо</th><th>Өтініш / Заявление</th><th>Компания</th><th>Келісім / Согласие</th><th>Жауап / Ответ</th></tr></thead><tbody>${rows}</tbody></table>`
}
</body></html>`;
}
