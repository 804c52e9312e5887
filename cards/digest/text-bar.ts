/**
 * A bar made of text, so a figure reads at a glance in any Teams client: "■■■■□□ 4/6".
 * Filled squares are what was used, open squares what is left; use beyond the total adds
 * squares past it ("■■■■■■■ 7/6"). Long bars are scaled down to MAX_SQUARES.
 */
const FILLED = '■';
const OPEN = '□';
const MAX_SQUARES = 12;

export function textBar(used: number, of: number): string {
  const cells = Math.max(used, of);
  const scale = cells > MAX_SQUARES ? MAX_SQUARES / cells : 1;
  const filled = Math.round(used * scale);
  const open = Math.max(0, Math.round(of * scale) - filled);
  const squares = FILLED.repeat(filled) + OPEN.repeat(open);
  return `${squares || '–'} ${used}/${of}`;
}
