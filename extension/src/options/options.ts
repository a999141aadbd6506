// The options page: the pack in use and per client domain, pack import from
// a file or a URL (asking for that one host's permission at that moment),
// validation errors with line and column, template preview, checks on and
// off, and the response-time standard. Settings an administrator pushed
// through chrome.storage.managed win and are shown as locked.

import { send } from '../protocol';
import type { ErrorInfo, PackInfo, Template } from '../protocol';
import { BUILTIN, activePackFor, effectiveMapping, loadState, packNames } from '../packstore';
import type { Overrides, State, StoredPack } from '../packstore';

const t = (key: string, ...subs: (string | number)[]) => chrome.i18n.getMessage(key, subs.map(String)) || key;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** A pack file or download larger than this is refused before parsing. */
const MAX_PACK_BYTES = 2 * 1024 * 1024;

const CHECK_IDS = [
  'unanswered_questions', 'question_order', 'summary', 'tone', 'subject_changed', 'reply_all',
  'question_list', 'internal_details', 'vague_promise', 'ack_deadline', 'phrase_rules',
];

function localize() {
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const m = t(el.dataset.i18n!);
    if (m) el.textContent = m;
  }
  for (const el of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder!);
  }
  document.title = t('optionsTitle');
}

function option(value: string, label = value): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

function errorText(e: ErrorInfo): string {
  return e.line ? t('optionsPackError', e.file ?? '', e.line, e.column ?? 0, e.message.replace(/^.*?:\d+:\d+: /, '')) : e.message;
}

async function render() {
  const state = await loadState();
  const mapping = effectiveMapping(state);
  const names = packNames(state);

  const def = $<HTMLSelectElement>('default-pack');
  def.replaceChildren(...names.map((n) => option(n)));
  def.value = mapping.defaultPack;
  def.disabled = mapping.locked;
  (document.querySelector('#active .locked') as HTMLElement).hidden = !mapping.locked;

  const rows = $('domain-rows');
  rows.replaceChildren();
  for (const [domain, pack] of Object.entries(mapping.domainMap)) {
    const tr = document.createElement('tr');
    tr.dataset.domain = domain;
    const d = document.createElement('td');
    d.textContent = domain;
    const p = document.createElement('td');
    p.textContent = pack;
    const a = document.createElement('td');
    const managed = !!state.managed?.domainMap?.[domain];
    if (managed) {
      a.textContent = t('optionsLocked');
    } else {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = t('optionsRemove');
      b.addEventListener('click', async () => {
        const map = { ...state.domainMap };
        delete map[domain];
        await chrome.storage.local.set({ domainMap: map });
        await render();
      });
      a.append(b);
    }
    tr.append(d, p, a);
    rows.append(tr);
  }
  $<HTMLSelectElement>('domain-pack').replaceChildren(...names.map((n) => option(n)));

  await renderTemplates(mapping.defaultPack);
  renderChecks(state.overrides);
  const o = state.overrides;
  $<HTMLInputElement>('tz').value = o.timeZone ?? '';
  $<HTMLInputElement>('hours').value = o.hours !== undefined ? String(o.hours) : '';
  $<HTMLInputElement>('wh-start').value = o.workingHoursStart ?? '';
  $<HTMLInputElement>('wh-end').value = o.workingHoursEnd ?? '';
}

async function renderTemplates(_pack: string) {
  const list = $('template-list');
  list.replaceChildren();
  const reply = await send({ kind: 'templates' });
  if (!reply.ok) return;
  for (const tpl of reply.value as Template[]) {
    const div = document.createElement('div');
    div.className = 'template';
    div.dataset.template = tpl.id;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = `${tpl.title} · ${tpl.language} · ${tpl.id}`;
    const text = document.createElement('div');
    text.className = 'text';
    text.textContent = tpl.text;
    div.append(meta, text);
    list.append(div);
  }
}

function renderChecks(o: Overrides) {
  const list = $('check-list');
  list.replaceChildren();
  for (const id of CHECK_IDS) {
    const label = document.createElement('label');
    label.className = 'row';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.dataset.check = id;
    box.checked = !o.disabledChecks.includes(id);
    box.addEventListener('change', async () => {
      const state = await loadState();
      const off = new Set(state.overrides.disabledChecks);
      if (box.checked) off.delete(id);
      else off.add(id);
      await chrome.storage.local.set({ overrides: { ...state.overrides, disabledChecks: [...off] } });
    });
    label.append(box, document.createTextNode(` ${id}`));
    list.append(label);
  }
}

