import { describe, expect, it } from 'vitest';
import { themedDark } from '@/lib/agent/themed-css';

describe('themedDark', () => {
  it('applies the dark rules under the dark setting, and under a dark system unless the setting is light', () => {
    const css = themedDark('  .card { background: #1d1f23; }\n  .warning .phrase, .info .phrase { color: #f2c069; }');
    expect(css).toBe(
      [
        ':host([data-theme="dark"]) .card { background: #1d1f23; }' +
          ':host([data-theme="dark"]) .warning .phrase, :host([data-theme="dark"]) .info .phrase { color: #f2c069; }',
        '@media (prefers-color-scheme: dark) {',
        ':host(:not([data-theme="light"])) .card { background: #1d1f23; }' +
          ':host(:not([data-theme="light"])) .warning .phrase, :host(:not([data-theme="light"])) .info .phrase { color: #f2c069; }',
        '}',
      ].join('\n'),
    );
  });
});
