import { defineConfig } from 'wxt';
import { defaultPackPlugin } from './lib/packs/default-pack-plugin';
import { HELPDESK_MATCHES, TEST_HOST_MATCHES } from './lib/site-matches';

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
    // storage: session storage (focused frame per tab, fill-in values per conversation) survives
    // service-worker restarts. contextMenus: «Сохранить как шаблон» on selected page text. alarms: team
    // pack sync on a schedule. activeTab + scripting: «Включить на этом сайте» from the popup. Host
    // access is asked for one origin at a time: a team pack's URL, or a site the agent enables.
    permissions: ['storage', 'contextMenus', 'alarms', 'activeTab', 'scripting'],
    // The helpdesks the agent script already runs on (the same install warning as the content script):
    // the script's on-demand UI is injected there with scripting.executeScript.
    host_permissions: HELPDESK_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    // The sidebar and the inline picker's list are framed into helpdesk pages. `use_dynamic_url` gives them a
    // per-session URL, so pages cannot probe for the extension or frame them themselves.
    web_accessible_resources: [
      { resources: ['sidebar.html', 'picker.html'], matches: ['<all_urls>'], use_dynamic_url: true },
    ],
  },
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'test') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...TEST_HOST_MATCHES];
      }
      // Granted up front, so e2e tests need no permission prompt: the pack server on 127.0.0.1, and
      // localhost as a site the agent enables from the popup (the agent script does not run there by itself).
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...TEST_HOST_MATCHES, 'http://localhost/*'];
    },
  },
});
