/**
 * Subscription URL rules, apart from fetch-pack.ts so the options page can check a URL and ask for the
 * host permission without bundling the pack parser and the lint engine.
 */

import { defineMessages } from '../i18n';
import type { FetchPackFailure } from '../model';

const t = defineMessages({
  ru: {
    notUrl: 'это не адрес: ожидается ссылка вида https://…',
    credentials: 'логин и пароль в адресе не поддерживаются: они попали бы в настройки всех агентов',
    needHttps: 'нужен адрес https://: по http:// пакет можно подменить по дороге (http разрешён только для localhost)',
    wrongScheme: (protocol: string) => `адрес должен начинаться с https://, а не ${protocol}//`,
  },
  en: {
    notUrl: 'this is not an address: expected a link like https://…',
    credentials: 'a login and password in the address are not supported: they would end up in every agent’s settings',
    needHttps:
      'an https:// address is needed: over http:// the pack can be swapped on the way (http only for localhost)',
    wrongScheme: (protocol: string) => `the address must start with https://, not ${protocol}//`,
  },
});

/** Validates a subscription URL; the options page calls it before asking for the host permission. */
export function checkPackUrl(text: string): { ok: true; url: URL } | { ok: false; failure: FetchPackFailure } {
  let url: URL;

  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, failure: { kind: 'invalid-url', message: t.notUrl } };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      failure: {
        kind: 'invalid-url',
        message: t.credentials,
      },
    };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return { ok: true, url };
  return {
    ok: false,
    failure: {
      kind: 'insecure-url',
      message: url.protocol === 'http:' ? t.needHttps : t.wrongScheme(url.protocol),
    },
  };
}

/** The origins an extension must hold a host permission for to sync this URL (for permissions.request). */
export function hostPermissionsFor(text: string): string[] {
  const checked = checkPackUrl(text);
  if (!checked.ok) return [];
  const origins = [`${checked.url.origin}/*`];
  if (checked.url.hostname === 'docs.google.com') origins.push('https://*.googleusercontent.com/*');
  return origins;
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

export function redirectAllowed(requested: URL, finalText: string): boolean {
  let final: URL;
  try {
    final = new URL(finalText);
  } catch {
    return false;
  }
  if (final.origin === requested.origin) return true;
  // Google Sheets «Publish to the web»: docs.google.com answers 307 to doc-…-sheets.googleusercontent.com.
  return (
    requested.hostname === 'docs.google.com' &&
    final.protocol === 'https:' &&
    final.hostname.endsWith('.googleusercontent.com')
  );
}
