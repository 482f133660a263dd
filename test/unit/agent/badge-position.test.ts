import { describe, expect, it } from 'vitest';
import { badgePosition } from '@/lib/agent/launcher-badge';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const overlaps = (p: { x: number; y: number }, b: ReturnType<typeof box>) =>
  p.x < b.right && p.x + 26 + 8 > b.left && p.y - 8 < b.bottom && p.y + 26 > b.top;

describe('badgePosition', () => {
  const viewport = { width: 1366, height: 900 };

  it('sits right of the bottom-right corner when the window has room there', () => {
    const reply = box(500, 600, 1000, 760);
    expect(badgePosition(reply, viewport)).toEqual({ x: 1004, y: 734 });
    expect(overlaps(badgePosition(reply, viewport), reply)).toBe(false);
  });

  it('goes above the top-right corner for a box that reaches the window’s right edge', () => {
    const reply = box(540, 640, 1346, 800);
    const at = badgePosition(reply, viewport);
    expect(at.y).toBeLessThan(reply.top);
    expect(overlaps(at, reply)).toBe(false);
  });

  it('goes below a full-width box at the very top of the window', () => {
    const reply = box(0, 2, 1366, 300);
    const at = badgePosition(reply, viewport);
    expect(at.y).toBeGreaterThan(reply.bottom);
    expect(overlaps(at, reply)).toBe(false);
  });

  it('falls back to the inside corner only when the box fills the window', () => {
    const reply = box(0, 0, 1366, 900);
    expect(badgePosition(reply, viewport)).toEqual({ x: 1334, y: 868 });
  });
});
