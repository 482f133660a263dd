/** The search engine as one module, so a UI can load it after its first paint (`import('…/search-engine')`). */
export { buildSearchIndexInChunks, createSearchIndex, type SearchIndex } from './search-index';
export { createSearchLexicon } from './search-lexicon';
export { searchTemplates } from './search-templates';
