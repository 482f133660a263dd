/**
 * A site adapter reads facts a template can use (the customer's name) off one helpdesk's page. Each adapter
 * lives in its own file, says which pages it is for and how it was observed, and has a fixture page.
 */
export interface SiteAdapter {
  id: string;
  /** Which pages it understands. */
  matches(location: Location): boolean;
  customerName(doc: Document): string | undefined;
}

/** First name only: templates greet by name («Анна, здравствуйте!»), not by full name. */
export function firstName(fullName: string | null | undefined): string | undefined {
  const first = fullName?.trim().split(/\s+/)[0];
  return first && /\p{L}/u.test(first) ? first : undefined;
}
