// Helpers for the portal's own tests: a cookie-keeping client that follows redirects like a browser,
// and small readers for the parts of a page the tests look at.
import { createRequire } from 'node:module';
import jsQR from 'jsqr';
import { Secret, TOTP } from 'otpauth';

/** A page as the browser would end up on it. */
export interface PageResult {
  status: number;
  /** Path (with query) of the final page after redirects. */
  path: string;
  html: string;
}

/** A tiny browser: one cookie jar, follows 303/302 with GET. */
export function createClient(baseUrl: string) {
  const jar = new Map<string, string>();
  async function request(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<PageResult> {
    let url = new URL(path, baseUrl);
    let init: RequestInit = { method, redirect: 'manual', body: form ? new URLSearchParams(form) : undefined };
    for (let hops = 0; hops < 10; hops++) {
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const response = await fetch(url, { ...init, headers: cookie ? { cookie } : {} });
      for (const header of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = header.split(';');
        const [name = '', value = ''] = pair.split('=');
        if (attributes.some((a) => a.trim() === 'Max-Age=0')) jar.delete(name);
        else jar.set(name, value);
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return { status: response.status, path: url.pathname + url.search, html: await response.text() };
      }
      url = new URL(location, url);
      init = { method: 'GET', redirect: 'manual' };
    }
    throw new Error('too many redirects');
  }
  return {
    get: (path: string) => request('GET', path),
    post: (path: string, form: Record<string, string>) => request('POST', path, form),
    cookies: jar,
  };
}

const decode = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Text of the page's h1. */
export function readHeading(html: string): string {
  return decode(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.trim() ?? '');
}

/** Text of the form error line, or '' when there is none. */
export function readError(html: string): string {
  return decode(/id="form-error">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
}

/** The key written out on an enrolment page, spaces removed. */
export function readKey(html: string): string {
  return (/id="totp-key">([^<]*)</.exec(html)?.[1] ?? '').replace(/\s/g, '');
}

/** Every `<input …>` tag on the page. */
export function readInputs(html: string): string[] {
  return html.match(/<input\b[^>]*>/g) ?? [];
}

/** Decodes the enrolment QR image (PNG data URL) back to its text with jsQR. */
export function readQrText(html: string): string {
  const src = /id="totp-qr" src="data:image\/png;base64,([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error('no QR image on the page');
  // pngjs comes with qrcode; loaded untyped so it needs no declaration file.
  const { PNG } = createRequire(import.meta.url)('pngjs') as {
    PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
  };
  const png = PNG.sync.read(Buffer.from(src, 'base64'));
  const result = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!result) throw new Error('QR image did not decode');
  return result.data;
}

/** The code an authenticator app shows for this key at this time, computed by the independent otpauth library. */
export function generateCode(secretBase32: string, timestamp: number): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });
}

/** A code as the six digit boxes post it. */
export function digitFields(code: string): Record<string, string> {
  return Object.fromEntries([...code].map((digit, i) => [`digit${i + 1}`, digit]));
}
