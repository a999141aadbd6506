// The draft is never harmed and nothing leaves the browser: a scripted typing
// session (2 minutes by default; REPLYLINT_SESSION_SECONDS to change) on the
// Gmail and Outlook fixtures with analysis running, compared keystroke for
// keystroke with a control browser without the extension; a crash inside the
// wasm; a client's message with markup in it; a 1 MB draft. Uses the test
// build (dist/chrome-test: the shipped extension plus a test-only crash).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { artifact, extensionId, launch, leakHosts, pageFingerprint, panelReady, panelState } from './harness.mjs';

const SESSION_SECONDS = Number(process.env.REPLYLINT_SESSION_SECONDS ?? 120);
const GMAIL = { url: 'https://mail.google.com/mail/u/0/thread', editor: 'div[g_editable="true"]' };
const OUTLOOK = { url: 'https://outlook.office.com/mail/reply', editor: 'div[contenteditable="true"][role="textbox"]' };

/** A deterministic pseudo-random sequence (mulberry32), so both browsers get the same script. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'Анна, добрый день! Смету на съёмку пришлём в пятницу до 12:00. Озвучка на двух языках входит в стоимость. ' +
  'Примеры работ режиссёра прилагаю, посмотрите, пожалуйста. Доводим до Вашего сведения, что сроки сдвигаются. ' +
  'Ок, норм, скинь правки! Thanks, we will send the quote by Friday noon. Дякуємо, кошторис надішлемо завтра.'
).split(' ');

/** The session: words typed at human speed, with typos fixed, new lines, caret moves and undos. */
function script(seconds, seed = 7) {
  const r = rng(seed);
  const steps = [];
  let ms = 0;
  while (ms < seconds * 1000) {
    const x = r();
    if (x < 0.07) steps.push({ key: 'Enter' });
    else if (x < 0.12) steps.push({ key: 'Backspace', times: 1 + Math.floor(r() * 6) });
    else if (x < 0.15) steps.push({ key: 'ArrowLeft', times: 1 + Math.floor(r() * 4) });
    else if (x < 0.17) steps.push({ key: 'End' });
    else if (x < 0.185) steps.push({ key: 'Control+z' });
    else {
      const word = WORDS[Math.floor(r() * WORDS.length)];
      steps.push({ text: `${word} `, delay: 40 + Math.floor(r() * 60) });
      ms += (word.length + 1) * 70;
      continue;
    }
    ms += 150;
  }
  return steps;
}

const PAUSE_EVERY = 25;

async function play(page, editor, steps) {
  await page.locator(editor).click({ position: { x: 12, y: 10 } });
  await page.keyboard.press('Control+Home');
  for (const [i, s] of steps.entries()) {
    if (s.text) await page.keyboard.type(s.text, { delay: s.delay });
    else for (let k = 0; k < (s.times ?? 1); k++) await page.keyboard.press(s.key);
    // a user pauses now and then: analysis runs and highlights are drawn mid-session
    if (i % PAUSE_EVERY === PAUSE_EVERY - 1) await page.waitForTimeout(450);
  }
}

/** Runs the same session in a browser without the extension and in one with it, side by side. */
async function session(fixture) {
  const steps = script(SESSION_SECONDS);
  const control = await launch({ extension: false });
  const b = await launch({ variant: 'chrome-test' });
  try {
    const [cp, page] = [await control.open(fixture.url), await b.open(fixture.url)];
    const controlBefore = await pageFingerprint(cp);
    const n = await panelReady(page);
    const t0 = Date.now();
    await Promise.all([play(cp, fixture.editor, steps), play(page, fixture.editor, steps)]);
    const elapsed = (Date.now() - t0) / 1000;
    await panelReady(page, { after: n });
    const checks = Number(await page.evaluate(() => document.querySelector('replylint-panel').dataset.checks));

    const html = await page.locator(fixture.editor).innerHTML();
    assert.equal(html, await cp.locator(fixture.editor).innerHTML(), 'the editor holds exactly what typing alone produces');
    const sent = await page.evaluate(() => window.__sent.map((e) => e.html));
    assert.deepEqual(sent, await cp.evaluate(() => window.__sent.map((e) => e.html)), 'every draft save along the way is the same');
    assert.ok(!/replylint/i.test(html), 'nothing of ours inside the editor');
    // the page's own elements: only what typing changed in the control changed here
    assert.deepEqual(await pageFingerprint(page), await pageFingerprint(cp));
    assert.notDeepEqual(controlBefore, [], 'the fingerprint sees the page');

    // the undo history is intact: the same 40 undos give the same drafts
    for (let k = 0; k < 40; k++) {
      await Promise.all([cp.keyboard.press('Control+z'), page.keyboard.press('Control+z')]);
      if (k % 8 === 7) assert.equal(await page.locator(fixture.editor).innerHTML(), await cp.locator(fixture.editor).innerHTML(), `after ${k + 1} undos`);
    }
    // the browser's own traffic (update checks, favicons) shows in both; nothing more with the extension
    const baseline = new Set(leakHosts(control.leaks));
    assert.deepEqual(leakHosts(b.leaks).filter((h) => !baseline.has(h)), [], 'no host contacted because of the extension');
    assert.deepEqual(page.errors, []);
    return { elapsed, checks, pauses: Math.floor(steps.length / PAUSE_EVERY) };
  } finally {
    await control.close();
    await b.close();
  }
}

