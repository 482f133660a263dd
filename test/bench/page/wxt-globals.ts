/**
 * What WXT auto-imports into entrypoints, for esbuild's `inject`: lets the size analysis bundle
 * entrypoints/agent.content/index.ts as it is written, with the same globals resolved.
 */
export { browser } from 'wxt/browser';
export { defineContentScript } from 'wxt/utils/define-content-script';
