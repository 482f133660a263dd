import { SEVERITIES, SEVERITY_COLORS } from '../../../lib/agent/severity-colors';
import { OWN_UI_ATTRIBUTE } from '../../../lib/editor/reply-box';
import type { Finding, Severity } from '../../../lib/model';

/**
 * `CSS.highlights` is a registry the page reads too: names made up per agent start say nothing about us or
 * the rules. What the page can learn is where the underlines are and their colour, as the agent sees them.
 */
const PREFIX = `h${crypto.randomUUID().slice(0, 8)}`;
const NAME = (severity: Severity) => `${PREFIX}-${SEVERITIES.indexOf(severity)}`;
const STYLE_ID = `${PREFIX}-style`;

interface HighlightApi {
  highlights: Map<string, unknown>;
}
declare const Highlight: { new (...ranges: Range[]): unknown };

/**
 * Wavy underlines for DOM text through the CSS Custom Highlight API: the editor's DOM is never touched, so
 * ProseMirror, Lexical, Quill and friends do not see foreign nodes or re-render them away. Highlights are
 * registered per document; the `::highlight()` style must live in the tree the text is in, so an editor in a
 * shadow root gets its own copy of the rule.
 */
export function paintHighlights(root: Document | ShadowRoot, findings: readonly (Finding & { range: Range })[]): void {
  const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : (root as ShadowRoot).ownerDocument;
  const registry = (doc.defaultView?.CSS as unknown as HighlightApi | undefined)?.highlights;
  if (!registry) return;
  ensureStyle(root);
  for (const severity of SEVERITIES) {
    const ranges = findings.filter((finding) => finding.severity === severity).map((finding) => finding.range);
    if (ranges.length === 0) registry.delete(NAME(severity));
    else registry.set(NAME(severity), new Highlight(...ranges));
  }
}

export function clearHighlights(doc: Document): void {
  const registry = (doc.defaultView?.CSS as unknown as HighlightApi | undefined)?.highlights;
  for (const severity of SEVERITIES) registry?.delete(NAME(severity));
}

function ensureStyle(root: Document | ShadowRoot): void {
  const host =
    root.nodeType === Node.DOCUMENT_NODE ? ((root as Document).head ?? (root as Document).documentElement) : root;
  if (host.querySelector?.(`#${STYLE_ID}`)) return;
  const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : (root as ShadowRoot).ownerDocument;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.setAttribute(OWN_UI_ATTRIBUTE, '');
  style.textContent = SEVERITIES.map(
    (severity) =>
      `::highlight(${NAME(severity)}) { text-decoration: underline wavy ${SEVERITY_COLORS[severity]} !important; text-decoration-skip-ink: none; text-underline-offset: 3px; }`,
  ).join('\n');
  host.appendChild(style);
}
