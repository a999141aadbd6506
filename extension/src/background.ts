// The service worker owns the wasm core. Content scripts and the options
// page talk to it through the typed protocol in protocol.ts, one handler per
// request kind. The browser may stop this worker at any time: nothing here
// lives only in memory that cannot be rebuilt from chrome.storage on the next
// message.

import init, * as core from '../../pkg/replylint.js';
import type { ErrorInfo, Kind, Replies, Request, Response } from './protocol';
import { activePackFor, loadState, othersFor } from './packstore';

const started = performance.now();
let coldStartMs = -1;
let ready: Promise<unknown> | null = null;

/** Test builds only (wasm built with the test-crash feature): a panic inside the core. */
const forceCrash = Object.entries(core).find(([k]) => k === 'forceCrash')?.[1] as (() => void) | undefined;
let crashNextAnalysis = false;

/** Analyzers by pack name, rebuilt lazily after a worker restart or a crash. */
const analyzers = new Map<string, core.Analyzer>();

function wasmReady(): Promise<unknown> {
  if (!ready) {
    ready = init({ module_or_path: chrome.runtime.getURL('replylint_bg.wasm') }).catch((e) => {
      ready = null;
      throw e;
    });
  }
  return ready;
}

/** The analyzer for the pack that applies to `domain` (the client's e-mail domain). */
async function analyzerFor(domain: string | undefined): Promise<core.Analyzer> {
  await wasmReady();
  const state = await loadState();
  const pack = activePackFor(state, domain);
  const key = `${pack.name}\u0000${pack.toml?.length ?? 0}\u0000${pack.stamp}`;
  let a = analyzers.get(key);
  if (!a) {
    try {
      a = new core.Analyzer(pack.name, pack.toml ?? undefined, othersFor(state));
    } catch (e) {
      // a stored pack that no longer loads: the built-in base keeps hints working
      console.warn('replylint: pack failed to load, using the built-in base pack', e);
      a = new core.Analyzer('base', undefined, undefined);
    }
    analyzers.set(key, a);
  }
  if (coldStartMs < 0) {
    coldStartMs = performance.now() - started;
  }
  return a;
}

function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof WebAssembly.RuntimeError) {
    // a trap inside the core: its memory may be mid-change. A fresh instance of the
    // module, and analyzers rebuilt from storage on the next message.
    analyzers.clear();
    core.__wbg_reset_state();
    return { kind: 'crashed', message: String(e.message) };
  }
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    return {
      kind: typeof o.kind === 'string' ? o.kind : 'internal',
      message: typeof o.message === 'string' ? o.message : String(e),
      file: typeof o.file === 'string' ? o.file : undefined,
      line: typeof o.line === 'number' ? o.line : undefined,
      column: typeof o.column === 'number' ? o.column : undefined,
    };
  }
  return { kind: 'internal', message: String(e) };
}

type Handlers = { [K in Kind]: (req: Extract<Request, { kind: K }>) => Promise<Replies[K]> };

const handlers: Handlers = {
  async analyze(req) {
    const a = await analyzerFor(req.recipientDomain);
    if (crashNextAnalysis) {
      crashNextAnalysis = false;
      forceCrash?.();
    }
    return a.analyze(req.exchange);
  },
  async templates(req) {
    const a = await analyzerFor(req.recipientDomain);
    return a.templates();
  },
  async render(req) {
    const a = await analyzerFor(req.recipientDomain);
    return a.renderTemplate(req.id, req.exchange, req.values);
  },
  async packInfo(req) {
    const a = await analyzerFor(req.recipientDomain);
    return a.packInfo();
  },
  async validatePack(req) {
    await wasmReady();
    return core.validatePack(req.name, req.toml, othersFor(await loadState()));
  },
  async ping() {
    await analyzerFor(undefined);
    return { coldStartMs, uptimeMs: performance.now() - started };
  },
  async crash() {
    if (!forceCrash) {
      throw Object.assign(new Error('crash is only available in test builds'), { kind: 'input' });
    }
    // the next analysis traps inside the wasm, the way a bug in a check would
    crashNextAnalysis = true;
    return null;
  },
};

async function handle(req: Request): Promise<Response<Kind>> {
  const handler = handlers[req?.kind as Kind] as ((r: Request) => Promise<Replies[Kind]>) | undefined;
  if (!handler) {
    return { ok: false, error: { kind: 'input', message: `unknown request kind ${JSON.stringify(req?.kind)}` } };
  }
  try {
    return { ok: true, value: await handler(req) };
  } catch (e) {
    return { ok: false, error: errorInfo(e) };
  }
}

chrome.runtime.onMessage.addListener((req: Request, sender, sendResponse) => {
  // only our own pages and content scripts: other extensions cannot ask
  if (sender.id !== chrome.runtime.id) {
    return false;
  }
  handle(req).then(sendResponse);
  return true;
});

// a pack or setting changed: analyzers are rebuilt from storage on the next message
chrome.storage.onChanged.addListener(() => analyzers.clear());

// keyboard shortcuts: forwarded to the content script of the active tab
async function onCommand(command: string) {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id !== undefined) {
    await chrome.tabs.sendMessage(tab.id, { kind: 'command', command }).catch(() => {});
  }
}
chrome.commands?.onCommand.addListener(onCommand);
// the e2e tests call it directly: headless Chromium does not deliver browser-level shortcuts
(globalThis as unknown as { replylintCommand: typeof onCommand }).replylintCommand = onCommand;
