// The extension in headless Chromium: service-worker cold start to first
// result, analysis round trips through the worker (the same inputs as the
// native and Node benchmarks), and keystroke pause → highlights on the Gmail
// fixture (the content script reading the DOM, the round trip, drawing).
// Prints one JSON object (scripts/bench.sh turns it into the table).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionId, launch, panelReady, root } from '../tests/e2e/harness.mjs';

const inputs = JSON.parse(readFileSync(join(root, 'target/bench/inputs.json'), 'utf8'));
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { runs: s.length, mean_ms: s.reduce((a, b) => a + b, 0) / s.length, p50_ms: q(0.5), p95_ms: q(0.95) };
};

const b = await launch();
const out = { chromium: b.context.browser()?.version() ?? 'chromium' };
try {
  const ext = await b.context.newPage();
  await ext.goto(`chrome-extension://${extensionId(b.worker)}/options.html`);
  const send = (req) => ext.evaluate((r) => chrome.runtime.sendMessage(r), req);
  const cdp = await b.context.newCDPSession(ext);
  const workers = async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));

  // cold start: stop the worker, then time the first answer
  const cold = [];
  const inWorker = [];
  for (let i = 0; i < 10; i++) {
    for (const w of await workers()) await cdp.send('Target.closeTarget', { targetId: w.targetId });
    for (let k = 0; k < 60 && (await workers()).length; k++) await ext.waitForTimeout(50);
    const r = await ext.evaluate(async (ex) => {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ kind: 'analyze', exchange: ex });
      const total = performance.now() - t0;
      const ping = await chrome.runtime.sendMessage({ kind: 'ping' });
      return { total, ok: reply.ok, coldStartMs: ping.value.coldStartMs };
    }, inputs.typical[i]);
    if (!r.ok) throw new Error('analysis failed after a cold start');
    cold.push(r.total);
    inWorker.push(r.coldStartMs);
  }
  out.cold_start = { first_result: stats(cold), worker_start_to_analyzer_ready: stats(inWorker) };

  // round trips through the worker, warm
  const roundTrips = async (exchanges, runs) => {
    const times = await ext.evaluate(
      async ([exs, n]) => {
        const t = [];
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          const r = await chrome.runtime.sendMessage({ kind: 'analyze', exchange: exs[i % exs.length] });
          if (!r.ok) throw new Error(r.error.message);
          t.push(performance.now() - t0);
        }
        return t;
      },
      [exchanges, runs],
    );
    return stats(times);
  };
  await roundTrips(inputs.typical, 20);
  out.round_trip = { typical: await roundTrips(inputs.typical, 200), corpus: await roundTrips(inputs.corpus, 200) };
  for (const size of ['100000', '1000000']) out.round_trip[size] = await roundTrips([inputs.sized[size]], size === '1000000' ? 8 : 30);

  // keystroke pause → highlights drawn, on the Gmail fixture
  const page = await b.open('https://mail.google.com/mail/u/0/thread');
  let n = await panelReady(page);
  await page.locator('div[g_editable="true"]').click({ position: { x: 12, y: 10 } });
  await page.keyboard.type('Анна, добрый день! Доводим до Вашего сведения, что смету пришлём в пятницу. ');
  n = await panelReady(page, { after: n });
  const latencies = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.type(i % 2 ? 'а' : 'б');
    n = await panelReady(page, { after: n, settle: 50 });
    latencies.push(Number(await page.evaluate(() => document.querySelector('replylint-panel').dataset.latencyMs)));
  }
  out.keystroke_to_highlights = stats(latencies);
} finally {
  await b.close();
}
console.log(JSON.stringify(out));
