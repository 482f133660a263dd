import { OWN_UI_ATTRIBUTE } from '../editor/reply-box';

/** Each host says what it is in the own-UI attribute (tests and `isOwnUi` find it by that). */
export type OwnUiKind =
  | 'launcher'
  | 'sidebar'
  | 'card'
  | 'good-reply'
  | 'underlines'
  | 'guard-dialog'
  | 'guard-notice'
  | 'site-picker'
  | 'picker';

/**
 * Where the theme is kept: on the isolated world's global (as agent-ui.ts's exports), because the always-on
 * script and the on-demand UI script each bundle their own copy of this module; the page cannot read it.
 */
const THEME_KEY = '__suflerTheme';
const world = globalThis as Record<string, unknown>;

/**
 * Настройки → Оформление for every own-UI host, present and future: `data-theme` on the host, which the CSS
 * reads (`:host([data-theme=dark])`; no attribute = the system's `prefers-color-scheme`). A page may set the
 * attribute too, but it only restyles our UI, which the page could cover anyway.
 */
export function setOwnUiTheme(doc: Document, next: string | undefined): void {
  world[THEME_KEY] = next;
  for (const host of doc.querySelectorAll<HTMLElement>(`[${OWN_UI_ATTRIBUTE}]`)) themeOwnUiHost(host);
}

/**
 * The theme in force on one host: called as it is made and again as a host made earlier enters the page (the
 * badge is made before the first config and attached at the first focus; setOwnUiTheme saw only the page's).
 */
export function themeOwnUiHost(host: HTMLElement): void {
  const theme = world[THEME_KEY] as string | undefined;
  if (theme) host.dataset.theme = theme;
  else delete host.dataset.theme;
}

export interface OwnUiHost {
  host: HTMLDivElement;
  shadow: ShadowRoot;
}

/**
 * The one way our UI enters a page: a plain `div` with a shadow root, styled from inside.
 *
 * Why a `div` and not a custom element name (`sufler-sidebar`): page scripts run before we create
 * anything, so a page can define that name first; its constructor then runs for our element and
 * `attachInternals()` hands the page our shadow root, closed or not (`internals.shadowRoot`). A built-in
 * element can never be defined by a page, takes no internals, and its prototype in our isolated world
 * is not the page's, so neither `attachShadow` nor the constructor can be patched under us.
 *
 * `closed` for everything that shows what only the agent should know (the sidebar frame and its URL, the
 * badge's count of findings, the underline mirror's spans); `open` where the content is the agent's own
 * momentary view and must reach assistive tech through the page's tooling too (see SECURITY.md).
 * `:host { all: initial !important }` in `css` beats even a page's `* { all: unset !important }`:
 * important rules of an inner tree win over the page's.
 */
export function createOwnUiHost(doc: Document, kind: OwnUiKind, css: string, mode: ShadowRootMode): OwnUiHost {
  const host = doc.createElement('div');
  host.setAttribute(OWN_UI_ATTRIBUTE, kind);
  themeOwnUiHost(host);
  const shadow = host.attachShadow({ mode });
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
  return { host, shadow };
}
