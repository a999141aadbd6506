// Which pack applies, from chrome.storage: packs the user imported, the
// default pack, a mapping from client domains to packs, and the settings an
// administrator pushes through chrome.storage.managed (which win and are
// shown as locked). Shared by the service worker and the options page.

export interface StoredPack {
  name: string;
  toml: string;
  /** "file:<name>" or "url:<address>". */
  source: string;
  importedAt: number;
}

export interface Overrides {
  /** Checks switched off by the user (ids). */
  disabledChecks: string[];
  /** Response-time standard overrides, applied as a generated pack on top. */
  timeZone?: string;
  workingHoursStart?: string;
  workingHoursEnd?: string;
  hours?: number;
}

export interface ManagedPolicy {
  /** A pack pushed inline. */
  pack?: { name: string; toml: string };
  defaultPack?: string;
  domainMap?: Record<string, string>;
}

export interface State {
  packs: Record<string, StoredPack>;
  defaultPack: string;
  domainMap: Record<string, string>;
  overrides: Overrides;
  mutedRules: string[];
  managed: ManagedPolicy | null;
}

export const BUILTIN = ['base', 'agency-24h', 'studio-2h', 'corporate-strict'];

const LOCAL_KEYS = ['packs', 'defaultPack', 'domainMap', 'overrides', 'mutedRules'] as const;

export async function loadState(): Promise<State> {
  const local = await chrome.storage.local.get(LOCAL_KEYS as unknown as string[]);
  let managed: ManagedPolicy | null = null;
  try {
    const m = (await chrome.storage.managed.get(null)) as ManagedPolicy;
    if (m && Object.keys(m).length > 0) {
      managed = m;
    }
  } catch {
    // no policy support (e.g. Firefox without a native manifest): nothing is managed
  }
  return {
    packs: (local.packs as Record<string, StoredPack>) ?? {},
    defaultPack: (local.defaultPack as string) ?? 'base',
    domainMap: (local.domainMap as Record<string, string>) ?? {},
    overrides: (local.overrides as Overrides) ?? { disabledChecks: [] },
    mutedRules: (local.mutedRules as string[]) ?? [],
    managed,
  };
}

/** Pack names usable for analysis: built-in ids, imported packs and a managed one. */
export function packNames(state: State): string[] {
  const names = [...BUILTIN, ...Object.keys(state.packs)];
  if (state.managed?.pack) {
    names.push(state.managed.pack.name);
  }
  return [...new Set(names)];
}

/** The domain map and default that apply: the administrator's win. */
export function effectiveMapping(state: State): { defaultPack: string; domainMap: Record<string, string>; locked: boolean } {
  const m = state.managed;
  if (m && (m.defaultPack || m.domainMap || m.pack)) {
    return {
      defaultPack: m.defaultPack ?? m.pack?.name ?? state.defaultPack,
      domainMap: { ...state.domainMap, ...(m.domainMap ?? {}) },
      locked: true,
    };
  }
  return { defaultPack: state.defaultPack, domainMap: state.domainMap, locked: false };
}

/** The pack name for a client's domain ("bank.example"), most specific mapping first. */
export function packNameFor(state: State, domain: string | undefined): string {
  const { defaultPack, domainMap } = effectiveMapping(state);
  if (domain) {
    const d = domain.toLowerCase();
    const keys = Object.keys(domainMap).sort((a, b) => b.length - a.length);
    for (const k of keys) {
      const key = k.toLowerCase().replace(/^@/, '');
      if (d === key || d.endsWith('.' + key)) {
        return domainMap[k];
      }
    }
  }
  return defaultPack;
}

function tomlString(s: string): string {
  return JSON.stringify(s);
}

/**
 * The pack to analyse with: its name and TOML (null for a built-in pack used
 * as is). User overrides (checks switched off, response time) become a small
 * generated pack on top, so the core stays the one place that decides.
 */
export function activePackFor(state: State, domain: string | undefined): { name: string; toml: string | null; stamp: string } {
  const name = packNameFor(state, domain);
  const o = state.overrides;
  const hasOverrides =
    o.disabledChecks.length > 0 || o.timeZone || o.workingHoursStart || o.workingHoursEnd || o.hours !== undefined;
  if (!hasOverrides) {
    const own = ownToml(state, name);
    return { name, toml: own, stamp: own ? String(own.length) : 'builtin' };
  }
  const lines = ['[pack]', 'id = "user-settings"', `name = "User settings on ${name.replace(/"/g, '')}"`, `extends = ${tomlString(name)}`, ''];
  for (const c of o.disabledChecks) {
    if (/^[a-z_]+$/.test(c)) {
      lines.push(`[checks.${c}]`, 'enabled = false', '');
    }
  }
  const rt: string[] = [];
  if (o.hours !== undefined) rt.push(`hours = ${Number(o.hours)}`);
  if (o.workingHoursStart) rt.push(`working_hours_start = ${tomlString(o.workingHoursStart)}`);
  if (o.workingHoursEnd) rt.push(`working_hours_end = ${tomlString(o.workingHoursEnd)}`);
  if (o.timeZone) rt.push(`time_zone = ${tomlString(o.timeZone)}`);
  if (rt.length) lines.push('[response_time]', ...rt, '');
  const toml = lines.join('\n');
  return { name: 'user-settings', toml, stamp: toml };
}

/** TOML of an imported or managed pack, or null for a built-in id. */
export function ownToml(state: State, name: string): string | null {
  if (state.managed?.pack?.name === name) {
    return state.managed.pack.toml;
  }
  return state.packs[name]?.toml ?? null;
}

/** Every pack's TOML by name, for `extends` between imported packs. */
export function othersFor(state: State): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, p] of Object.entries(state.packs)) {
    out[n] = p.toml;
  }
  if (state.managed?.pack) {
    out[state.managed.pack.name] = state.managed.pack.toml;
  }
  return out;
}
