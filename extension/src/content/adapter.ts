// One interface per webmail. A third webmail is one new file implementing it
// (see gmail.ts, outlook.ts) plus its host in the manifest.

import type { MailMessage } from '../protocol';

/** The message being answered, and where it is on the page (for highlights). */
export interface Incoming {
  message: MailMessage;
  /** The element holding its text, or null when there is nothing to highlight. */
  root: Element | null;
  /** Subtrees of `root` left out of the text. */
  skip: (el: Element) => boolean;
}

/** What the checker needs from one compose or reply editor. */
export interface ComposeView {
  editor: HTMLElement;
  /** The compose window or reply box the panel docks to. */
  root: Element;
  /** Subtrees of the editor that are not the user's new text (quoted history). */
  draftSkip: (el: Element) => boolean;
  subject(): string;
  recipients(): { to: string[]; cc: string[] };
  /** The client's message this draft answers, or null when it cannot be found. */
  incoming(): Incoming | null;
}

export interface Adapter {
  name: string;
  /** Editors present under `root` right now. */
  findEditors(root: ParentNode): HTMLElement[];
  view(editor: HTMLElement): ComposeView;
}

/** "Anna Petrova <anna@client.example>" or "anna@client.example" → the address. */
export function address(s: string | null | undefined): string {
  if (!s) return '';
  const m = /<([^>]+)>/.exec(s);
  return (m ? m[1] : s).trim().toLowerCase();
}

export function domainOf(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at >= 0 ? email.slice(at + 1).toLowerCase() : undefined;
}
