import { MatchPattern } from '@webext-core/match-patterns';
import { HELPDESK_MATCHES } from '../site-matches';

/** Whether Суфлёр runs on a site: on its own (a known helpdesk), because the agent enabled it, or not. */
export interface SiteAccess {
  origin: string | null;
  access: 'builtin' | 'enabled' | 'off' | 'unsupported';
}

/** The slice of `browser` the site switch needs; passed in so the rules stay testable. */
export interface SiteAccessDeps {
  activeTab(): Promise<{ id?: number; url?: string } | undefined>;
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    executeScript(injection: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<unknown>;
  };
  removeOrigins(origins: string[]): Promise<boolean>;
  /** The built agent script, as WXT names it. */
  agentScript: string;
  /**
   * Where the manifest's content script runs by itself: the build decides (a test build adds the demo
   * and fixture pages), so the popup reads it from the manifest rather than from the store build's list.
   */
  builtinMatches?: readonly string[];
}

interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  allFrames: boolean;
  matchOriginAsFallback: boolean;
  runAt: 'document_start';
  persistAcrossSessions: boolean;
}

const scriptId = (origin: string) => `agent:${origin}`;
const originPattern = (origin: string) => `${origin}/*`;

/**
 * «Включить на этом сайте»: the agent script is registered for one origin the agent chose (the host
 * permission for it is requested by the popup, in the click), and injected into the open tab at once.
 * «Выключить» unregisters it and gives the permission back.
 */
export function createSiteAccess(deps: SiteAccessDeps) {
  const builtin = (deps.builtinMatches ?? HELPDESK_MATCHES).map((pattern) => new MatchPattern(pattern));
  const originOf = (url: string | undefined) => {
    if (!url) return null;
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  };

  return {
    async getSiteAccess(): Promise<SiteAccess> {
      const origin = originOf((await deps.activeTab())?.url);
      if (!origin) return { origin: null, access: 'unsupported' };
      if (builtin.some((pattern) => pattern.includes(`${origin}/`))) return { origin, access: 'builtin' };
      const registered = await deps.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] });
      return { origin, access: registered.length > 0 ? 'enabled' : 'off' };
    },

    async enableSite({ origin }: { origin: string }): Promise<SiteAccess> {
      const existing = await deps.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] });
      if (existing.length === 0) {
        await deps.scripting.registerContentScripts([
          {
            id: scriptId(origin),
            matches: [originPattern(origin)],
            js: [deps.agentScript],
            allFrames: true,
            matchOriginAsFallback: true,
            runAt: 'document_start',
            persistAcrossSessions: true,
          },
        ]);
      }
      const tab = await deps.activeTab();
      if (tab?.id !== undefined && originOf(tab.url) === origin) {
        await deps.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [deps.agentScript] });
      }
      return { origin, access: 'enabled' };
    },

    async disableSite({ origin }: { origin: string }): Promise<SiteAccess> {
      await deps.scripting.unregisterContentScripts({ ids: [scriptId(origin)] }).catch(() => undefined);
      // An origin the manifest itself grants cannot be given back; the script is off all the same.
      await deps.removeOrigins([originPattern(origin)]).catch(() => false);
      return { origin, access: 'off' };
    },
  };
}
