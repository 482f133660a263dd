/**
 * Bundled by esbuild into the coach bench's page (see coach-timing.ts): the agent's live coach exactly as
 * start-agent.ts wires it (linter from compiled rules, underlines, badge counts), with each update timed
 * through its own dependencies: `linter()` opens an update, `lint()` brackets the linter, `onFindings`
 * closes it after the underlines are painted and the badge is updated.
 */
import { createLauncherBadge } from '../../../lib/agent/launcher-badge';
import { createLiveCoach, type LiveCoach } from '../../../lib/agent/live-coach';
import { createDraftLinter, type DraftLinter, decodeCompiledRules } from '../../../lib/lint/lint-draft';

export interface UpdateTiming {
  /** Reading the box's text (readBoxText). */
  read: number;
  lint: number;
  /** Everything after the lint: underlines (mirror or Highlight API) and the badge count. */
  paint: number;
  total: number;
  findings: number;
}

export interface CoachBench {
  mount(box: HTMLElement, rulesJson: string): void;
  /** Updates timed since mount (or the last `take`), then forgotten. */
  take(): UpdateTiming[];
  /** Runs the coach's pending update now, as the send guard does (`lintNow`). */
  flush(): void;
}

let coach: LiveCoach | null = null;
let timings: UpdateTiming[] = [];

const bench: CoachBench = {
  mount(box, rulesJson) {
    const signal = new AbortController().signal;
    const linter = createDraftLinter(decodeCompiledRules(rulesJson));
    let opened = 0;
    let lintStart = 0;
    let lintEnd = 0;
    const timed: DraftLinter = {
      lint(text) {
        lintStart = performance.now();
        const findings = linter.lint(text);
        lintEnd = performance.now();
        return findings;
      },
    };
    const badge = createLauncherBadge(document, () => undefined, signal);
    coach = createLiveCoach(document, signal, {
      linter: () => {
        opened = performance.now();
        return timed;
      },
      onFindings: (findings) => {
        badge.setFindings(findings);
        const end = performance.now();
        if (opened)
          timings.push({
            read: lintStart - opened,
            lint: lintEnd - lintStart,
            paint: end - lintEnd,
            total: end - opened,
            findings: findings.length,
          });
        opened = 0;
      },
      replace: async () => ({ ok: true, strategy: 'bench' }),
      record: () => undefined,
    });
    badge.attachTo(box);
    coach.attach(box);
  },
  take() {
    const taken = timings;
    timings = [];
    return taken;
  },
  flush() {
    coach?.lintNow();
  },
};

(globalThis as unknown as { coachBench: CoachBench }).coachBench = bench;
