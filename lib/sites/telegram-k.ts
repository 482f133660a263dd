import type { SiteEvidence, SiteProfile } from './site-profile';

/** Telegram Web K lives under /k/ and routes chats in the hash (`/k/#@username`, `/k/#-100…`). */
const WEB_K = /\/k\/(?:[?#]|$)/;

/**
 * Telegram Web K (morethanwords/tweb), the open-source client at web.telegram.org/k/, where shops answer
 * customers who write to their Telegram account. Its DOM is built in plain TypeScript:
 * - each chat is a `div.chat.tabs-tab` (components/chat/chat.ts); the one shown has `active`, the one slid away
 *   loses it when the transition ends (components/transition.ts @ 04982cb0c36d47fb82e5544dfb12ae127059e892), and
 *   tweb keeps earlier chats in the DOM, so the locator starts at `.chat.active`;
 * - its top bar is `div.sidebar-header.topbar > div.chat-info-container > div.chat-info > div.person >
 *   div.content > div.top > div.user-title` (components/chat/topbar.ts @ 010f59fc2221fa9443caa3cc536e78dc27d0c62b,
 *   `construct`), which holds the customer's name as a PeerTitle: `span.peer-title` with `data-peer-id`
 *   (components/peerTitle.ts @ 0c8a6cf975cb56b035d72de76b4a70c4da2c0c89).
 * A chat has no ticket or order number of its own: only the name is read; the rest stays in the form, pre-filled
 * with what the agent typed earlier in this chat. Not declared: the icon-only send button (not verified here).
 */
export const telegramK: SiteProfile = {
  id: 'telegram-k',
  matches: ['https://web.telegram.org/*'],
  recognizes: (_doc, location) => WEB_K.test(location.href),
  fields: {
    customerName: { selector: '.chat.active .topbar .chat-info .user-title .peer-title' },
  },
};

export const telegramKEvidence: SiteEvidence = {
  product: 'Telegram Web K',
  why: 'TypeScript DOM of morethanwords/tweb src/components (files and commits above)',
  fixtures: [
    {
      page: 'telegram-k.html',
      query: '?route=/k/#@anna_smirnova',
      expect: { customerName: 'Анна Смирнова', firstName: 'Анна' },
    },
  ],
};
