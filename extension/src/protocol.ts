// The typed message protocol between content scripts / the options page and
// the service worker. One request kind, one handler (background.ts).
// Spans are UTF-16 offsets, end-exclusive, as JavaScript strings count them.

export interface MailMessage {
  subject: string;
  from: string;
  to: string[];
  cc: string[];
  body: string;
}

export interface Exchange {
  incoming: MailMessage;
  draft: MailMessage;
  /** RFC 3339 with the user's offset, for deadlines. */
  now?: string;
}

export interface Span {
  start: number;
  end: number;
}

export type Severity = 'hint' | 'warning' | 'error';
export type Target = 'draft' | 'incoming' | 'subject' | 'recipients';

export interface Suggestion {
  action: 'replace' | 'insert' | 'advice';
  text: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  target: Target;
  span: Span;
  suggestion?: Suggestion;
}

export interface QuestionResult {
  span: Span;
  answered: boolean;
  answer?: Span;
  number?: number;
  topic: string[];
  form: string;
  asks_for?: string;
  matched_by?: string;
  coverage: number;
}

export type ToneClass = 'balanced' | 'too_formal' | 'too_familiar';
export type SummaryStatus = 'present' | 'missing' | 'not_needed';

export interface Parts {
  greeting: Span | null;
  body: Span;
  signoff: Span | null;
  signature: Span | null;
  quoted: Span | null;
}

export interface Report {
  lang: string | null;
  incoming_lang: string | null;
  findings: Finding[];
  questions: QuestionResult[];
  summary: { status: SummaryStatus; closing?: Span; needed_because: string[] };
  tone: { score: number; class: ToneClass; band: [number, number]; sentences: [Span, number][]; features: unknown[] };
  draft_parts: Parts;
  incoming_parts: Parts;
  checks_run: string[];
}

export interface Template {
  id: string;
  title: string;
  language: string;
  text: string;
  fill: string[];
  default?: boolean | null;
}

export interface Rendered {
  id: string;
  language: string;
  text: string;
  /** [placeholder, span in text] left for the user. */
  unfilled: [string, Span][];
}

export interface PackInfo {
  id: string;
  name: string;
  version: string;
  languages: string[];
  templates: number;
  rules: number;
  tests: number;
  checks: { id: string; enabled: boolean }[];
}

/** A structured error: `pack` errors carry file, line and column. */
export interface ErrorInfo {
  kind: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export type Request =
  | { kind: 'analyze'; exchange: Exchange; recipientDomain?: string }
  | { kind: 'templates'; recipientDomain?: string }
  | { kind: 'render'; id: string; exchange: Exchange | null; values: Record<string, string>; recipientDomain?: string }
  | { kind: 'packInfo'; recipientDomain?: string }
  | { kind: 'validatePack'; name: string; toml: string }
  | { kind: 'ping' }
  /** Test-only: panics inside the wasm (accepted only when the extension was built with REPLYLINT_TEST=1). */
  | { kind: 'crash' };

export type Kind = Request['kind'];

export interface Replies {
  analyze: Report;
  templates: Template[];
  render: Rendered;
  packInfo: PackInfo;
  validatePack: PackInfo;
  ping: { coldStartMs: number; uptimeMs: number };
  crash: null;
}

export type Response<K extends Kind> = { ok: true; value: Replies[K] } | { ok: false; error: ErrorInfo };

/** Sends a request to the service worker; rejects only when the worker cannot be reached at all. */
export async function send<K extends Kind>(req: Extract<Request, { kind: K }>): Promise<Response<K>> {
  const reply = (await chrome.runtime.sendMessage(req)) as Response<K> | undefined;
  if (!reply) {
    return { ok: false, error: { kind: 'unreachable', message: 'the extension did not answer' } };
  }
  return reply;
}
