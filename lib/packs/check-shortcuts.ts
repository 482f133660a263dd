import { defineMessages } from '../i18n';
import type { DataError, Pack } from '../model';
import { findDuplicateShortcuts } from '../templates/template-shortcuts';

const t = defineMessages({
  ru: {
    taken: (id: string, shortcut: string, first: string) =>
      `шаблон «${id}»: сокращение «${shortcut}» уже у шаблона «${first}» — после «/» развернётся только один; выберите другое`,
  },
  en: {
    taken: (id: string, shortcut: string, first: string) =>
      `template “${id}”: the shortcut “${shortcut}” is already used by “${first}”; after “/” only one of them expands, choose another`,
  },
});

/**
 * Templates of one pack that share a shortcut (case and ё aside). Typed after «/» and a space, a shortcut
 * expands to one template only (the first in library order), so `sufler pack check` reports the later ones
 * where the lead can fix them. Not an install error: a pack that has them still works, and refusing a
 * whole team pack over a shortcut would cost the agents every template in it.
 */
export function checkShortcuts(pack: Pick<Pack, 'templates'>): DataError[] {
  const indexed = pack.templates.map((template, index) => ({ ...template, index }));
  return findDuplicateShortcuts(indexed).flatMap(([first, ...others]) =>
    others.map((other) => ({
      path: `templates[${other.index}].shortcut`,
      message: t.taken(other.id, other.shortcut ?? '', first.id),
    })),
  );
}
