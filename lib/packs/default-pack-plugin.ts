import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildPackFromDir } from './build-pack';

const VIRTUAL_ID = 'virtual:sufler-default-pack';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Compiles the bundled default pack (`templates/`, authoring format) at build time, so the extension
 * ships ready pack JSON and never carries the YAML parser or the morphology dictionaries.
 * A pack with errors fails the build with every error listed.
 */
export function defaultPackPlugin(dir = resolve(import.meta.dirname, '../../templates')): Plugin {
  return {
    name: 'sufler-default-pack',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(dir);
      const { pack, errors } = await buildPackFromDir(dir);
      if (!pack) {
        throw new Error(
          `templates/: the default pack has errors:\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`,
        );
      }
      const json = JSON.stringify(pack);
      const hash = createHash('sha256').update(json).digest('hex');
      return `export default ${json};\nexport const contentHash = ${JSON.stringify(hash)};`;
    },
  };
}
