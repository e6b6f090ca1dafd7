import type { Chart, ChartRenderer } from './chart-renderer';

/** An image for an Adaptive Card: a PNG data URI and its alt text. */
export interface CardImage {
  url: string;
  altText: string;
}

/**
 * The largest chart a card carries. Teams refuses cards over about 28 KB, and a report card's own
 * text takes a few KB, so the image (base64, a third larger than the PNG) must stay well under that.
 */
export const MAX_CARD_IMAGE_BYTES = 16 * 1024;
const SCALES = [1, 0.8, 0.65];

/**
 * The chart as a data URI small enough for a card: drawn at full size, smaller if need be, or
 * undefined (the card then shows its figures alone) when even the smallest is too big.
 */
export function cardImage(renderer: ChartRenderer, chart: Chart, maxBytes = MAX_CARD_IMAGE_BYTES): CardImage | undefined {
  for (const scale of SCALES) {
    const url = `data:image/png;base64,${renderer.png(chart, scale).toString('base64')}`;
    if (url.length <= maxBytes) return { url, altText: chart.altText };
  }
  return undefined;
}
