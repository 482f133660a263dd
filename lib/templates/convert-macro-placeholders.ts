/**
 * Helpdesk macros (Zendesk, Freshdesk, Intercom, Usedesk …) write fill-ins as `{{…}}` Liquid/Handlebars
 * variables. On import they become our `[…]` placeholders, so that one syntax lives in the library.
 * The variables every helpdesk has for the customer's and the agent's name map onto our known names and
 * then fill themselves; any other variable keeps its name and is asked for at insert time.
 * Text that already uses `[…]` is left as it is: our own source material mixes both.
 */
const KNOWN_VARIABLES: Record<string, string> = {
  'ticket.requester.first_name': 'Имя',
  'ticket.requester.firstname': 'Имя',
  'ticket.requester.name': 'Имя',
  'requester.first_name': 'Имя',
  'requester.name': 'Имя',
  'contact.first_name': 'Имя',
  'contact.name': 'Имя',
  'client.name': 'Имя',
  client_name: 'Имя',
  first_name: 'Имя',
  name: 'Имя',
  'current_user.first_name': 'Имя агента',
  'current_user.name': 'Имя агента',
  'ticket.agent.name': 'Имя агента',
  'ticket.agent.first_name': 'Имя агента',
  'agent.name': 'Имя агента',
  'agent.first_name': 'Имя агента',
  agent_name: 'Имя агента',
  agent_first_name: 'Имя агента',
  'ticket.id': 'номер обращения',
};

export function convertMacroPlaceholders(text: string): string {
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (whole, inner: string) => {
    // Liquid filters and Intercom fallbacks (`first_name | capitalize`, `name|fallback:"…"`) are formatting
    // hints of the source helpdesk; a bar would otherwise read as our gendered form.
    const name = inner
      .split('|')[0]
      .replace(/[[\]\\]/g, '')
      .trim();
    if (!name) return whole;
    return `[${KNOWN_VARIABLES[name.toLowerCase()] ?? name}]`;
  });
}
