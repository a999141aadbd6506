// Launches Debian's Chromium headless with the built extension, serves the
// fixture pages under the real webmail hostnames (request routing, so the
// shipped manifest's matches are the ones under test) with a strict CSP, and
// sends every other request to a local proxy that records it as a leak.

import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, existsSync, realpathSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import net from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '../..');
const require = createRequire(join(root, 'extension/package.json'));
const { chromium } = require('playwright-core');

export const NONCE = 'r3plyl1nt';
/** The fixtures' policy: nonce + strict-dynamic, no unsafe-eval, no inline styles without the nonce. */
export const CSP = `script-src 'nonce-${NONCE}' 'strict-dynamic'; object-src 'none'; base-uri 'none'; style-src 'nonce-${NONCE}'`;
export const ARTIFACTS = join(root, 'tests/e2e/artifacts');

const FIXTURES = {
  'https://mail.google.com/mail/u/0/thread': 'gmail-thread.html',
  'https://mail.google.com/mail/u/0/compose': 'gmail-compose.html',
  'https://outlook.office.com/mail/reply': 'outlook-reading-pane.html',
  'https://outlook.office.com/mail/popout': 'outlook-popout.html',
};

/** A proxy that answers nothing and remembers every request that reached it. */
async function leakProxy() {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, seen, close: () => new Promise((r) => server.close(r)) };
}

export function distDir(variant = 'chrome') {
  const dir = join(root, 'dist', variant);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is missing: build the extension first (bash scripts/build.sh)`);
  }
  return dir;
}

/** The id Chromium gives an unpacked extension: from the SHA-256 of its absolute path. */
export function unpackedId(dir) {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'replylint-e2e.json');

/**
 * Whether this machine lets the tests set an enterprise policy (Chromium
 * reads it from /etc/chromium/policies/managed, writable by root only).
 */
export function canSetPolicy() {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(join(POLICY_DIR, '.replylint-probe'), '');
    rmSync(join(POLICY_DIR, '.replylint-probe'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a browser. `extension`: load dist/<variant>. `policy`: the
 * extension's chrome.storage.managed content, set as an enterprise policy the
 * way an administrator does (3rdparty extension policy). Returns the context,
 * a function to open a fixture, the extension's service worker and the proxy's log.
 */
export async function launch({ extension = true, variant = 'chrome', locale = 'en-US', policy = null } = {}) {
  if (policy) {
    const id = unpackedId(distDir(variant));
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  } else {
    rmSync(POLICY_FILE, { force: true });
  }
  const proxy = await leakProxy();
  const userDataDir = mkdtempSync(join(tmpdir(), 'replylint-e2e-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--proxy-server=http://127.0.0.1:${proxy.port}`,
    '--proxy-bypass-list=<-loopback>',
    `--lang=${locale}`,
  ];
  if (extension) {
    const ext = distDir(variant);
    args.push(`--disable-extensions-except=${ext}`, `--load-extension=${ext}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1400, height: 900 },
    locale,
  });
  await context.route(/^https:\/\/(mail\.google\.com|outlook\.office\.com|outlook\.office365\.com|outlook\.live\.com)\//, (route) => {
    const url = route.request().url().split('?')[0];
    const file = FIXTURES[url];
    if (!file) return route.fulfill({ status: 404, body: 'not a fixture' });
    return route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
      body: readFileSync(join(here, 'fixtures', file)),
    });
  });
  let worker = null;
  if (extension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  }
  const open = async (url) => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    page.errors = errors;
    return page;
  };
  const close = async () => {
    await context.close();
    await proxy.close();
    if (policy) rmSync(POLICY_FILE, { force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, open, worker, leaks: proxy.seen, close };
}

/** Opens the extension's options page. */
export async function openOptions(b) {
  const page = await b.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`chrome-extension://${extensionId(b.worker)}/options.html`);
  await page.locator('#default-pack option').first().waitFor({ state: 'attached' });
  page.errors = errors;
  return page;
}

/** Hosts in a proxy log ("CONNECT host:443" or a plain http URL). */
export function leakHosts(leaks) {
  return [...new Set(leaks.map((u) => new URL(u.startsWith('CONNECT ') ? `https://${u.slice(8)}` : u).host))];
}

/** The extension id from its service worker's URL. */
export function extensionId(worker) {
  return new URL(worker.url()).host;
}

/**
 * Waits until the panel of the n-th compose window has finished more than
 * `after` checks and no further check follows within `settle` ms (so the
 * result is for the text as it stands, not for a pause mid-typing).
 */
export async function panelReady(page, { index = 0, after = 0, timeout = 15000, settle = 700 } = {}) {
  const deadline = Date.now() + timeout;
  const count = () =>
    page.evaluate((i) => {
      const p = document.querySelectorAll('replylint-panel')[i];
      return p && p.dataset.state !== 'checking' ? Number(p.dataset.checks ?? 0) : 0;
    }, index);
  for (;;) {
    const n = await count();
    if (n > after) {
      await page.waitForTimeout(settle);
      if ((await count()) === n) return n;
    } else {
      await page.waitForTimeout(50);
    }
    if (Date.now() > deadline) throw new Error(`panel ${index} did not finish a check after #${after} within ${timeout} ms`);
  }
}

/** Reads a panel's state: counts, finding rule ids, tone class, template ids. */
export async function panelState(page, index = 0) {
  return page.evaluate((i) => {
    const host = document.querySelectorAll('replylint-panel')[i];
    const s = host.shadowRoot;
    const count = s.querySelector('[data-role="questions"] .count');
    return {
      state: host.dataset.state,
      answered: Number(count?.dataset.answered ?? -1),
      total: Number(count?.dataset.total ?? -1),
      findings: [...s.querySelectorAll('[data-finding]')].map((e) => e.dataset.finding),
      unanswered: [...s.querySelectorAll('[data-finding="unanswered_questions"]')].map((e) => e.textContent),
      tone: s.querySelector('[data-tone]')?.dataset.tone ?? null,
      templates: [...s.querySelectorAll('[data-template]')].map((e) => e.dataset.template),
      latencyMs: Number(host.dataset.latencyMs ?? -1),
      text: s.textContent,
    };
  }, index);
}

/** Names and sizes of the CSS highlights the extension registered. */
export async function highlights(page) {
  return page.evaluate(() => {
    const out = {};
    for (const [name, h] of CSS.highlights) out[name] = [...h].map((r) => r.toString());
    return out;
  });
}

export function artifact(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** Every element attribute and class on the page that is not in the fixture's own markup. */
export async function pageFingerprint(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('*')) {
      if (el.closest('replylint-panel, replylint-overlay')) continue;
      out.push(`${el.tagName}|${[...el.attributes].map((a) => `${a.name}=${a.value}`).join(',')}`);
    }
    return out;
  });
}

export { net };
