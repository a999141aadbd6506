// Turns the benchmark outputs into one Markdown table with the targets of
// issue 9: criterion estimates (target/criterion), and the JSON that
// wasm-node.mjs, browser.mjs and razdel_compare.py wrote to target/bench/.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execSync } from 'node:child_process';
import os from 'node:os';

const root = join(import.meta.dirname, '..');
const bench = join(root, 'target/bench');
const read = (f) => (existsSync(join(bench, f)) ? JSON.parse(readFileSync(join(bench, f), 'utf8')) : null);
const node = read('node.json');
const browser = read('browser.json');
const razdel = read('razdel.json');

function criterion() {
  const out = {};
  // a benchmark's directory holds new/ (latest run), base/ and change/; a benchmark may itself be named "base"
  const walk = (dir) => {
    const latest = join(dir, 'new');
    if (existsSync(join(latest, 'benchmark.json'))) {
      const b = JSON.parse(readFileSync(join(latest, 'benchmark.json'), 'utf8'));
      const est = JSON.parse(readFileSync(join(latest, 'estimates.json'), 'utf8'));
      out[b.full_id] = { mean_ns: est.mean.point_estimate, median_ns: est.median.point_estimate, throughput: b.throughput };
      return;
    }
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (e !== 'report' && statSync(p).isDirectory()) walk(p);
    }
  };
  if (existsSync(join(root, 'target/criterion'))) walk(join(root, 'target/criterion'));
  return out;
}
const c = criterion();
const find = (re) => Object.entries(c).find(([k]) => re.test(k))?.[1];

const us = (x) => (x == null ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(0)} µs`);
const ms = (x) => (x == null ? '—' : `${x.toFixed(1)} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const verdict = (value, target) => (value == null ? '' : value <= target ? 'met' : `missed ×${(value / target).toFixed(1)}`);
const rows = [];
const row = (what, value, target, v) => rows.push(`| ${what} | ${value} | ${target} | ${v} |`);

const typical = find(/^analyze, typical/);
row('analyze, typical exchange (2 KB + 2 KB), native', us(typical?.mean_ns / 1000), '≤ 100 µs', verdict(typical?.mean_ns / 1000, 100));
row('analyze, typical exchange, wasm in Node', us(node?.typical.mean_us), '≤ 300 µs', verdict(node?.typical.mean_us, 300));
const corpus = find(/^analyze, per corpus/);
row('analyze, corpus exchange (≈1 KB + 1 KB), native / wasm', `${us(corpus?.mean_ns / 1000)} / ${us(node?.corpus.mean_us)}`, '', '');
const uq = find(/^unanswered_questions check/);
row('unanswered_questions check alone, native', us(uq?.mean_ns / 1000), '', '');
for (const size of ['1000', '10000', '100000', '1000000']) {
  const n = find(new RegExp(`^analyze by draft size/${size}$`));
  const w = node?.sized[size];
  const bytes = w?.bytes;
  const mbs = (t) => (bytes && t ? `${(bytes / (t / 1e9) / 1e6).toFixed(1)} MB/s` : '');
  const target = size === '100000' ? 10_000 : size === '1000000' ? 100_000 : null;
  row(
    `analyze, ${Number(size) / 1000} KB draft: native · wasm (throughput)`,
    `${us(n?.mean_ns / 1000)} (${mbs(n?.mean_ns)}) · ${us(w?.mean_us)} (${w ? `${w.mb_per_s.toFixed(1)} MB/s` : ''})`,
    target ? `wasm ≤ ${target / 1000} ms` : '',
    target ? verdict(w?.mean_us, target) : '',
  );
}
for (const [id, v] of Object.entries(node?.pack_load ?? {})) {
  const n = find(new RegExp(`^pack load.*/${id}$`));
  row(`pack load "${id}": native · wasm`, `${us(n?.mean_ns / 1000)} · ${us(v.mean_us)}`, '', '');
}
if (node?.harper && !node.harper.error) {
  const h = node.harper;
  row(`harper.js ${h.version} vs replylint on ${h.drafts} English drafts (wasm, same Node process, mean)`, `${us(h.harper_mean_us)} vs ${us(h.ours_mean_us)} → replylint ${h.ratio.toFixed(0)}× faster`, 'faster', h.ratio > 1 ? 'met' : 'missed');
} else if (node?.harper) {
  row('harper.js comparison', node.harper.error, 'faster', '');
}
if (browser) {
  row('service worker cold start → first result (Chromium, round trip)', `p50 ${ms(browser.cold_start.first_result.p50_ms)}, p95 ${ms(browser.cold_start.first_result.p95_ms)}`, '≤ 100 ms', verdict(browser.cold_start.first_result.p50_ms, 100));
  row('  of which worker start → analyzer ready (wasm compile, pack load)', `p50 ${ms(browser.cold_start.worker_start_to_analyzer_ready.p50_ms)}`, '', '');
  row('analyze round trip through the worker, typical exchange', `p50 ${ms(browser.round_trip.typical.p50_ms)}, p95 ${ms(browser.round_trip.typical.p95_ms)}`, '', '');
  row('analyze round trip, 100 KB / 1 MB draft', `${ms(browser.round_trip['100000'].p50_ms)} / ${ms(browser.round_trip['1000000'].p50_ms)}`, '', '');
  row('keystroke pause → highlights drawn (Gmail fixture, after the 300 ms debounce)', `p50 ${ms(browser.keystroke_to_highlights.p50_ms)}, p95 ${ms(browser.keystroke_to_highlights.p95_ms)}`, 'p95 ≤ 16 ms', verdict(browser.keystroke_to_highlights.p95_ms, 16));
}
if (razdel) {
  row(
    `sentence split vs razdel on ${razdel.texts} Russian texts (${razdel.chars} chars)`,
    `${(razdel.agreement_on_punctuated * 100).toFixed(1)}% boundaries agree where a sentence ends with punctuation (${(razdel.agreement * 100).toFixed(1)}% overall: ${razdel.only_ours_at_unpunctuated_line_ends} of our ${razdel.only_ours} extra boundaries are mail lines without punctuation); ${razdel.ours_ms.toFixed(1)} ms vs ${razdel.razdel_ms.toFixed(1)} ms`,
    '',
    '',
  );
}
const wasm = readFileSync(join(root, 'pkg/replylint_bg.wasm'));
row('wasm after wasm-bindgen (no wasm-opt), raw / gzip', `${kb(wasm.length)} / ${kb(gzipSync(wasm, { level: 9 }).length)}`, '≤ 400 KB gzip', verdict(gzipSync(wasm, { level: 9 }).length, 400 * 1024));
for (const z of ['replylint-chrome.zip', 'replylint-firefox.zip']) {
  const p = join(root, 'dist', z);
  if (existsSync(p)) row(`${z}`, kb(statSync(p).size), '≤ 600 KB', verdict(statSync(p).size, 600 * 1024));
}

let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
let rustc = '';
try {
  rustc = execSync('rustc --version').toString().trim();
} catch {}
console.log(`Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${rustc}; Node ${process.version}; ${browser?.chromium ?? ''}\n`);
console.log('| measure | value | target | |');
console.log('|---|---|---|---|');
console.log(rows.join('\n'));
