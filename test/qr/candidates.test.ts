// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findQrCandidates, isSameOriginUrl } from '../../src/qr/candidates';
import { looksLikeEnrolmentQrCue } from '../../src/qr/cue';
import type { ElementBox } from '../../src/qr/measure';

// happy-dom has no layout: boxes come from data-box="x y width height"; data-hidden marks invisible elements.
function measure(element: Element): ElementBox {
  const [x = 0, y = 0, width = 0, height = 0] = (element.getAttribute('data-box') ?? '').split(' ').map(Number);
  return { rect: { x, y, width, height }, visible: !element.hasAttribute('data-hidden') && width > 0 };
}

const options = { measure, pageOrigin: 'https://portal.example.com', isCanvasReadable: () => true, viewport: { width: 1280, height: 720 } };

function setBody(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('findQrCandidates', () => {
  it('keeps visible, roughly square elements of 64–1200 px and skips the rest', () => {
    setBody(`
      <img id="ok" data-box="0 0 200 200" src="data:image/png;base64,AAAA">
      <img id="small" data-box="0 0 40 40" src="data:image/png;base64,AAAA">
      <img id="huge" data-box="0 0 1300 1300" src="data:image/png;base64,AAAA">
      <img id="wide" data-box="0 0 300 150" src="data:image/png;base64,AAAA">
      <img id="hidden" data-hidden data-box="0 0 200 200" src="data:image/png;base64,AAAA">
      <img id="almost" data-box="0 0 240 200" src="data:image/png;base64,AAAA">
      <canvas id="canvas" data-box="0 0 64 64"></canvas>
      <svg id="svg" data-box="0 0 150 150"><svg id="nested" data-box="0 0 150 150"></svg></svg>
      <span id="text" data-box="0 0 200 200">not an image</span>`);
    const ids = findQrCandidates(document, options).map((c) => c.element.id).sort();
    expect(ids).toEqual(['almost', 'canvas', 'ok', 'svg']);
  });

  it('reports the kind, rect and whether the pixels are readable', () => {
    setBody(`
      <img id="data" data-box="10 20 200 200" src="data:image/png;base64,AAAA">
      <img id="same" data-box="0 0 200 200" src="/qr.png">
      <img id="cross" data-box="0 0 200 200" src="https://cdn.other.example/qr.png">
      <img id="cors" crossorigin="anonymous" data-box="0 0 200 200" src="https://cdn.other.example/qr.png">
      <canvas id="canvas" data-box="0 0 200 200"></canvas>
      <svg id="svg" data-box="0 0 200 200"></svg>`);
    const byId = Object.fromEntries(findQrCandidates(document, { ...options, pageOrigin: location.origin, isCanvasReadable: () => false }).map((c) => [c.element.id, c]));
    expect(byId.data).toMatchObject({ kind: 'img', readable: true, rect: { x: 10, y: 20, width: 200, height: 200 } });
    expect(byId.same).toMatchObject({ kind: 'img', readable: true });
    expect(byId.cross).toMatchObject({ kind: 'img', readable: false });
    expect(byId.cors).toMatchObject({ kind: 'img', readable: true });
    expect(byId.canvas).toMatchObject({ kind: 'canvas', readable: false });
    expect(byId.svg).toMatchObject({ kind: 'svg', readable: true });
  });

  it('finds CSS background images and resolves their URL', () => {
    setBody(`
      <div id="data" data-box="0 0 200 200" style="background-image: url('data:image/png;base64,AAAA')"></div>
      <div id="cross" data-box="0 0 200 200" style="background: #fff url(https://cdn.other.example/qr.png) no-repeat"></div>
      <div id="plain" data-box="0 0 200 200" style="background: #fff"></div>`);
    const found = findQrCandidates(document, options);
    const byId = Object.fromEntries(found.map((c) => [c.element.id, c]));
    expect(Object.keys(byId).sort()).toEqual(['cross', 'data']);
    expect(byId.data).toMatchObject({ kind: 'background', readable: true, imageUrl: 'data:image/png;base64,AAAA' });
    expect(byId.cross).toMatchObject({ kind: 'background', readable: false, imageUrl: 'https://cdn.other.example/qr.png' });
  });

  it('looks inside open shadow roots', () => {
    setBody('<div id="host"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Scan the QR code</p><img id="inside" data-box="0 0 180 180" src="data:image/png;base64,AAAA">';
    expect(findQrCandidates(document, options).map((c) => c.element.id)).toEqual(['inside']);
  });

  it('ranks the code next to authenticator wording, on screen, first', () => {
    setBody(`
      <header><img id="logo" data-box="0 0 100 100" src="data:image/png;base64,AAAA"></header>
      <section><h2>Other news</h2><img id="photo" data-box="0 100 400 400" src="data:image/png;base64,AAAA"></section>
      <section><p>Scan this QR code with your authenticator app.</p><div><img id="qr" data-box="0 400 200 200" src="data:image/png;base64,AAAA"></div></section>
      <section><p>Scan this QR code too.</p><img id="below" data-box="0 2000 200 200" src="data:image/png;base64,AAAA"></section>`);
    const ids = findQrCandidates(document, options).map((c) => c.element.id);
    expect(ids[0]).toBe('qr');
    expect(ids.indexOf('below')).toBeLessThan(ids.indexOf('logo'));
    expect(ids.indexOf('photo')).toBeGreaterThan(0);
  });

  it('prefers an element named like a QR code', () => {
    setBody(`<div><img id="a" data-box="0 0 200 200" src="/a.png"></div><div><img id="b" alt="QR code" data-box="0 0 200 200" src="/b.png"></div>`);
    expect(findQrCandidates(document, options)[0]!.element.id).toBe('b');
  });
});

describe('isSameOriginUrl', () => {
  it.each([
    ['data:image/png;base64,AA', true],
    ['blob:https://portal.example.com/1234', true],
    ['/qr.png', true],
    ['https://portal.example.com/qr.png', true],
    ['https://portal.example.com:8443/qr.png', false],
    ['http://portal.example.com/qr.png', false],
    ['https://evil.example/qr.png', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isSameOriginUrl(url, 'https://portal.example.com', 'https://portal.example.com/mfa/setup')).toBe(expected);
  });
});

describe('looksLikeEnrolmentQrCue', () => {
  it.each([
    ['square image and "Scan"', '<p>Scan this code</p><img data-box="0 0 200 200">', true],
    ['canvas and "authenticator"', '<p>Open your authenticator app</p><canvas data-box="0 0 150 150"></canvas>', true],
    ['svg and "multi-factor"', '<p>Set up multi-factor sign in</p><svg data-box="0 0 120 120"></svg>', true],
    ['"secret key" wording', '<p>Your secret key is below</p><img data-box="0 0 128 128">', true],
    ['no wording', '<p>Our team</p><img data-box="0 0 200 200">', false],
    ['wording but small image', '<p>Scan the QR</p><img data-box="0 0 64 64">', false],
    ['wording but wide image', '<p>Scan the QR</p><img data-box="0 0 400 200">', false],
    ['wording but hidden image', '<p>Scan the QR</p><img data-hidden data-box="0 0 200 200">', false],
    ['"scanner" is not "scan"', '<p>Buy a scanner</p><img data-box="0 0 200 200">', false],
    ['CSS background QR and "Scan"', `<p>Scan the QR</p><div style="background:url('data:image/png;base64,AAAA')" data-box="0 0 200 200"></div>`, true],
    ['class named after a QR code, background from a stylesheet', '<style>.qr-code{background-image:url(/qr.png)}</style><p>Scan the QR</p><div class="qr-code" data-box="0 0 200 200"></div>', true],
    ['square box without an image', '<p>Scan the QR</p><div role="img" style="background:#fff" data-box="0 0 200 200"></div>', false],
  ])('%s → %s', (_, html, expected) => {
    setBody(html);
    expect(looksLikeEnrolmentQrCue(document, { measure })).toBe(expected);
  });

  it('reads the page title too', () => {
    setBody('<img data-box="0 0 200 200">');
    document.title = 'Enable MFA';
    expect(looksLikeEnrolmentQrCue(document, { measure })).toBe(true);
    document.title = '';
  });
});
