import { PNG } from 'pngjs';

/** How many pixels of a PNG (a screenshot) are within `tolerance` of `hex` on every channel: "is the bar drawn?". */
export function pixelsNear(png: Buffer, hex: string, tolerance = 24): number {
  const image = PNG.sync.read(png);
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (
      Math.abs(image.data[i]! - r) <= tolerance &&
      Math.abs(image.data[i + 1]! - g) <= tolerance &&
      Math.abs(image.data[i + 2]! - b) <= tolerance
    )
      count++;
  }
  return count;
}
