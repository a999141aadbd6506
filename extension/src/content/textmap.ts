// Plain text of an editor (or a message) with a map from text offsets back
// to DOM positions. Line breaks come from <br> and from block elements
// (div, p, li, ...), as the user sees them. Offsets are UTF-16 units, the same
// units the core reports spans in. Nothing here writes to the DOM.

const BLOCKS = new Set([
  'DIV', 'P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'TABLE', 'PRE',
  'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'DL', 'DT', 'DD', 'HR', 'FIGURE', 'ADDRESS',
]);
const IGNORED = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE']);

interface Seg {
  node: Text;
  /** Text offset of the node's first character. */
  start: number;
  end: number;
}

export interface TextMap {
  text: string;
  segs: Seg[];
}

/** Reads `root` as plain text; subtrees for which `skip` is true are left out. */
export function readText(root: Node, skip: (el: Element) => boolean = () => false): TextMap {
  const parts: string[] = [];
  const segs: Seg[] = [];
  let len = 0;
  let last = '';
  const push = (s: string) => {
    parts.push(s);
    len += s.length;
    last = s[s.length - 1];
  };
  const newline = () => {
    if (len > 0 && last !== '\n') push('\n');
  };
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const t = n as Text;
      if (t.data.length) {
        segs.push({ node: t, start: len, end: len + t.data.length });
        push(t.data);
      }
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) return;
    const el = n as Element;
    if (IGNORED.has(el.tagName) || skip(el)) return;
    if (el.tagName === 'BR') {
      push('\n');
      return;
    }
    const block = BLOCKS.has(el.tagName);
    if (block) newline();
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    if (block) newline();
  };
  for (let c = root.firstChild; c; c = c.nextSibling) walk(c);
  return { text: parts.join(''), segs };
}

/** Index of the segment containing text offset `at` (or the next one after it). */
function segAt(map: TextMap, at: number, preferEnd: boolean): number {
  let lo = 0;
  let hi = map.segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = map.segs[mid];
    if (preferEnd ? s.end < at : s.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A DOM point for a text offset; offsets on a synthetic line break snap to the nearest text. */
function point(map: TextMap, at: number, preferEnd: boolean): [Text, number] | null {
  if (!map.segs.length) return null;
  const i = Math.min(segAt(map, at, preferEnd), map.segs.length - 1);
  const s = map.segs[i];
  const off = Math.max(0, Math.min(at - s.start, s.node.data.length));
  return [s.node, off];
}

/** A DOM range covering text offsets [start, end). */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const a = point(map, start, false);
  const b = point(map, Math.max(start, end), true);
  if (!a || !b) return null;
  const r = document.createRange();
  try {
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
  } catch {
    return null;
  }
  return r.collapsed && end > start ? null : r;
}

/** The text offset of a DOM point (a caret), or null when it is outside the map. */
export function offsetOf(map: TextMap, node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const s = map.segs.find((x) => x.node === node);
    return s ? s.start + Math.min(offset, s.node.data.length) : null;
  }
  // an element point: the first text at or after it
  const child = node.childNodes[offset] ?? null;
  const probe = document.createRange();
  probe.setStart(node, offset);
  for (const s of map.segs) {
    if (child && (s.node === child || child.contains(s.node))) return s.start;
    if (probe.comparePoint(s.node, 0) >= 0) return s.start;
  }
  return map.segs.length ? map.segs[map.segs.length - 1].end : 0;
}
