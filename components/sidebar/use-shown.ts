import { type RefObject, useEffect, useState } from 'react';

/**
 * Whether the agent has seen this sidebar yet, and a callback each time it comes into view. A frame may be
 * prepared long before it is opened (lib/agent/prepare-frame.ts), hidden and inert: what belongs to an
 * opening (taking the pack changes to show, reading the page the agent is on now) waits until the frame is
 * really shown. The frame cannot be shown behind the agent's back: the host gives up a prepared frame the
 * page unhides. An IntersectionObserver sees the frame's own visibility in the page (display: none while
 * hidden), so no message is needed for it.
 */
export function useShown(ref: RefObject<Element | null>, onShown: () => void): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setShown(true);
        onShown();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, onShown]);
  return shown;
}
