/**
 * Draws the Teams app icons with pngjs and writes them to manifest/:
 *   color.png    192x192, white house with a heart (care) on the accent colour
 *   outline.png  32x32, white house with a door, on a transparent background (only white and transparent pixels)
 *
 *   node --import tsx scripts/make-icons.ts
 *
 * The PNGs are committed; run this again only when the design changes.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

export type Rgba = readonly [number, number, number, number];
/** Colour at a point in unit coordinates (0..1, y down); null means transparent. */
type Paint = (x: number, y: number) => Rgba | null;

/** manifest.json accentColor: the colour icon's background. */
export const ACCENT: Rgba = [0x00, 0x70, 0x7a, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const HEART: Rgba = [0xf2, 0x8c, 0x28, 255];

type Point = readonly [number, number];

function inTriangle(x: number, y: number, a: Point, b: Point, c: Point): boolean {
  const side = (p: Point, q: Point) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function inRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number): boolean {
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/** House silhouette: roof, body and chimney. */
function inHouse(x: number, y: number): boolean {
  return (
    inTriangle(x, y, [0.5, 0.14], [0.08, 0.5], [0.92, 0.5]) ||
    inRect(x, y, 0.2, 0.46, 0.8, 0.86) ||
    inRect(x, y, 0.66, 0.2, 0.76, 0.4)
  );
}

/** Classic implicit heart, (u² + v² − 1)³ − u²v³ ≤ 0, centred at (cx, cy) with scale s. */
function inHeart(x: number, y: number, cx: number, cy: number, s: number): boolean {
  const u = (x - cx) / s;
  const v = -(y - cy) / s;
  const q = u * u + v * v - 1;
  return q * q * q - u * u * v * v * v <= 0;
}

/** Renders with n×n supersampling; colours are averaged with premultiplied alpha. */
export function render(size: number, paint: Paint, n = 4): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const colour = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!colour) continue;
          const alpha = colour[3] / 255;
          r += colour[0] * alpha;
          g += colour[1] * alpha;
          b += colour[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      // Fully transparent pixels are stored as transparent white, so scaled-down copies get no dark fringe.
      png.data[i] = a > 0 ? Math.round(r / a) : 255;
      png.data[i + 1] = a > 0 ? Math.round(g / a) : 255;
      png.data[i + 2] = a > 0 ? Math.round(b / a) : 255;
      png.data[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return png;
}

export function drawColorIcon(): PNG {
  return render(192, (x, y) => {
    if (inHeart(x, y, 0.5, 0.66, 0.1)) return HEART;
    if (inHouse(x, y)) return WHITE;
    return ACCENT;
  });
}

export function drawOutlineIcon(): PNG {
  return render(32, (x, y) => {
    if (inRect(x, y, 0.41, 0.6, 0.59, 0.9)) return null; // door, cut out
    return inHouse(x, y) ? WHITE : null;
  });
}

export function encode(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

async function main(): Promise<void> {
  const dir = fileURLToPath(new URL('../manifest/', import.meta.url));
  for (const [name, png] of [
    ['color.png', drawColorIcon()],
    ['outline.png', drawOutlineIcon()],
  ] as const) {
    await writeFile(path.join(dir, name), encode(png));
    console.log(`Wrote manifest/${name} (${png.width}x${png.height})`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
