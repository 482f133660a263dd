import { useState } from 'react';
import { LearnedSites } from './LearnedSites';
import { LibraryManager } from './LibraryManager';
import { LintStats } from './LintStats';
import { SettingsForm } from './SettingsForm';
import { type RequestOrigins, TeamPacks } from './TeamPacks';

const TABS = [
  { id: 'library', label: 'Библиотека' },
  { id: 'packs', label: 'Пакеты команды' },
  { id: 'stats', label: 'Статистика' },
  { id: 'settings', label: 'Настройки' },
] as const;

type TabId = (typeof TABS)[number]['id'];

/** The options page: the library manager and the agent's settings. `#edit=<key>` opens a template's editor. */
export function OptionsView({ requestOrigins }: { requestOrigins: RequestOrigins }) {
  const hash = new URLSearchParams(location.hash.slice(1));
  const [tab, setTab] = useState<TabId>((hash.get('tab') as TabId) ?? 'library');
  return (
    <main className="options">
      <header>
        <h1>Суфлёр</h1>
        <div role="tablist" aria-label="Разделы">
          {TABS.map((item) => (
            <button
              key={item.id}
              type="button"
              role="tab"
              aria-selected={tab === item.id}
              onClick={() => setTab(item.id)}
            >
              {item.label}
            </button>
          ))}
        </div>
      </header>
      <div role="tabpanel" aria-label={TABS.find((item) => item.id === tab)?.label}>
        {tab === 'library' && <LibraryManager initialEditKey={hash.get('edit') ?? undefined} />}
        {tab === 'packs' && <TeamPacks requestOrigins={requestOrigins} />}
        {tab === 'stats' && <LintStats />}
        {tab === 'settings' && (
          <>
            <SettingsForm />
            <LearnedSites />
          </>
        )}
      </div>
    </main>
  );
}
