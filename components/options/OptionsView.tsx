import * as Tabs from '@radix-ui/react-tabs';
import { type ReactNode, useEffect, useState } from 'react';
import { applyDocumentLocale, defineMessages } from '@/lib/i18n';
import { LearnedSites } from './LearnedSites';
import { LibraryManager } from './LibraryManager';
import { LintStats } from './LintStats';
import { SettingsForm } from './SettingsForm';
import { type RequestOrigins, TeamPacks } from './TeamPacks';

const t = defineMessages({
  ru: {
    name: 'Суфлёр',
    pageTitle: 'Суфлёр — библиотека',
    sections: 'Разделы',
    library: 'Библиотека',
    packs: 'Пакеты команды',
    stats: 'Статистика',
    settings: 'Настройки',
  },
  en: {
    name: 'Sufler',
    pageTitle: 'Sufler — library',
    sections: 'Sections',
    library: 'Library',
    packs: 'Team packs',
    stats: 'Statistics',
    settings: 'Settings',
  },
});

interface Context {
  requestOrigins: RequestOrigins;
  editKey: string | undefined;
}

/** One record per tab: the id in `#tab=`, the label (read at render, so it follows the locale), the panel. */
interface OptionsTab {
  id: string;
  readonly label: string;
  render(context: Context): ReactNode;
}

const TABS: readonly OptionsTab[] = [
  {
    id: 'library',
    get label() {
      return t.library;
    },
    render: ({ editKey }) => <LibraryManager initialEditKey={editKey} />,
  },
  {
    id: 'packs',
    get label() {
      return t.packs;
    },
    render: ({ requestOrigins }) => <TeamPacks requestOrigins={requestOrigins} />,
  },
  {
    id: 'stats',
    get label() {
      return t.stats;
    },
    render: () => <LintStats />,
  },
  {
    id: 'settings',
    get label() {
      return t.settings;
    },
    render: () => (
      <>
        <SettingsForm />
        <LearnedSites />
      </>
    ),
  },
];

/** An unknown or missing `#tab=` opens the library rather than an empty panel. */
const tabFromHash = (hash: URLSearchParams) => TABS.find((tab) => tab.id === hash.get('tab'))?.id ?? TABS[0].id;

/**
 * The options page: the library manager, team packs, statistics and the agent's settings, as ARIA tabs
 * (Radix Tabs: roving focus, arrow keys, Home/End, `aria-controls`). `#tab=<id>` opens a tab, `#edit=<key>`
 * a template's editor.
 */
export function OptionsView({ requestOrigins }: { requestOrigins: RequestOrigins }) {
  const hash = new URLSearchParams(location.hash.slice(1));
  const [tab, setTab] = useState(() => tabFromHash(hash));
  const [editKey] = useState(() => hash.get('edit') ?? undefined);
  useEffect(() => applyDocumentLocale(t.pageTitle), []);
  return (
    <Tabs.Root
      className="options"
      asChild
      value={tab}
      onValueChange={(next) => {
        setTab(next);
        // The chosen tab survives a reload and a change of Настройки → Язык интерфейса (App.tsx renders anew).
        history.replaceState(null, '', `#tab=${next}`);
      }}
    >
      <main>
        <header>
          <h1>{t.name}</h1>
          <Tabs.List aria-label={t.sections}>
            {TABS.map((item) => (
              <Tabs.Trigger key={item.id} value={item.id}>
                {item.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </header>
        {TABS.map((item) => (
          <Tabs.Content key={item.id} value={item.id}>
            {item.render({ requestOrigins, editKey })}
          </Tabs.Content>
        ))}
      </main>
    </Tabs.Root>
  );
}
