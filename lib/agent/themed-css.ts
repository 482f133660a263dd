/**
 * Dark rules of an own-UI stylesheet, applied as Настройки → Оформление says: always under
 * `data-theme="dark"` on the host, under the system's dark scheme unless the host says `light`
 * (own-ui-host.ts setOwnUiTheme). Only the on-demand UI script imports it; `dark` is plain rules
 * (`selector, selector { declarations }`), no comments, no nesting.
 */
export function themedDark(dark: string): string {
  const scoped = (host: string) =>
    dark.replace(
      /([^{}]+)\{/g,
      (_, selectors: string) =>
        `${selectors
          .split(',')
          .map((selector) => `${host} ${selector.trim()}`)
          .join(', ')} {`,
    );
  return `${scoped(':host([data-theme="dark"])')}\n@media (prefers-color-scheme: dark) {\n${scoped(':host(:not([data-theme="light"]))')}\n}`;
}

/**
 * The background of a host holding one of our frames (sidebar, picker): the frame page's own background
 * (`--bg` in components/theme.css), in the same theme, so a dark frame does not flash white while it loads.
 * Appended after the host's `:host { all: initial !important }` rules; the attribute selectors outrank it.
 */
export const FRAME_HOST_BACKGROUND = `
:host { background: #fff !important; }
:host([data-theme="dark"]) { background: #1d1f23 !important; }
@media (prefers-color-scheme: dark) { :host(:not([data-theme="light"])) { background: #1d1f23 !important; } }
`;
