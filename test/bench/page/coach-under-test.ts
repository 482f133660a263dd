/**
 * Bundled by esbuild into the coach bench's page (see coach-timing.ts): the agent's live coach exactly as
 * start-agent.ts wires it (linter from compiled rules, underlines, badge counts), with each update timed
 * through its own dependencies: `linter()` opens an update, `lint()` brackets the linter, `onFindings`
 * closes it after the underlines are painted and the badge is updated.
 */
import { createFindingCard } from '../../../lib/agent/finding-card';
import { createLauncherBadge } from '../../../lib/agent/launcher-badge';
import { createLiveCoach, type LiveCoach } from '../../../lib/agent/live-coach';
import { createRangeUnderlines } from '../../../lib/agent/range-underlines';
import { createTextControlMirror } from '../../../lib/agent/text-control-mirror';
import { readBoxText } from '../../../lib/editor/box-text';
import { isTextControl } from '../../../lib/editor/reply-box';
import { createDraftLinter, type DraftLinter, decodeCompiledRules } from '../../../lib/lint/lint-draft';
import { createLauncherBadge as createOldBadge } from '../old-coach/launcher-badge';
import { createLiveCoach as createOldCoach } from '../old-coach/live-coach';

export interface UpdateTiming {
  /** Reading the box's text (readBoxText). */
  read: number;
  lint: number;
  /** Everything after the lint: underlines (textarea mirror or rich-editor overlay) and the badge count. */
  paint: number;
  total: number;
  findings: number;
  /** False when a letter typed inside a word moved the last findings instead (DraftLinter.lintTyping). */
  linted: boolean;
}

export interface CoachBench {
  /** `before`: the coach as it was before issue 19 (test/bench/old-coach/). */
  mount(box: HTMLElement, rulesJson: string, version?: 'now' | 'before'): void;
  /** Updates timed since mount (or the last `take`), then forgotten. */
  take(): UpdateTiming[];
  /** Runs the coach's pending update now, as the send guard does (`lintNow`). */
  flush(): void;
  /** Each piece of an update alone on the box's current text, `runs` times: median ms per piece. */
  profile(runs: number): Record<string, number>;
}

const medianOf = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
function time(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 10; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return medianOf(samples);
}

let coach: LiveCoach | null = null;
let timings: UpdateTiming[] = [];
let mounted: { box: HTMLElement; linter: DraftLinter; badge: ReturnType<typeof createLauncherBadge> } | null = null;

const bench: CoachBench = {
  mount(box, rulesJson, version = 'now') {
    const signal = new AbortController().signal;
    const linter = createDraftLinter(decodeCompiledRules(rulesJson));
    let opened = 0;
    let lintStart = 0;
    let lintEnd = 0;
    let linted = true;
    const timed: DraftLinter = {
      lint: (text) => {
        linted = true;
        return timedLint(() => linter.lint(text));
      },
      lintTyping: (text) => {
        const typed = timedLint(() => linter.lintTyping(text));
        linted = typed.settled;
        return typed;
      },
    };
    /** `lint` brackets whichever the coach asked for: a lint, or the findings moved while a word is typed. */
    function timedLint<T>(run: () => T): T {
      lintStart = performance.now();
      const result = run();
      lintEnd = performance.now();
      return result;
    }
    const badge = (version === 'before' ? createOldBadge : createLauncherBadge)(document, () => undefined, signal);
    coach = (version === 'before' ? createOldCoach : createLiveCoach)(signal, {
      // The agent loads the card's code on first use; here it is in the bundle already.
      loadCard: async (actions) => createFindingCard(document, actions),
      createMirror: (target, mirrorSignal) => createTextControlMirror(target, mirrorSignal),
      createRangeUnderlines,
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
            linted,
          });
        opened = 0;
      },
      replace: async () => ({ ok: true, strategy: 'bench' }),
      record: () => undefined,
    });
    badge.attachTo(box);
    coach.attach(box);
    mounted = { box, linter, badge };
  },
  take() {
    const taken = timings;
    timings = [];
    return taken;
  },
  flush() {
    coach?.lintNow();
  },
  profile(runs) {
    const { box, linter, badge } = mounted!;
    const text = readBoxText(box);
    const findings = linter.lint(text.text);
    const pieces: Record<string, number> = {
      'read text (readBoxText)': time(() => readBoxText(box), runs),
      'lint (linter.lint)': time(() => linter.lint(text.text), runs),
    };
    if (isTextControl(box)) {
      const controller = new AbortController();
      const mirror = createTextControlMirror(box, controller.signal);
      pieces['mirror.paint (rebuild the overlay text)'] = time(() => mirror.paint(findings), runs);
      mirror.destroy();
      controller.abort();
    } else {
      pieces['StaticRange per finding (boundsOf)'] = time(
        () => findings.map((f) => text.boundsOf(f.start, f.end)),
        runs,
      );
      const marks = findings.map((f) => ({ severity: f.severity, range: text.boundsOf(f.start, f.end)! }));
      const controller = new AbortController();
      const underlines = createRangeUnderlines(box, controller.signal);
      // In a frame's terms: the rectangles read with layout clean (as in the coach's animation frame).
      pieces['underlines.paint (range rectangles, overlay)'] = time(() => underlines.paint(marks, true), runs);
      controller.abort();
    }
    pieces['badge.setFindings'] = time(() => badge.setFindings(findings), runs);
    return pieces;
  },
};

(globalThis as unknown as { coachBench: CoachBench }).coachBench = bench;
