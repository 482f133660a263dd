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

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * The next task at background priority (`scheduler.postTask`), so that work in slices (building a search index)
 * runs only when the frame's process has nothing more urgent: a sidebar frame being opened shares its
 * process with the other extension frames of the tab (the prepared picker builds its own index), and their
 * slices would otherwise come between its click and its first frame. Like `nextTask`, never a timer.
 */
export function nextBackgroundTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  return scheduler ? scheduler.postTask(() => undefined, { priority: 'background' }) : nextTask();
}
