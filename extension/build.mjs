// Builds the extension from a clean checkout: dist/chrome/ (load unpacked),
// dist/firefox/, and a zip of each. Expects ../pkg (scripts/build-wasm.sh).
//   REPLYLINT_TEST=1  builds the test variant (wasm with forceCrash) into dist/chrome-test/
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, crc32 } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const test = process.env.REPLYLINT_TEST === '1';
const pkg = join(root, test ? 'pkg-test' : 'pkg');
if (!existsSync(join(pkg, 'replylint_bg.wasm'))) {
  console.error(`build.mjs: ${relative(root, pkg)}/replylint_bg.wasm is missing; run bash scripts/build-wasm.sh first`);
  process.exit(2);
}

/** A square icon: a rounded blue tile with a white check mark, as a PNG. */
function icon(size) {
  const px = Buffer.alloc(size * size * 4);
  const r = size * 0.2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const cx = Math.min(Math.max(x, r), size - 1 - r);
      const cy = Math.min(Math.max(y, r), size - 1 - r);
      const inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
      // check mark: two strokes
      const u = x / size, v = y / size;
      const d1 = Math.abs(v - (0.55 + (u - 0.28))) < 0.07 && u > 0.25 && u < 0.45;
      const d2 = Math.abs(v - (0.72 - (u - 0.42) * 1.1)) < 0.07 && u > 0.42 && u < 0.78;
      const white = d1 || d2;
      px.set(inside ? (white ? [255, 255, 255, 255] : [37, 99, 235, 255]) : [0, 0, 0, 0], i);
    }
  }
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const { deflateSync } = globalThis.__zlib;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A zip archive (deflate) of every file under `dir`. */
function zip(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(dir);
  const local = [];
  const central = [];
  let offset = 0;
  for (const p of files) {
    const name = Buffer.from(relative(dir, p).split('\\').join('/'));
    const data = readFileSync(p);
    const comp = deflateRawSync(data, { level: 9 });
    const crc = crc32(data) >>> 0;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(0x21, 10); // 1980-01-01, stable bytes
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(comp.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(name.length, 26);
    local.push(head, name, comp);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(0x21, 12);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(comp.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += head.length + name.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

function manifest(browser) {
  const m = JSON.parse(readFileSync(join(here, 'static/manifest.json'), 'utf8'));
  m.version = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).version;
  if (browser === 'firefox') {
    m.background = { scripts: ['background.js'], type: 'module' };
    // no data leaves the browser: declared for Firefox's built-in consent (needs Firefox 140, the current ESR)
    m.browser_specific_settings = {
      gecko: { id: 'replylint@replylint.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    };
    delete m.storage;
  }
  return m;
}

async function buildFor(browser, out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = { bundle: true, minify: true, sourcemap: false, legalComments: 'none', logLevel: 'warning' };
  const target = browser === 'firefox' ? 'firefox128' : 'chrome120';
  // the test variant bundles the glue of pkg-test (it exports forceCrash)
  const pkgAlias = {
    name: 'pkg-variant',
    setup(b) {
      b.onResolve({ filter: /\/pkg\/replylint\.js$/ }, () => ({ path: join(pkg, 'replylint.js') }));
    },
  };
  await build({ ...common, entryPoints: [join(here, 'src/background.ts')], outfile: join(out, 'background.js'), format: 'esm', target, plugins: [pkgAlias] });
  await build({ ...common, entryPoints: [join(here, 'src/content/main.ts')], outfile: join(out, 'content.js'), format: 'iife', target });
  if (existsSync(join(here, 'src/options/options.ts'))) {
    await build({ ...common, entryPoints: [join(here, 'src/options/options.ts')], outfile: join(out, 'options.js'), format: 'esm', target });
    cpSync(join(here, 'src/options/options.html'), join(out, 'options.html'));
    cpSync(join(here, 'src/options/options.css'), join(out, 'options.css'));
  }
  cpSync(join(pkg, 'replylint_bg.wasm'), join(out, 'replylint_bg.wasm'));
  cpSync(join(here, 'static/content.css'), join(out, 'content.css'));
  for (const f of ['managed_schema.json']) {
    if (existsSync(join(here, 'static', f))) cpSync(join(here, 'static', f), join(out, f));
  }
  cpSync(join(here, '_locales'), join(out, '_locales'), { recursive: true });
  writeFileSync(join(out, 'icon48.png'), icon(48));
  writeFileSync(join(out, 'icon128.png'), icon(128));
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest(browser), null, 2));
  writeFileSync(`${out}.zip`, zip(out));
}

globalThis.__zlib = await import('node:zlib');
const dist = join(root, 'dist');
if (test) {
  await buildFor('chrome', join(dist, 'chrome-test'));
} else {
  await buildFor('chrome', join(dist, 'chrome'));
  await buildFor('firefox', join(dist, 'firefox'));
  cpSync(join(dist, 'chrome.zip'), join(dist, 'replylint-chrome.zip'));
  cpSync(join(dist, 'firefox.zip'), join(dist, 'replylint-firefox.zip'));
  rmSync(join(dist, 'chrome.zip'));
  rmSync(join(dist, 'firefox.zip'));
}
console.log(`built ${test ? 'dist/chrome-test' : 'dist/chrome, dist/firefox and their zips'}`);
