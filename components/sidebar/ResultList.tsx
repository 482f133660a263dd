import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { StoredTemplate } from '@/lib/model';
import { t } from './messages';
import { ShortcutChip } from './ShortcutChip';

export interface ResultListProps {
  results: readonly StoredTemplate[];
  active: number;
  onActive(index: number): void;
  onChoose(template: StoredTemplate): void;
}

/** The id of a result's option, for the search box's `aria-activedescendant`. */
export const optionId = (template: StoredTemplate) => `option-${template.key}`;

/**
 * The search results as a listbox, virtualized (a 10k library renders a screenful of options), keeping the
 * active option scrolled into view as ↑/↓ move it.
 */
export function ResultList({ results, active, onActive, onChoose }: ResultListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => 56,
    overscan: 6,
    // A prepared frame waits hidden (display: none), where the list has no size yet: render a screenful
    // anyway, so that showing it only lays out options already there instead of rendering them first.
    initialRect: { width: 380, height: 720 },
  });

  useEffect(() => {
    if (results.length > 0) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, results.length, virtualizer]);

  return (
    <div ref={listRef} className="results" id="sufler-results" role="listbox" aria-label={t.results}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const template = results[item.index];
          const selected = item.index === active;
          return (
            <div
              key={template.key}
              id={optionId(template)}
              role="option"
              aria-selected={selected}
              tabIndex={-1}
              className="result"
              style={{ transform: `translateY(${item.start}px)` }}
              onMouseEnter={() => onActive(item.index)}
              onClick={() => onChoose(template)}
              onKeyDown={(event) => event.key === 'Enter' && onChoose(template)}
            >
              <span className="title">{template.title}</span>
              <span className="meta">
                {template.category}
                {template.shortcut && <ShortcutChip shortcut={template.shortcut} />}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
