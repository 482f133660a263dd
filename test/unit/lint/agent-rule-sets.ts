import { resolve } from 'node:path';
import { compileDraftRules } from '../../../lib/lint/compile-draft-rules';
import { decodeCompiledRules, encodeCompiledRules } from '../../../lib/lint/lint-draft';
import { buildPackFromDir } from '../../../lib/packs/build-pack';

/** The bundled pack's rules on the agent's path: compiled in the background, sent as JSON, decoded in the page. */
export async function agentRuleSets() {
  const { pack } = await buildPackFromDir(resolve(import.meta.dirname, '../../../templates'));
  if (!pack) throw new Error('templates/ does not build');
  return decodeCompiledRules(encodeCompiledRules(compileDraftRules([{ packId: pack.id, ...pack }])));
}
