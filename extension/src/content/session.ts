// One compose or reply editor: reads it after the user pauses typing,
// asks the service worker, draws highlights and the panel, and inserts
// templates and suggestions as trusted input. Reads the page; never writes
// to the editor except through execCommand('insertText') on a user's click.

import type { ComposeView, Incoming } from './adapter';
import { address, domainOf } from './adapter';
import type { Exchange, Finding, Report, Span, Template } from '../protocol';
import { send } from '../protocol';
import { clearSession, flash, setMarks } from './highlights';
import type { Mark } from './highlights';
import { Panel } from './panel';
import type { FindingRow, PanelModel } from './panel';
import { offsetOf, rangeFor, readText } from './textmap';
import type { TextMap } from './textmap';
import { t } from './i18n';

/** Pause after the last keystroke before checking. */
export const DEBOUNCE_MS = 300;
/** Longer drafts are checked on their first part, with a note in the panel. */
export const MAX_DRAFT_CHARS = 200_000;

let nextId = 1;

/** RFC 3339 with the user's offset: "2025-03-07T17:00:00+02:00". */
export function localNow(d = new Date()): string {
  const p = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}${sign}${p(Math.trunc(off / 60))}:${p(off % 60)}`;
}

function findingKey(f: Finding, draft: string): string {
  return `${f.rule}|${f.target}|${f.target === 'draft' ? draft.slice(f.span.start, f.span.end) : f.message}`;
}

export class Session {
  readonly id = nextId++;
  private readonly panel: Panel;
  private timer = 0;
  private generation = 0;
  private off = false;
  private paused = false;
  private dismissed = new Set<string>();
  private muted: string[] = [];
  private draftMap: TextMap = { text: '', segs: [] };
  private incoming: Incoming | null = null;
  private incomingMap: TextMap = { text: '', segs: [] };
  private report: Report | null = null;
  private findings: Finding[] = [];
  private templates: Template[] = [];
  private packName = '';
  private savedRange: Range | null = null;
  private readonly disposers: (() => void)[] = [];
  /** Milliseconds from the end of the typing pause to highlights drawn, for the latest check. */
  lastLatencyMs = -1;

  constructor(readonly view: ComposeView) {
    this.panel = new Panel({
      jump: (i) => this.jump(i),
      apply: (k) => this.apply(k),
      dismiss: (k) => {
        this.dismissed.add(k);
        this.draw();
      },
      mute: (rule) => this.mute(rule),
      hintsOff: () => {
        this.off = true;
        clearSession(this.id);
        this.draw();
      },
      hintsOn: () => {
        this.off = false;
        this.schedule(0);
      },
      insertTemplate: (id) => this.insertTemplate(id),
      insertClosing: () => this.insertClosing(),
    });
    const ed = view.editor;
    const onInput = () => this.schedule(DEBOUNCE_MS);
    const onFocus = () => this.schedule(0);
    const onSelection = () => {
      const sel = getSelection();
      if (sel && sel.rangeCount && ed.contains(sel.getRangeAt(0).startContainer)) {
        this.savedRange = sel.getRangeAt(0).cloneRange();
      }
    };
    const onLayout = () => this.dock();
    ed.addEventListener('input', onInput, { passive: true });
    ed.addEventListener('focus', onFocus, { passive: true });
    document.addEventListener('selectionchange', onSelection, { passive: true });
    window.addEventListener('resize', onLayout, { passive: true });
    window.addEventListener('scroll', onLayout, { passive: true, capture: true });
    const ro = new ResizeObserver(onLayout);
    ro.observe(view.root);
    this.disposers.push(
      () => ed.removeEventListener('input', onInput),
      () => ed.removeEventListener('focus', onFocus),
      () => document.removeEventListener('selectionchange', onSelection),
      () => window.removeEventListener('resize', onLayout),
      () => window.removeEventListener('scroll', onLayout, { capture: true }),
      () => ro.disconnect(),
    );
    chrome.storage.local.get('mutedRules').then((v) => {
      this.muted = (v.mutedRules as string[]) ?? [];
    });
    this.dock();
    this.render('checking');
    this.schedule(0);
  }

  get host(): HTMLElement {
    return this.panel.host;
  }

  private dock() {
    this.panel.dock(this.view.root.getBoundingClientRect());
  }

  togglePanel() {
    this.panel.toggle();
  }

  schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.check(), ms);
  }

  private recipientDomain(exchange: Exchange): string | undefined {
    return domainOf(exchange.draft.to[0] ?? '') ?? domainOf(exchange.incoming.from);
  }

  /** Reads the page into an exchange. */
  private exchange(): { exchange: Exchange; truncated: boolean } {
    this.draftMap = readText(this.view.editor, this.view.draftSkip);
    this.incoming = this.view.incoming();
    this.incomingMap = this.incoming?.root ? readText(this.incoming.root, this.incoming.skip) : { text: '', segs: [] };
    const { to, cc } = this.view.recipients();
    const draft = this.draftMap.text;
    const truncated = draft.length > MAX_DRAFT_CHARS;
    const exchange: Exchange = {
      incoming: this.incoming?.message ?? { subject: '', from: '', to: [], cc: [], body: '' },
      draft: { subject: this.view.subject(), from: '', to, cc, body: truncated ? draft.slice(0, MAX_DRAFT_CHARS) : draft },
      now: localNow(),
    };
    if (this.incoming?.root) exchange.incoming.body = this.incomingMap.text;
    return { exchange, truncated };
  }

  private async check() {
    if (this.off || !this.view.editor.isConnected) return;
    const gen = ++this.generation;
    const t0 = performance.now();
    const { exchange, truncated } = this.exchange();
    const domain = this.recipientDomain(exchange);
    const reply = await send({ kind: 'analyze', exchange, recipientDomain: domain });
    if (gen !== this.generation) return; // the user typed again meanwhile
    if (!reply.ok) {
      this.paused = true;
      clearSession(this.id);
      this.render('paused');
      return;
    }
    this.paused = false;
    this.report = reply.value;
    if (!this.templates.length || this.packName === '') {
      const [tpl, info] = await Promise.all([send({ kind: 'templates', recipientDomain: domain }), send({ kind: 'packInfo', recipientDomain: domain })]);
      if (tpl.ok) this.templates = tpl.value;
      if (info.ok) this.packName = info.value.name;
    }
    this.draw(truncated);
    this.lastLatencyMs = performance.now() - t0;
    this.panel.host.dataset.latencyMs = this.lastLatencyMs.toFixed(1);
    this.panel.host.dataset.checks = String(gen);
  }

  private visibleFindings(): Finding[] {
    const r = this.report;
    if (!r) return [];
    return r.findings.filter((f) => !this.muted.includes(f.rule) && !this.dismissed.has(findingKey(f, this.draftMap.text)));
  }

  private draw(truncated = false) {
    const r = this.report;
    if (this.off) {
      this.render('off');
      return;
    }
    if (!r) return;
    this.findings = this.visibleFindings();
    const marks: Record<Mark, Range[]> = { question: [], error: [], warning: [], hint: [], flash: [] };
    for (const q of r.questions) {
      if (q.answered) continue;
      const key = this.findings.find((f) => f.rule === 'unanswered_questions' && f.span.start === q.span.start);
      if (!key) continue;
      const range = rangeFor(this.incomingMap, q.span.start, q.span.end);
      if (range) marks.question.push(range);
    }
    for (const f of this.findings) {
      if (f.target !== 'draft' || f.span.end <= f.span.start || f.rule === 'summary' || this.isToneSummary(f)) continue;
      const range = rangeFor(this.draftMap, f.span.start, f.span.end);
      if (range) marks[f.severity].push(range);
    }
    setMarks(this.id, marks);
    this.render('ready', truncated);
  }

  private render(state: PanelModel['state'], truncated = false) {
    const r = this.report;
    const draft = this.draftMap.text;
    const incoming = this.incomingMap.text || this.incoming?.message.body || '';
    const rows: FindingRow[] = this.findings
      .filter((f) => !this.isToneSummary(f))
      .map((f) => ({
        key: findingKey(f, draft),
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        apply: f.suggestion && f.suggestion.action !== 'advice' ? f.suggestion.text : undefined,
        where: f.target === 'subject' ? t('subjectTarget') : f.target === 'recipients' ? t('recipientsTarget') : undefined,
      }));
    const lang = r?.lang && r.lang !== 'mixed' ? r.lang : null;
    const templates = lang ? this.templates.filter((x) => x.language === lang) : this.templates;
    this.panel.render({
      state: this.paused ? 'paused' : state,
      report: r ?? undefined,
      unanswered: (r?.questions ?? [])
        .map((q, index) => ({ q, index }))
        .filter(({ q }) => !q.answered && this.findings.some((f) => f.rule === 'unanswered_questions' && f.span.start === q.span.start))
        .map(({ q, index }) => ({ index, text: incoming.slice(q.span.start, q.span.end) })),
      findings: rows,
      templates,
      note: truncated ? t('tooLong', MAX_DRAFT_CHARS) : undefined,
      pack: this.packName || undefined,
    });
    this.dock();
  }

  /** The tone finding on the whole draft: the panel shows it as the meter, not as a row or an underline. */
  private isToneSummary(f: Finding): boolean {
    const p = this.report?.draft_parts;
    if (f.rule !== 'tone' || f.target !== 'draft' || !p) return false;
    const start = Math.min(p.greeting?.start ?? p.body.start, p.body.start);
    const end = Math.max(p.signoff?.end ?? p.body.end, p.body.end);
    return f.span.start === start && f.span.end === end;
  }

  private jump(i: number) {
    const q = this.report?.questions[i];
    if (!q) return;
    const range = rangeFor(this.incomingMap, q.span.start, q.span.end);
    if (range) flash(this.id, range);
  }

  private async mute(rule: string) {
    this.muted = [...new Set([...this.muted, rule])];
    await chrome.storage.local.set({ mutedRules: this.muted });
    this.draw();
  }

  // ---------------------------------------------------------------- insertion

  /** Puts the caret where the user left it in this editor, or at the end of the new text. */
  private restoreCaret(): void {
    const ed = this.view.editor;
    ed.focus();
    const sel = getSelection();
    if (!sel) return;
    if (this.savedRange && ed.contains(this.savedRange.startContainer)) {
      sel.removeAllRanges();
      sel.addRange(this.savedRange);
      return;
    }
    const map = readText(ed, this.view.draftSkip);
    const end = this.report ? Math.min(this.report.draft_parts.body.end, map.text.length) : map.text.length;
    const r = rangeFor(map, end, end);
    if (r) {
      sel.removeAllRanges();
      sel.addRange(r);
    }
  }

  /**
   * Inserts text at the caret as the user's own typing would: Gmail sees a
   * trusted input event, saves the draft, and Ctrl+Z undoes it. Then selects
   * the first placeholder left for the user, if any.
   */
  private insertAtCaret(text: string, placeholders: Span[] = []) {
    this.restoreCaret();
    document.execCommand('insertText', false, text);
    if (placeholders.length) this.selectPlaceholder(text, placeholders[0]);
    this.schedule(DEBOUNCE_MS);
  }

  /**
   * Selects a placeholder of text just inserted before the caret, so typing
   * replaces it. The inserted text ends at the caret; if the editor reshaped
   * it (line breaks into blocks), the placeholder is found by its own text.
   */
  private selectPlaceholder(inserted: string, p: Span) {
    const sel = getSelection();
    if (!sel || !sel.rangeCount) return;
    const map = readText(this.view.editor, this.view.draftSkip);
    const caret = offsetOf(map, sel.focusNode ?? this.view.editor, sel.focusOffset);
    if (caret === null) return;
    const placeholder = inserted.slice(p.start, p.end);
    let start = caret - inserted.length + p.start;
    if (map.text.slice(start, start + placeholder.length) !== placeholder) {
      start = map.text.lastIndexOf(placeholder, caret);
      if (start < 0) return;
    }
    const r = rangeFor(map, start, start + placeholder.length);
    if (r) {
      sel.removeAllRanges();
      sel.addRange(r);
    }
  }

  private async insertTemplate(id: string) {
    const { exchange } = this.exchange();
    const reply = await send({ kind: 'render', id, exchange, values: {}, recipientDomain: this.recipientDomain(exchange) });
    if (!reply.ok) return;
    this.insertAtCaret(reply.value.text, reply.value.unfilled.map(([, s]) => s));
  }

  async insertDefaultTemplate() {
    const lang = this.report?.lang;
    const pick = this.templates.find((x) => x.default && x.language === lang) ?? this.templates.find((x) => x.language === lang) ?? this.templates[0];
    if (pick) await this.insertTemplate(pick.id);
  }

  private insertClosing() {
    const f = this.report?.findings.find((x) => x.rule === 'summary');
    const text = f?.suggestion?.text;
    if (!f || !text) return;
    const ed = this.view.editor;
    ed.focus();
    const map = readText(ed, this.view.draftSkip);
    const r = rangeFor(map, f.span.start, f.span.start);
    const sel = getSelection();
    if (r && sel) {
      sel.removeAllRanges();
      sel.addRange(r);
    }
    document.execCommand('insertText', false, text);
    this.schedule(DEBOUNCE_MS);
  }

  /** Applies a finding's replacement to its span in the draft. */
  private apply(key: string) {
    const f = this.findings.find((x) => findingKey(x, this.draftMap.text) === key);
    if (!f?.suggestion || f.target !== 'draft') return;
    const ed = this.view.editor;
    ed.focus();
    const map = readText(ed, this.view.draftSkip);
    if (map.text.slice(f.span.start, f.span.end) !== this.draftMap.text.slice(f.span.start, f.span.end)) return; // the draft changed
    const at = f.suggestion.action === 'insert' ? f.span.end : f.span.start;
    const r = rangeFor(map, at, f.span.end);
    const sel = getSelection();
    if (!r || !sel) return;
    sel.removeAllRanges();
    sel.addRange(r);
    document.execCommand('insertText', false, f.suggestion.text);
    this.schedule(DEBOUNCE_MS);
  }

  destroy() {
    clearTimeout(this.timer);
    this.disposers.forEach((d) => d());
    clearSession(this.id);
    this.panel.destroy();
  }
}

export { address };
