// Content script entry: picks the webmail adapter for this page, watches for
// compose and reply editors as they appear and disappear (several at once),
// and keeps one Session per editor.

import type { Adapter } from './adapter';
import { gmail } from './gmail';
import { outlook } from './outlook';
import { Session } from './session';

function adapterFor(host: string): Adapter | null {
  if (host === 'mail.google.com') return gmail;
  if (host === 'outlook.office.com' || host === 'outlook.office365.com' || host === 'outlook.live.com') return outlook;
  return null;
}

const adapter = adapterFor(location.hostname);
const sessions = new Map<HTMLElement, Session>();
let lastActive: Session | null = null;

function scan() {
  if (!adapter) return;
  for (const ed of adapter.findEditors(document)) {
    if (!sessions.has(ed)) {
      const s = new Session(adapter.view(ed));
      sessions.set(ed, s);
      ed.addEventListener('focus', () => (lastActive = s), { passive: true });
      lastActive ??= s;
    }
  }
  for (const [ed, s] of sessions) {
    if (!ed.isConnected) {
      s.destroy();
      sessions.delete(ed);
      if (lastActive === s) lastActive = null;
    }
  }
}

if (adapter) {
  let pending = 0;
  const observer = new MutationObserver(() => {
    // batch bursts of mutations (Gmail re-renders a lot) into one scan per frame
    if (!pending) pending = requestAnimationFrame(() => ((pending = 0), scan()));
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan();

  chrome.runtime.onMessage.addListener((msg: { kind?: string; command?: string }, sender) => {
    if (sender.id !== chrome.runtime.id || msg?.kind !== 'command') return;
    const s = lastActive ?? sessions.values().next().value ?? null;
    if (!s) return;
    if (msg.command === 'toggle-panel') s.togglePanel();
    if (msg.command === 'insert-default-template') void s.insertDefaultTemplate();
  });
}
