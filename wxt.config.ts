import { defineConfig } from 'wxt';
import { defaultPackPlugin } from './lib/packs/default-pack-plugin';
import { TEST_HOST_MATCHES } from './lib/site-matches';

// Test builds (`--mode test`, used by `npm start`, e2e tests and benchmarks) also run on the local demo
// and fixture pages; store builds never ask for 127.0.0.1.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    plugins: [defaultPackPlugin()],
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    minimum_chrome_version: '116',
    permissions: [],
  },
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'test') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...TEST_HOST_MATCHES];
      }
    },
  },
});
