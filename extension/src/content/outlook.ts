// Outlook on the web (outlook.office.com, outlook.office365.com,
// outlook.live.com). Class names are generated hashes and aria-labels are
// localized, so editors are found by role and contenteditable, and parts of
// the reading pane by their stable ids.

import type { Adapter, ComposeView, Incoming } from './adapter';
import { address } from './adapter';
import { readText } from './textmap';

const EDITOR = 'div[contenteditable="true"][role="textbox"]';

/** Quoted history Outlook puts below the new text. */
function isQuote(el: Element): boolean {
  return (
    el.id === 'divRplyFwdMsg' ||
    el.id === 'appendonsend' ||
    el.id === 'mail-editor-reference-message-container' ||
    el.id.startsWith('divRplyFwdMsg') ||
    (el.tagName === 'HR' && !!el.previousElementSibling && el.previousElementSibling.id === 'appendonsend')
  );
}

/** Everything from #appendonsend on is quoted history in Outlook replies. */
function skipAfterAppend(editor: HTMLElement): (el: Element) => boolean {
  return (el) => {
    if (isQuote(el)) return true;
    const marker = editor.querySelector('#appendonsend');
    return !!marker && !!(marker.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) && !el.contains(marker);
  };
}

function addresses(root: ParentNode, label: 'to' | 'cc'): string[] {
  const out = new Set<string>();
  // recipient wells: buttons/spans carrying the address in text or title, inside a well whose id or data hints the field
  for (const well of root.querySelectorAll(`[data-field="${label}"], [aria-label="${label === 'to' ? 'To' : 'Cc'}"], [data-testid="${label}Well"]`)) {
    for (const el of well.querySelectorAll('[title*="@"], span, button')) {
      const text = (el.getAttribute('title') ?? el.textContent ?? '').trim();
      const m = /[^\s<>@,;]+@[^\s<>@,;]+\.[^\s<>@,;]+/.exec(text);
      if (m) out.add(address(m[0]));
    }
  }
  return [...out];
}

function readingPaneMessage(editor: HTMLElement): Incoming | null {
  // the message being answered: the last message body in the reading pane, outside the editor
  const bodies = [...document.querySelectorAll('div[id^="UniqueMessageBody"][role="document"], div[aria-label="Message body"][role="document"]')].filter(
    (b) => !b.contains(editor) && !editor.contains(b),
  );
  const body = bodies[bodies.length - 1];
  if (body) {
    const container = body.closest('[data-app-section="MailReadCompose"], [role="main"]') ?? document;
    const subject = container.querySelector('[data-testid="subjectLine"], [role="heading"][aria-level="2"]')?.textContent?.trim() ?? '';
    const sender = body.closest('[data-testid="messageItem"], [role="listitem"], [data-message-id]')?.querySelector('[title*="@"]');
    return {
      message: { subject, from: address(sender?.getAttribute('title')), to: [], cc: [], body: readText(body).text },
      root: body,
      skip: () => false,
    };
  }
  // a pop-out reply: the quoted original below the new text
  const quote = editor.querySelector('#divRplyFwdMsg, #mail-editor-reference-message-container');
  if (!quote) return null;
  const header = quote.id === 'divRplyFwdMsg' ? quote : quote.querySelector('#divRplyFwdMsg');
  const from = /([^\s<>:]+@[^\s<>]+)/.exec(header?.textContent ?? '')?.[1] ?? '';
  const bodyAfter = header?.nextElementSibling ?? quote;
  return { message: { subject: '', from: address(from), to: [], cc: [], body: readText(bodyAfter).text }, root: bodyAfter, skip: () => false };
}

export const outlook: Adapter = {
  name: 'outlook',
  findEditors(root) {
    return [...root.querySelectorAll<HTMLElement>(EDITOR)].filter((e) => e.closest('[role="dialog"], [data-app-section="MailCompose"], form, div') !== null);
  },
  view(editor): ComposeView {
    const root =
      editor.closest('[data-app-section="MailCompose"]') ?? editor.closest('[role="dialog"]') ?? editor.closest('form') ?? editor.parentElement ?? editor;
    return {
      editor,
      root,
      draftSkip: skipAfterAppend(editor),
      subject() {
        const input = root.querySelector<HTMLInputElement>('input[data-testid="subject"], input[name="subject"], input[maxlength="255"]');
        return input?.value ?? '';
      },
      recipients() {
        return { to: addresses(root, 'to'), cc: addresses(root, 'cc') };
      },
      incoming() {
        return readingPaneMessage(editor);
      },
    };
  },
};