describe('The draft is never harmed', () => {
  test(`Gmail: a ${SESSION_SECONDS}-second typing session leaves the same HTML, saves and undo history as without the extension`, async () => {
    const r = await session(GMAIL);
    assert.ok(r.elapsed >= SESSION_SECONDS * 0.8, `the session ran ${r.elapsed} s`);
    assert.ok(r.checks >= r.pauses / 2, `analysis ran along the way (${r.checks} checks, ${r.pauses} pauses)`);
  });

  test(`Outlook: a ${SESSION_SECONDS}-second typing session leaves the same HTML, saves and undo history as without the extension`, async () => {
    const r = await session(OUTLOOK);
    assert.ok(r.elapsed >= SESSION_SECONDS * 0.8, `the session ran ${r.elapsed} s`);
    assert.ok(r.checks >= r.pauses / 2, `analysis ran along the way (${r.checks} checks, ${r.pauses} pauses)`);
  });
});

describe('Crashes, hostile mail and huge drafts', () => {
  let b;
  before(async () => {
    b = await launch({ variant: 'chrome-test' });
  });
  after(async () => {
    await b?.close();
  });

  /** Sends a protocol request from an extension page, as the options page does. */
  async function request(req) {
    const p = await b.context.newPage();
    await p.goto(`chrome-extension://${extensionId(b.worker)}/options.html`);
    const reply = await p.evaluate((r) => chrome.runtime.sendMessage(r), req);
    await p.close();
    return reply;
  }

  test('a crash inside the wasm leaves the editor working, the panel says hints are paused, and the next edit resumes them', async () => {
    const page = await b.open(GMAIL.url);
    const n = await panelReady(page);
    await page.locator(GMAIL.editor).click({ position: { x: 12, y: 10 } });
    await page.keyboard.type('Анна, добрый день! Смету пришлём в пятницу.');
    const n2 = await panelReady(page, { after: n });
    assert.deepEqual(await request({ kind: 'crash' }), { ok: true, value: null });

    await page.keyboard.type(' Озвучка');
    await page.waitForFunction(() => document.querySelector('replylint-panel').dataset.state === 'paused', null, { timeout: 10000 });
    const s = await panelState(page);
    assert.match(s.text, /Hints are paused/);
    assert.equal(await page.locator(GMAIL.editor).innerText(), 'Анна, добрый день! Смету пришлём в пятницу. Озвучка');
    await page.screenshot({ path: artifact('gmail-paused-after-crash.png') });

    // the editor still takes input and undo, and the next edit brings the hints back
    await page.keyboard.type(' входит в стоимость.');
    await panelReady(page, { after: n2 });
    await page.waitForFunction(() => document.querySelector('replylint-panel').dataset.state === 'ready', null, { timeout: 10000 });
    const back = await panelState(page);
    assert.equal(back.total, 3);
    assert.equal(back.answered, 2, back.text);
    await page.keyboard.press('Control+z');
    assert.ok(!(await page.locator(GMAIL.editor).innerText()).includes('входит в стоимость.'), 'undo works after the crash');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("markup in a client's message is shown as text in the panel, never run", async () => {
    const page = await b.open(GMAIL.url);
    await panelReady(page);
    // what a client pasted: the page shows it as text, and so must we
    await page.evaluate(() => {
      const body = document.querySelector('[data-message-id="m2"] .a3s > div');
      body.textContent = 'Ольга, добрый день!\n\nВставили код <img src=x onerror="window.__pwned=1"> на сайт. Почему <b>виджет</b> не виден?\n\nАнна';
    });
    await page.locator(GMAIL.editor).click({ position: { x: 12, y: 10 } });
    await page.keyboard.type('Анна, добрый день!');
    await page.waitForFunction(() => document.querySelector('replylint-panel').shadowRoot.textContent.includes('<b>виджет</b>'), null, { timeout: 10000 });
    const s = await panelState(page);
    assert.ok(s.unanswered.some((q) => q.includes('Почему <b>виджет</b> не виден?')), s.unanswered.join(' | '));
    assert.equal(await page.evaluate(() => document.querySelector('replylint-panel').shadowRoot.querySelectorAll('img, b').length), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.close();
  });

  test('a 1 MB draft is checked in part with a visible note, and typing goes on', async () => {
    const page = await b.open(GMAIL.url);
    const n = await panelReady(page);
    await page.evaluate((sel) => {
      const ed = document.querySelector(sel);
      const line = 'Смету на съёмку пришлём в пятницу до 12:00, озвучка входит в стоимость. ';
      ed.textContent = line.repeat(Math.ceil(1_000_000 / line.length));
    }, GMAIL.editor);
    await page.locator(GMAIL.editor).click({ position: { x: 12, y: 10 } });
    await page.keyboard.press('Control+Home');
    const t0 = Date.now();
    await page.keyboard.type('Анна, добрый день! ');
    const typedMs = Date.now() - t0;
    await panelReady(page, { after: n, timeout: 30000 });
    const s = await panelState(page);
    assert.match(s.text, /very long: hints cover its first 200000 characters/);
    assert.ok((await page.locator(GMAIL.editor).innerText()).startsWith('Анна, добрый день! Смету'));
    console.log(`# 1 MB draft: 19 keystrokes typed in ${typedMs} ms, panel latency ${s.latencyMs} ms`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