/** Validates TOML in the core and stores it under the pack's own id, or shows why not. */
async function importPack(toml: string, source: string, fileName: string) {
  const result = $('import-result');
  const error = $('import-error');
  result.textContent = '';
  error.hidden = true;
  const reply = await send({ kind: 'validatePack', name: fileName, toml });
  if (!reply.ok) {
    error.textContent = `${errorText(reply.error)}\n\n${t('optionsImportFailed')}`;
    error.hidden = false;
    error.dataset.line = String(reply.error.line ?? '');
    error.dataset.column = String(reply.error.column ?? '');
    return;
  }
  const info = reply.value as PackInfo;
  if (BUILTIN.includes(info.id)) {
    error.textContent = `${fileName}: pack id "${info.id}" is a built-in pack's id; give your pack its own id.\n\n${t('optionsImportFailed')}`;
    error.hidden = false;
    return;
  }
  const state = await loadState();
  const packs: Record<string, StoredPack> = { ...state.packs, [info.id]: { name: info.id, toml, source, importedAt: Date.now() } };
  await chrome.storage.local.set({ packs });
  result.textContent = t('optionsImported', info.name || info.id, info.templates, info.tests);
  result.dataset.pack = info.id;
  await render();
}

async function importFromFile(file: File) {
  if (file.size > MAX_PACK_BYTES) {
    $('import-error').textContent = t('optionsUrlTooBig', file.name);
    $('import-error').hidden = false;
    return;
  }
  await importPack(await file.text(), `file:${file.name}`, file.name);
}

async function importFromUrl(raw: string) {
  const error = $('import-error');
  error.hidden = true;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    error.textContent = t('optionsUrlFailed', raw, 'not a URL');
    error.hidden = false;
    return;
  }
  const origin = `${url.protocol}//${url.host}/*`;
  // asked for at this moment, for this one host; the extension holds no host access otherwise
  const granted = await chrome.permissions.request({ origins: [origin] });
  if (!granted) {
    error.textContent = t('optionsPermissionDenied', url.host);
    error.hidden = false;
    return;
  }
  try {
    const res = await fetch(url, { credentials: 'omit', redirect: 'error' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const type = res.headers.get('content-type') ?? '';
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_PACK_BYTES) throw Object.assign(new Error('too big'), { tooBig: true });
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_PACK_BYTES) {
        await reader.cancel();
        throw Object.assign(new Error('too big'), { tooBig: true });
      }
      chunks.push(value);
    }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(concat(chunks, total));
    if (/html/i.test(type) || /^\s*</.test(text)) {
      error.textContent = t('optionsUrlHtml', url.href);
      error.hidden = false;
      return;
    }
    await importPack(text, `url:${url.href}`, url.pathname.split('/').pop() || url.host);
  } catch (e) {
    error.textContent = (e as { tooBig?: boolean }).tooBig ? t('optionsUrlTooBig', url.href) : t('optionsUrlFailed', url.href, String((e as Error).message));
    error.hidden = false;
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function wire() {
  $<HTMLSelectElement>('default-pack').addEventListener('change', async (e) => {
    await chrome.storage.local.set({ defaultPack: (e.target as HTMLSelectElement).value });
    await render();
  });
  $('domain-add').addEventListener('click', async () => {
    const domain = $<HTMLInputElement>('domain-input').value.trim().toLowerCase().replace(/^@/, '');
    if (!/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(domain)) return;
    const state: State = await loadState();
    await chrome.storage.local.set({ domainMap: { ...state.domainMap, [domain]: $<HTMLSelectElement>('domain-pack').value } });
    $<HTMLInputElement>('domain-input').value = '';
    await render();
  });
  $<HTMLInputElement>('import-file').addEventListener('change', async (e) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f) await importFromFile(f);
  });
  $('import-url-button').addEventListener('click', () => void importFromUrl($<HTMLInputElement>('import-url').value.trim()));
  $('save-response').addEventListener('click', async () => {
    const state = await loadState();
    const hours = $<HTMLInputElement>('hours').value;
    const o: Overrides = {
      ...state.overrides,
      timeZone: $<HTMLInputElement>('tz').value.trim() || undefined,
      hours: hours ? Number(hours) : undefined,
      workingHoursStart: $<HTMLInputElement>('wh-start').value || undefined,
      workingHoursEnd: $<HTMLInputElement>('wh-end').value || undefined,
    };
    // checked by the core before it is stored: a wrong zone is an error here, not a broken extension
    const next = { ...state, overrides: o };
    const pack = activePackFor(next, undefined);
    if (pack.toml) {
      const check = await send({ kind: 'validatePack', name: 'settings', toml: pack.toml });
      if (!check.ok) {
        $('saved').textContent = errorText(check.error);
        return;
      }
    }
    await chrome.storage.local.set({ overrides: o });
    $('saved').textContent = t('optionsSaved');
  });
}

localize();
wire();
void render();
