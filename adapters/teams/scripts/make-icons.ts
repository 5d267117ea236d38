import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './png';

/**
 * Draws the app icons (a globe: diplomacy across borders) and writes them to appPackage/:
 * color.png, 192x192 on the accent colour, and outline.png, 32x32, white on transparent, as Teams
 * asks. Run once after changing the design: `node -r ts-node/register/transpile-only adapters/teams/scripts/make-icons.ts`.
 */
export const ACCENT = { r: 0x1f, g: 0x4e, b: 0x79 };

type Shape = (x: number, y: number) => boolean;

function globe(size: number, radius: number, stroke: number): Shape {
  const c = size / 2;
  const half = stroke / 2;
  return (x, y) => {
    const dx = x - c;
    const dy = y - c;
    const d = Math.hypot(dx, dy);
    if (Math.abs(d - radius) <= half) return true; // rim
    if (d > radius) return false;
    if (Math.abs(dy) <= half) return true; // equator
    if (Math.abs(dx) <= half) return true; // central meridian
    for (const k of [-0.5, 0.5]) if (Math.abs(dy - k * radius) <= half * 0.8) return true; // parallels
    const rx = radius * 0.5;
    const e = Math.hypot(dx / rx, dy / radius);
    return Math.abs(e - 1) * rx <= half; // side meridians
  };
}

/** Anti-aliased by 4x4 supersampling: `shape` is white, the rest `background` (or transparent). */
export function render(size: number, shape: Shape, background?: { r: number; g: number; b: number }): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) if (shape(x + (sx + 0.5) / n, y + (sy + 0.5) / n)) hits++;
      const a = hits / (n * n);
      const i = (y * size + x) * 4;
      if (background) {
        px[i] = Math.round(background.r + (255 - background.r) * a);
        px[i + 1] = Math.round(background.g + (255 - background.g) * a);
        px[i + 2] = Math.round(background.b + (255 - background.b) * a);
        px[i + 3] = 255;
      } else {
        px[i] = 255;
        px[i + 1] = 255;
        px[i + 2] = 255;
        px[i + 3] = Math.round(255 * a);
      }
    }
  }
  return px;
}

export function makeIcons(dir: string): void {
  writeFileSync(join(dir, 'color.png'), encodePng(192, 192, render(192, globe(192, 62, 9), ACCENT)));
  writeFileSync(join(dir, 'outline.png'), encodePng(32, 32, render(32, globe(32, 13, 2))));
}

if (require.main === module) makeIcons(join(__dirname, '..', 'appPackage'));
