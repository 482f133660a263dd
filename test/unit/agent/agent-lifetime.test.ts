import { describe, expect, it } from 'vitest';
import { agentLifetime } from '../../../lib/agent/agent-lifetime';

const STARTED = 'our-id:agent:wxt:content-script-started';

describe('the agent lifetime', () => {
  it('ignores a started event while the extension is alive (a page forging it), ends when it is orphaned', () => {
    const doc = new EventTarget() as unknown as Document;
    let alive = true;
    const signal = agentLifetime({ doc, isExtensionAlive: () => alive, startedEvent: STARTED });
    doc.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName: 'agent', messageId: 'forged' } }));
    expect(signal.aborted).toBe(false);
    alive = false; // the extension was updated: this copy's context is gone, a new copy announces itself
    doc.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName: 'agent', messageId: 'new' } }));
    expect(signal.aborted).toBe(true);
  });

  it('hands over to a second copy started in the same isolated world', () => {
    const doc = new EventTarget() as unknown as Document;
    const first = agentLifetime({ doc, isExtensionAlive: () => true, startedEvent: STARTED });
    const second = agentLifetime({ doc, isExtensionAlive: () => true, startedEvent: STARTED });
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
  });
});
