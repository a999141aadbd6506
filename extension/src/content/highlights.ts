// Highlights over the draft and the client's message without touching either:
// the CSS Custom Highlight API (styles in content.css), or, where it is
// missing, an overlay of boxes in our own shadow root positioned from
// Range.getClientRects().

export type Mark = 'question' | 'error' | 'warning' | 'hint' | 'flash';
export const MARKS: Mark[] = ['question', 'error', 'warning', 'hint', 'flash'];

const supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** Ranges per session and mark; the registry is global, so every update rebuilds a mark from all sessions. */
const bySession = new Map<number, Map<Mark, Range[]>>();

function rebuild(mark: Mark) {
  const all: Range[] = [];
  for (const m of bySession.values()) all.push(...(m.get(mark) ?? []));
  const name = `replylint-${mark}`;
  if (all.length) CSS.highlights.set(name, new Highlight(...all));
  else CSS.highlights.delete(name);
}

export function setMarks(session: number, marks: Partial<Record<Mark, Range[]>>) {
  let m = bySession.get(session);
  if (!m) {
    m = new Map();
    bySession.set(session, m);
  }
  for (const mark of Object.keys(marks) as Mark[]) {
    m.set(mark, marks[mark] ?? []);
    if (supported) rebuild(mark);
  }
  if (!supported) overlay(session).draw(m);
}

export function clearSession(session: number) {
  bySession.delete(session);
  if (supported) MARKS.forEach(rebuild);
  overlays.get(session)?.destroy();
  overlays.delete(session);
}

/** Briefly flashes a range and scrolls it into view. */
export function flash(session: number, range: Range) {
  const el = range.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  setMarks(session, { flash: [range] });
  setTimeout(() => setMarks(session, { flash: [] }), 1600);
}

export const highlightApiSupported = supported;

// ---------------------------------------------------------------- fallback overlay

const COLORS: Record<Mark, string> = {
  question: 'rgba(255, 190, 0, 0.35)',
  error: 'rgba(220, 38, 38, 0.22)',
  warning: 'rgba(234, 179, 8, 0.28)',
  hint: 'rgba(59, 130, 246, 0.18)',
  flash: 'rgba(255, 140, 0, 0.55)',
};

interface Overlay {
  draw(m: Map<Mark, Range[]>): void;
  destroy(): void;
}

const overlays = new Map<number, Overlay>();

function overlay(session: number): Overlay {
  let o = overlays.get(session);
  if (o) return o;
  const host = document.createElement('replylint-overlay');
  const shadow = host.attachShadow({ mode: 'open' });
  host.style.position = 'fixed';
  host.style.inset = '0';
  host.style.pointerEvents = 'none';
  host.style.zIndex = '2147483646';
  document.documentElement.appendChild(host);
  let last: Map<Mark, Range[]> = new Map();
  let frame = 0;
  const paint = () => {
    frame = 0;
    shadow.replaceChildren();
    for (const [mark, ranges] of last) {
      for (const r of ranges) {
        for (const rect of r.getClientRects()) {
          const box = document.createElement('div');
          box.style.position = 'fixed';
          box.style.left = `${rect.left}px`;
          box.style.top = `${rect.top}px`;
          box.style.width = `${rect.width}px`;
          box.style.height = `${rect.height}px`;
          box.style.background = COLORS[mark];
          shadow.appendChild(box);
        }
      }
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(paint);
  };
  window.addEventListener('scroll', schedule, { capture: true, passive: true });
  window.addEventListener('resize', schedule, { passive: true });
  o = {
    draw(m) {
      last = new Map(m);
      schedule();
    },
    destroy() {
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      host.remove();
    },
  };
  overlays.set(session, o);
  return o;
}
