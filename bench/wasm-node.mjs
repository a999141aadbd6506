// The wasm core in Node: the same inputs as the native criterion benchmarks
// (target/bench/inputs.json), analyzed through the wasm-bindgen Analyzer the
// extension uses; pack construction; and harper.js (a Rust grammar checker
// compiled to wasm) linting the same English drafts in the same process.
// Prints one JSON object (scripts/bench.sh turns it into the table).

import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = await import(join(root, 'pkg/replylint.js'));
core.initSync({ module: readFileSync(join(root, 'pkg/replylint_bg.wasm')) });
const inputs = JSON.parse(readFileSync(join(root, 'target/bench/inputs.json'), 'utf8'));

/** Runs fn over items until `minMs` passed (after a warm-up); returns per-call times in µs. */
function measure(items, fn, { minMs = 1500, warm = 20, maxRuns = 100000 } = {}) {
  for (let i = 0; i < warm; i++) fn(items[i % items.length]);
  const times = [];
  const start = performance.now();
  for (let i = 0; performance.now() - start < minMs && i < maxRuns; i++) {
    const t = performance.now();
    fn(items[i % items.length]);
    times.push((performance.now() - t) * 1000);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { runs: times.length, mean_us: times.reduce((a, b) => a + b, 0) / times.length, p50_us: q(0.5), p95_us: q(0.95) };
}

const out = { node: process.version };
const base = new core.Analyzer('base');
out.typical = measure(inputs.typical, (ex) => base.analyze(ex));
out.corpus = measure(inputs.corpus, (ex) => base.analyze(ex));
out.sized = {};
for (const [size, ex] of Object.entries(inputs.sized)) {
  const bytes = Buffer.byteLength(ex.draft.body) + Buffer.byteLength(ex.incoming.body);
  const m = measure([ex], (e) => base.analyze(e), { minMs: Number(size) >= 100000 ? 3000 : 1500, warm: 2, maxRuns: Number(size) >= 1000000 ? 15 : 100000 });
  out.sized[size] = { ...m, bytes, mb_per_s: bytes / (m.mean_us / 1e6) / 1e6 };
}
out.pack_load = {};
for (const id of core.builtinPacks()) {
  out.pack_load[id] = measure([id], (p) => new core.Analyzer(p).free(), { minMs: 800, warm: 2 });
}

// harper.js on the English drafts, next to our analysis of the same exchanges
const english = inputs.corpus.filter((ex) => /[a-z]/i.test(ex.draft.body) && !/[а-яіїєґ]/i.test(ex.draft.body));
try {
  const harper = await import('harper.js');
  const { binary } = await import('harper.js/binary');
  const linter = new harper.LocalLinter({ binary, dialect: harper.Dialect.American });
  await linter.setup();
  const texts = english.map((ex) => ex.draft.body);
  for (const t of texts.slice(0, 5)) await linter.lint(t, { language: 'plaintext' });
  const times = [];
  const start = performance.now();
  for (let i = 0; performance.now() - start < 3000; i++) {
    const t0 = performance.now();
    await linter.lint(texts[i % texts.length], { language: 'plaintext' });
    times.push((performance.now() - t0) * 1000);
  }
  times.sort((a, b) => a - b);
  const ours = measure(english, (ex) => base.analyze(ex));
  out.harper = {
    version: JSON.parse(readFileSync(join(root, 'bench/node_modules/harper.js/package.json'), 'utf8')).version,
    drafts: texts.length,
    harper_mean_us: times.reduce((a, b) => a + b, 0) / times.length,
    harper_p50_us: times[Math.floor(times.length / 2)],
    ours_mean_us: ours.mean_us,
    ours_p50_us: ours.p50_us,
  };
  out.harper.ratio = out.harper.harper_mean_us / out.harper.ours_mean_us;
} catch (e) {
  out.harper = { error: `harper.js not available (${e.message}); run scripts/bench.sh, which installs it in bench/` };
}
console.log(JSON.stringify(out));
