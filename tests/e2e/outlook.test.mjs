// End-to-end tests on Outlook on the web fixtures: a reply in the reading
// pane (quoted history after #appendonsend) and a pop-out reply with the
// original in #mail-editor-reference-message-container. Same guarantees as Gmail.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { artifact, highlights, launch, pageFingerprint, panelReady, panelState } from './harness.mjs';

const PANE = 'https://outlook.office.com/mail/reply';
const POPOUT = 'https://outlook.office.com/mail/popout';
const EDITOR = 'div[contenteditable="true"][role="textbox"]';

async function type(page, text) {
  await page.locator(EDITOR).click({ position: { x: 10, y: 8 } });
  await page.keyboard.press('Control+Home');
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    if (line) await page.keyboard.type(line);
  }
}

describe('Outlook on the web', () => {
  let b;
  before(async () => {
    b = await launch();
  });
  after(async () => {
    await b?.close();
  });

  test('a reply in the reading pane: questions from the message read, quoted history not taken as the draft', async () => {
    const page = await b.open(PANE);
    let n = await panelReady(page);
    let s = await panelState(page);
    assert.equal(s.total, 3, s.text);
    await type(page, 'Оксано, добрий день!\n\nТак, надрукуємо до 14 травня. Монтаж на місці коштує 1 800 грн.\n\nТарас');
    n = await panelReady(page, { after: n });
    s = await panelState(page);
    assert.equal(s.answered, 2, s.text);
    assert.deepEqual(s.unanswered, ['І підкажіть, будь ласка, у якому форматі надсилати макети.']);
    assert.deepEqual((await highlights(page))['replylint-question'], s.unanswered);
    assert.ok(s.templates.every((id) => id.endsWith('-uk')), `templates follow the draft's language: ${s.templates}`);
    await page.screenshot({ path: artifact('outlook-reading-pane.png') });
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("the editor's HTML and the page are exactly what typing alone gives", async () => {
    const text = 'Оксано, добрий день!\n\nДякуємо, отримали! Відповімо найближчим часом.';
    const control = await launch({ extension: false });
    const cp = await control.open(PANE);
    await type(cp, text);
    const expected = await cp.locator(EDITOR).innerHTML();
    const fingerprint = await pageFingerprint(cp);
    await control.close();
    const page = await b.open(PANE);
    const n = await panelReady(page);
    await type(page, text);
    await panelReady(page, { after: n });
    assert.equal(await page.locator(EDITOR).innerHTML(), expected);
    assert.deepEqual(await pageFingerprint(page), fingerprint);
    assert.ok((await page.evaluate(() => window.__sent)).every((e) => e.trusted));
    await page.close();
  });

  test('a pop-out reply reads the original from the quoted history and inserts templates with undo', async () => {
    const page = await b.open(POPOUT);
    let n = await panelReady(page);
    let s = await panelState(page);
    assert.equal(s.total, 2, s.text);
    await type(page, 'Dear Ella,\n\nYes, our photographer is available on 3 October.\n\n');
    n = await panelReady(page, { after: n });
    s = await panelState(page);
    assert.equal(s.answered, 1);
    assert.deepEqual(s.unanswered, ['How soon after the event would we receive the photos?']);
    const before = await page.locator(EDITOR).innerText();
    await page.locator('replylint-panel [data-template="more-time-en"]').click();
    await page.waitForFunction((sel) => document.querySelector(sel).innerText.includes('a little more time'), EDITOR, { timeout: 5000 });
    assert.equal(await page.evaluate(() => getSelection().toString()), '{document}');
    await page.keyboard.press('Control+z');
    await page.waitForFunction((sel) => !document.querySelector(sel).innerText.includes('a little more time'), EDITOR, { timeout: 5000 });
    assert.equal((await page.locator(EDITOR).innerText()).trim(), before.trim());
    await page.screenshot({ path: artifact('outlook-popout.png') });
    await page.close();
  });
});
