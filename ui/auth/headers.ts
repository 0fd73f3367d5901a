import type { NextFunction, Request, Response } from 'express';

/**
 * Response headers every page and API answer carries. The pages load scripts only from this app
 * (bundles under /build; boot data is a non-executable JSON block), so `script-src 'self'` without
 * 'unsafe-inline'. Styles allow inline attributes, which bpmn-js and form-js set on elements.
 * `connectTo`: other origins the browser talks to (NCALayer's WebSocket); `formTargets`: where a
 * form's redirect may lead (the identity provider's sign-out page).
 */
export function securityHeaders(opts: { connectTo?: string[]; formTargets?: string[] } = {}) {
  const origins = (urls: string[] = []) =>
    urls.flatMap((u) => {
      try {
        const url = new URL(u);
        return [`${url.protocol}//${url.host}`];
      } catch {
        return [];
      }
    });
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...origins(opts.connectTo)].join(' '),
    ["form-action 'self'", ...origins(opts.formTargets)].join(' '),
    // Only the app's own pages may frame it (the head's document preview); no other site can.
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  };
}
