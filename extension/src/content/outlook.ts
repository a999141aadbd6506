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

/**
 * Everything from #appendonsend on is quoted history in Outlook replies. The
 * walk is in document order, so a fresh closure per read marks the point.
 */
function skipAfterAppend(): (el: Element) => boolean {
  let after = false;
  return (el) => {
    if (el.id === 'appendonsend') {
      after = true;
      return true;
    }
    return after || isQuote(el);
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

/** The original quoted below the new text (a pop-out reply, or any reply with history). */
function quotedInEditor(editor: HTMLElement): Incoming | null {
  const header = editor.querySelector('#divRplyFwdMsg');
  const container = editor.querySelector('#mail-editor-reference-message-container');
  if (!header && !container) return null;
  const head = header ?? container;
  const from = /([^\s<>:;"]+@[^\s<>;"]+\.[^\s<>;"]+)/.exec(head?.textContent ?? '')?.[1] ?? '';
  // the quoted message is what follows the header block
  const body = header?.nextElementSibling ?? container;
  if (!body) return null;
  return { message: { subject: '', from: address(from), to: [], cc: [], body: readText(body).text }, root: body, skip: (el) => el.id === 'divRplyFwdMsg' };
}

/** The last message read in the reading pane, outside the editor. */
function readingPaneMessage(editor: HTMLElement): Incoming | null {
  const bodies = [...document.querySelectorAll('div[id^="UniqueMessageBody"][role="document"], div[role="document"][aria-label]')].filter(
    (b) => !b.contains(editor) && !editor.contains(b),
  );
  const body = bodies[bodies.length - 1];
  if (!body) return null;
  const container = body.closest('[data-app-section="MailReadCompose"], [role="main"]') ?? document;
  const subject = container.querySelector('[data-testid="subjectLine"], [role="heading"][aria-level="2"]')?.textContent?.trim() ?? '';
  const item = body.closest('[data-testid="messageItem"], [role="listitem"], [data-message-id]');
  const sender = item?.querySelector('[title*="@"]');
  return {
    message: { subject, from: address(sender?.getAttribute('title')), to: [], cc: [], body: readText(body).text },
    root: body,
    skip: () => false,
  };
}

export const outlook: Adapter = {
  name: 'outlook',
  findEditors(root) {
    // a message being read is role=document; only compose bodies are editable textboxes
    return [...root.querySelectorAll<HTMLElement>(EDITOR)].filter((e) => !e.closest('[role="document"]'));
  },
  view(editor): ComposeView {
    const root =
      editor.closest('[data-app-section="MailCompose"]') ?? editor.closest('[role="dialog"]') ?? editor.closest('form') ?? editor.parentElement ?? editor;
    return {
      editor,
      root,
      get draftSkip() {
        return skipAfterAppend();
      },
      subject() {
        const input = root.querySelector<HTMLInputElement>('input[data-testid="subject"], input[name="subject"], input[maxlength="255"]');
        return input?.value ?? '';
      },
      recipients() {
        return { to: addresses(root, 'to'), cc: addresses(root, 'cc') };
      },
      incoming() {
        return readingPaneMessage(editor) ?? quotedInEditor(editor);
      },
    };
  },
};
