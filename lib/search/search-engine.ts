/** The search engine as one module, so a UI can load it after its first paint (`import('…/search-engine')`). */
export { createSearchIndex, type SearchIndex } from './search-index';
export { searchTemplates } from './search-templates';
