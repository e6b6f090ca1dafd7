import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { View, parse } from 'vega';
import { type TopLevelSpec, compile } from 'vega-lite';
import { projectRoot } from '../process/project-root';

/** The typeface charts are drawn in, shipped in assets/fonts/ so no system font is needed. */
export const CHART_FONT = 'DejaVu Sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/** A chart drawn once as SVG; its PNG can be made at any scale (cards small, documents sharp). */
export interface Chart {
  svg: string;
  /** Width and height in CSS pixels at scale 1. */
  width: number;
  height: number;
  /** What the chart shows, in words: the image's alt text in cards and documents. */
  altText: string;
}

/** A chart for one report: the Vega-Lite spec and its alt text. */
export interface ChartSpec {
  spec: TopLevelSpec;
  altText: string;
}

/**
 * Server-side charts: Vega-Lite (a maintained charting grammar) compiles the spec to Vega, a
 * headless Vega view draws SVG (no canvas, no browser), and resvg (Rust, a prebuilt binary inside
 * its npm package) turns the SVG into PNG with our own font files and no system fonts, so the
 * same chart comes out on every machine. Nothing here touches the network.
 */
export class ChartRenderer {
  private readonly fontFiles: string[];

  constructor(fontDirectory = path.join(projectRoot(), 'assets', 'fonts')) {
    this.fontFiles = FONT_FILES.map((file) => path.join(fontDirectory, file));
  }

  async draw(chart: ChartSpec): Promise<Chart> {
    const vegaSpec = compile({ ...chart.spec, config: { ...CHART_CONFIG, ...(chart.spec.config ?? {}) } }).spec;
    const view = new View(parse(vegaSpec), { renderer: 'none' });
    try {
      const svg = await view.toSVG();
      const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
      return { svg, width: Math.round(Number(size?.[1] ?? 0)), height: Math.round(Number(size?.[2] ?? 0)), altText: chart.altText };
    } finally {
      view.finalize();
    }
  }

  /** The chart as PNG at `scale` (2 for print, 1 for cards). */
  png(chart: Chart, scale = 1): Buffer {
    const resvg = new Resvg(chart.svg, {
      fitTo: { mode: 'zoom', value: scale },
      background: 'white',
      font: { loadSystemFonts: false, fontFiles: this.fontFiles, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    });
    return resvg.render().asPng();
  }
}

/** Plain, legible and print-friendly: white ground, our font, a colour-blind-safe palette. */
const CHART_CONFIG = {
  font: CHART_FONT,
  background: 'white',
  padding: 8,
  title: { fontSize: 14, anchor: 'start' as const, offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 220 },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 220 },
  range: { category: ['#1f5f99', '#e08a1e', '#3a9a5b', '#c23b3b', '#7b5ea7', '#8c6d31', '#5a8fc9', '#7f7f7f'] },
  view: { stroke: null },
};
