// The panel docked to a compose window: a <replylint-panel> element outside
// the editor with an open shadow root. Test contract: finding rows carry
// data-finding="<rule id>", the tone meter data-tone="<class>", template
// buttons data-template="<id>". Page text is shown with textContent only.

import type { Report, Template, ToneClass } from '../protocol';
import { t } from './i18n';

export interface FindingRow {
  key: string;
  rule: string;
  severity: 'hint' | 'warning' | 'error';
  message: string;
  /** Text of the replacement or insertion, when the user can apply it. */
  apply?: string;
  where?: string;
}

export interface QuestionRow {
  index: number;
  text: string;
}

export interface PanelModel {
  state: 'checking' | 'ready' | 'paused' | 'off';
  report?: Report;
  unanswered: QuestionRow[];
  findings: FindingRow[];
  templates: Template[];
  note?: string;
  pack?: string;
}

export interface PanelActions {
  jump(question: number): void;
  apply(key: string): void;
  dismiss(key: string): void;
  mute(rule: string): void;
  hintsOff(): void;
  hintsOn(): void;
  insertTemplate(id: string): void;
  insertClosing(): void;
}

const CSS = `
:host { all: initial; position: fixed; z-index: 2147483647; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; }
.panel { width: 300px; max-height: var(--max-h, 70vh); overflow: auto; background: #fff; border: 1px solid #d1d5db; border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.14); }
header { display: flex; align-items: center; gap: 6px; padding: 8px 10px; border-bottom: 1px solid #e5e7eb; position: sticky; top: 0; background: #fff; }
header .title { font-weight: 600; flex: 1; }
button { font: inherit; cursor: pointer; border: 1px solid #d1d5db; background: #f9fafb; border-radius: 6px; padding: 2px 8px; color: inherit; }
button:hover { background: #eef2ff; }
button.link { border: none; background: none; color: #2563eb; padding: 0; text-align: left; }
section { padding: 8px 10px; border-bottom: 1px solid #f3f4f6; }
h3 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #6b7280; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 4px 0; }
li .msg { display: block; }
li .actions { display: flex; gap: 6px; margin-top: 3px; flex-wrap: wrap; }
.sev-error .msg { color: #b91c1c; }
.sev-warning .msg { color: #92400e; }
.count { font-weight: 600; }
.meter { position: relative; height: 8px; background: #f3f4f6; border-radius: 4px; margin: 6px 0 2px; }
.meter .band { position: absolute; top: 0; bottom: 0; background: #bbf7d0; border-radius: 4px; }
.meter .dot { position: absolute; top: -3px; width: 4px; height: 14px; background: #111827; border-radius: 2px; }
.tone[data-tone="too_formal"] .label, .tone[data-tone="too_familiar"] .label { color: #b45309; font-weight: 600; }
.note { color: #6b7280; }
.templates { display: flex; flex-wrap: wrap; gap: 6px; }
.pill { display: none; }
:host([data-collapsed]) .panel { display: none; }
[data-parked] { display: none !important; }
:host([data-collapsed]) .pill { display: inline-block; border-radius: 999px; padding: 4px 10px; background: #111827; color: #fff; border: none; }
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(label: string, action: string, onClick: () => void, cls?: string): HTMLButtonElement {
  const b = el('button', cls, label);
  b.type = 'button';
  b.dataset.action = action;
  // keep the editor's selection: the click must not move the caret out of the draft
  b.addEventListener('mousedown', (e) => e.preventDefault());
  // the handler is looked up at click time: patch() reuses buttons across renders
  (b as Clickable).onAction = onClick;
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as Clickable).onAction?.();
  });
  return b;
}

type Clickable = HTMLElement & { onAction?: () => void };

/**
 * Makes `live` look like `next` without removing a node from the document.
 * Chromium closes the editor's open typing group (the unit Ctrl+Z undoes)
 * whenever any node is removed from the page, ours included; re-rendering the
 * panel by replacing its children split the user's undo history. So nodes are
 * updated in place, new ones inserted, and surplus ones parked (hidden, kept
 * for reuse), never removed while the user may be typing.
 */
function patch(live: Element, next: Element) {
  for (const a of [...live.attributes]) {
    if (!next.hasAttribute(a.name)) live.removeAttribute(a.name);
  }
  for (const a of next.attributes) {
    if (live.getAttribute(a.name) !== a.value) live.setAttribute(a.name, a.value);
  }
  (live as Clickable).onAction = (next as Clickable).onAction;
  let cur = live.firstChild;
  for (const n of [...next.childNodes]) {
    while (cur && isParked(cur) && !same(cur, n)) cur = cur.nextSibling;
    if (cur && same(cur, n)) {
      if (cur instanceof Text) {
        if (cur.data !== (n as Text).data) cur.data = (n as Text).data;
      } else {
        patch(cur as Element, n as Element);
      }
      cur = cur.nextSibling;
    } else {
      live.insertBefore(n, cur);
    }
  }
  for (; cur; cur = cur.nextSibling) park(cur);
}

function same(a: Node, b: Node): boolean {
  return a.nodeType === b.nodeType && (a.nodeType === Node.TEXT_NODE || (a as Element).tagName === (b as Element).tagName);
}

function isParked(n: Node): boolean {
  return n instanceof Text ? n.data === '' : n instanceof Element && n.hasAttribute('data-parked');
}

/** Hides a node and empties its text (so nothing parked is read or found), keeping it in place. */
function park(n: Node) {
  if (n instanceof Text) {
    n.data = '';
  } else if (n instanceof Element) {
    for (const a of [...n.attributes]) n.removeAttribute(a.name);
    n.setAttribute('data-parked', '');
    (n as Clickable).onAction = undefined;
    for (let c = n.firstChild; c; c = c.nextSibling) park(c);
  }
}

const sheet = new CSSStyleSheet();
sheet.replaceSync(CSS);

export class Panel {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly body: HTMLElement;
  private readonly pill: HTMLButtonElement;

  constructor(private readonly actions: PanelActions) {
    this.host = document.createElement('replylint-panel');
    this.shadow = this.host.attachShadow({ mode: 'open' });
    this.shadow.adoptedStyleSheets = [sheet];
    this.body = el('div', 'panel');
    this.pill = button('replylint', 'expand', () => this.setCollapsed(false), 'pill');
    this.pill.title = t('expand');
    this.shadow.append(this.pill, this.body);
    document.documentElement.appendChild(this.host);
  }

  setCollapsed(collapsed: boolean) {
    if (collapsed) this.host.dataset.collapsed = '';
    else delete this.host.dataset.collapsed;
  }

  toggle() {
    this.setCollapsed(!('collapsed' in this.host.dataset));
  }

  /**
   * Docks to a compose window without covering it: above a window that sits
   * at the bottom of the screen (Gmail's compose windows), else to its right,
   * else to its left, else over its top-right corner.
   */
  dock(rect: DOMRect) {
    const w = 310;
    const s = this.host.style;
    s.bottom = s.top = s.left = '';
    if (rect.bottom > innerHeight - 40 && rect.top > 200) {
      s.left = `${Math.round(Math.max(0, Math.min(innerWidth - w, rect.left)))}px`;
      s.bottom = `${Math.round(innerHeight - rect.top + 8)}px`;
      this.host.style.setProperty('--max-h', `${Math.round(rect.top - 16)}px`);
      return;
    }
    let left = rect.right + 8;
    if (left + w > innerWidth) left = rect.left - w - 8;
    if (left < 0) left = Math.max(0, innerWidth - w - 8);
    const maxH = Math.round(innerHeight * 0.7);
    const h = Math.min(this.body.scrollHeight || 300, maxH);
    s.left = `${Math.round(left)}px`;
    s.top = `${Math.round(Math.max(8, Math.min(rect.top, innerHeight - h - 8)))}px`;
    this.host.style.setProperty('--max-h', `${maxH}px`);
  }

  render(m: PanelModel) {
    const next = el('div', 'panel');
    this.build(next, m);
    patch(this.body, next);
    this.host.dataset.state = m.state;
  }

  private build(b: HTMLElement, m: PanelModel) {
    const header = el('header');
    header.append(el('span', 'title', 'replylint'));
    if (m.state === 'off') {
      header.append(button(t('hintsOn'), 'hints-on', () => this.actions.hintsOn()));
    } else {
      header.append(button(t('hintsOff'), 'hints-off', () => this.actions.hintsOff()));
    }
    header.append(button('–', 'collapse', () => this.setCollapsed(true)));
    b.append(header);

    if (m.state === 'off') {
      b.append(this.section(el('p', 'note', t('hintsOffNote'))));
      return;
    }
    if (m.state === 'paused') {
      b.append(this.section(el('p', 'note', t('paused'))));
    }
    if (m.state === 'checking' && !m.report) {
      b.append(this.section(el('p', 'note', t('checking'))));
    }
    if (m.note) {
      b.append(this.section(el('p', 'note', m.note)));
    }
    const r = m.report;
    if (r) {
      // questions
      const total = r.questions.length;
      const answered = r.questions.filter((q) => q.answered).length;
      const qs = el('section');
      qs.dataset.role = 'questions';
      const count = el('div', 'count', total ? t('questionsAnswered', answered, total) : t('noQuestions'));
      count.dataset.answered = String(answered);
      count.dataset.total = String(total);
      qs.append(count);
      if (m.unanswered.length) {
        const list = el('ul');
        for (const q of m.unanswered) {
          const li = el('li', 'sev-error');
          li.dataset.finding = 'unanswered_questions';
          li.dataset.question = String(q.index);
          const link = button(q.text, 'jump', () => this.actions.jump(q.index), 'link');
          link.title = t('jumpTo');
          li.append(link);
          list.append(li);
        }
        qs.append(list);
      }
      b.append(qs);

      // summary
      if (r.summary.status === 'missing' && m.findings.some((f) => f.rule === 'summary')) {
        const s = el('section');
        const row = el('div', 'sev-warning');
        row.dataset.finding = 'summary';
        row.append(el('span', 'msg', t('summaryMissing')));
        const actions = el('div', 'actions');
        actions.append(button(t('insertClosing'), 'insert-closing', () => this.actions.insertClosing()));
        row.append(actions);
        s.append(row);
        b.append(s);
      }

      // tone meter
      b.append(this.tone(r.tone.class, r.tone.score, r.tone.band));

      // other findings
      const others = m.findings.filter((f) => f.rule !== 'unanswered_questions' && f.rule !== 'summary');
      if (others.length) {
        const s = el('section');
        s.append(el('h3', undefined, t('otherHints')));
        const list = el('ul');
        for (const f of others) {
          const li = el('li', `sev-${f.severity}`);
          li.dataset.finding = f.rule;
          li.dataset.key = f.key;
          li.append(el('span', 'msg', f.where ? `${f.where}: ${f.message}` : f.message));
          const actions = el('div', 'actions');
          if (f.apply) actions.append(button(`${t('apply')}: ${f.apply.trim().slice(0, 40)}`, 'apply', () => this.actions.apply(f.key)));
          actions.append(button(t('dismiss'), 'dismiss', () => this.actions.dismiss(f.key)));
          actions.append(button(t('muteRule'), 'mute', () => this.actions.mute(f.rule)));
          li.append(actions);
          list.append(li);
        }
        s.append(list);
        b.append(s);
      }
    }

    // templates
    if (m.templates.length) {
      const s = el('section');
      s.append(el('h3', undefined, t('templatesTitle')));
      const row = el('div', 'templates');
      for (const tpl of m.templates) {
        const btn = button(tpl.title, 'template', () => this.actions.insertTemplate(tpl.id));
        btn.dataset.template = tpl.id;
        row.append(btn);
      }
      s.append(row);
      b.append(s);
    }
    if (m.pack) {
      b.append(this.section(el('p', 'note', t('packLabel', m.pack))));
    }
  }

  private section(child: HTMLElement): HTMLElement {
    const s = el('section');
    s.append(child);
    return s;
  }

  private tone(cls: ToneClass, score: number, band: [number, number]): HTMLElement {
    const s = el('section', 'tone');
    s.dataset.tone = cls;
    s.dataset.score = score.toFixed(2);
    const label = { balanced: t('toneBalanced'), too_formal: t('toneTooFormal'), too_familiar: t('toneTooFamiliar') }[cls];
    const line = el('div');
    line.append(el('span', undefined, `${t('toneLabel')}: `), el('span', 'label', label));
    const meter = el('div', 'meter');
    const pos = (v: number) => `${((Math.max(-1, Math.min(1, v)) + 1) / 2) * 100}%`;
    const bandEl = el('div', 'band');
    bandEl.style.left = pos(band[0]);
    bandEl.style.width = `${((band[1] - band[0]) / 2) * 100}%`;
    const dot = el('div', 'dot');
    dot.style.left = `calc(${pos(score)} - 2px)`;
    meter.append(bandEl, dot);
    s.append(line, meter);
    return s;
  }

  destroy() {
    this.host.remove();
  }
}
