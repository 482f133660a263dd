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
