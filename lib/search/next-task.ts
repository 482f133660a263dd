/**
 * Resolves in the next task, by a message to ourselves rather than a timer: the search index is built in
 * slices between which a frame handles input, and Chromium throttles timers in hidden cross-origin frames to
 * about one a second. The sidebar and the picker frames are prepared hidden (prepare-frame.ts), so a 10k
 * build paused by `setTimeout` took a second a slice and was still going when the agent opened them. React's
 * scheduler yields the same way.
 */
export function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
