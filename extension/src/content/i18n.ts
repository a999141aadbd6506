// UI strings in the browser's language (_locales/en, ru, uk). Findings keep
// the draft's language: their texts come from the pack, not from here.

export function t(key: string, ...subs: (string | number)[]): string {
  const m = chrome.i18n.getMessage(key, subs.map(String));
  return m || key;
}
