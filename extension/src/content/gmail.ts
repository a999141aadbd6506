// Gmail: compose windows (pop-out and full screen) and inline replies.
// Selectors are Gmail's stable attributes and long-lived classes
// (../shared/research/webmail.md), never localized aria-labels.

import type { Adapter, ComposeView, Incoming } from './adapter';
import { address } from './adapter';
import { readText } from './textmap';
import type { MailMessage } from '../protocol';

const EDITOR = 'div[g_editable="true"][role="textbox"][contenteditable="true"]';

const isQuote = (el: Element) =>
  el.classList.contains('gmail_quote') || el.classList.contains('gmail_extra') || el.classList.contains('gmail_attr');

function chips(root: Element, kind: 'to' | 'cc'): string[] {
  const out = new Set<string>();
  for (const el of root.querySelectorAll(`.anm[name="${kind}"] [role="option"][data-hovercard-id], .GS [name="${kind}"] [data-hovercard-id]`)) {
    const a = address(el.getAttribute('data-hovercard-id'));
    if (a.includes('@')) out.add(a);
  }
  for (const el of root.querySelectorAll(`textarea[name="${kind}"], input[type="hidden"][name="${kind}"]`)) {
    for (const part of (el as HTMLInputElement).value.split(/[,;]/)) {
      const a = address(part);
      if (a.includes('@')) out.add(a);
    }
  }
  return [...out];
}

/** The last message of the open thread: its body element and sender. */
function lastThreadMessage(): Incoming | null {
  const messages = document.querySelectorAll('div.adn.ads');
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    const body = m.querySelector('div.a3s');
    if (!body) continue;
    const sender = m.querySelector('.gD[email], td.gF span[email], span[email]');
    const subject = document.querySelector('h2.hP')?.textContent?.trim() ?? '';
    const to: string[] = [];
    for (const el of m.querySelectorAll('.g2[email], .hb span[email]')) {
      const a = address(el.getAttribute('email'));
      if (a) to.push(a);
    }
    const message: MailMessage = {
      subject,
      from: address(sender?.getAttribute('email')),
      to,
      cc: [],
      body: readText(body).text,
    };
    return { message, root: body, skip: () => false };
  }
  return null;
}

/** The client's message quoted in the draft (pop-out compose with the thread out of view). */
function quotedInEditor(editor: HTMLElement, subject: string): Incoming | null {
  const quote = editor.querySelector('blockquote.gmail_quote, div.gmail_quote blockquote');
  if (!quote) return null;
  const attr = editor.querySelector('.gmail_attr')?.textContent ?? '';
  const from = /<([^>]+@[^>]+)>/.exec(attr)?.[1] ?? '';
  const message: MailMessage = {
    subject: subject.replace(/^\s*((re|fwd?|aw|отв|відп)\s*(\[\d+\])?\s*:\s*)+/i, ''),
    from: from.toLowerCase(),
    to: [],
    cc: [],
    body: readText(quote).text,
  };
  return { message, root: quote, skip: () => false };
}

export const gmail: Adapter = {
  name: 'gmail',
  findEditors(root) {
    return [...root.querySelectorAll<HTMLElement>(EDITOR)];
  },
  view(editor): ComposeView {
    const root = editor.closest('div.M9') ?? editor.closest('form')?.parentElement ?? editor.closest('.ip') ?? editor.parentElement ?? editor;
    return {
      editor,
      root,
      draftSkip: isQuote,
      subject() {
        const box = root.querySelector<HTMLInputElement>('input[name="subjectbox"]');
        return box ? box.value : '';
      },
      recipients() {
        return { to: chips(root, 'to'), cc: chips(root, 'cc') };
      },
      incoming() {
        // an inline reply sits in the open thread; a compose window may still show it
        return lastThreadMessage() ?? quotedInEditor(editor, this.subject());
      },
    };
  },
};
