import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../../../platform/process/project-root';

const UNITS = ['count', 'percent', 'points'] as const;
export type FigureUnit = (typeof UNITS)[number];

const figureSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
      .max(40),
    label: z.string().trim().min(3).max(120),
    unit: z.enum(UNITS),
    decimals: z.number().int().min(0).max(2).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    higherIsBetter: z.boolean().optional(),
  })
  .strict();

const fileSchema = z.object({ figures: z.array(figureSchema).min(1).max(12) }).strict();

/** One headline figure as configured, with its defaults filled in. */
export interface KeyFigureDefinition {
  id: string;
  label: string;
  unit: FigureUnit;
  decimals: number;
  min: number;
  max: number;
  /** Whether a rise is good news (true), bad news (false), or neither (undefined: the change is told without a judgement). */
  higherIsBetter?: boolean;
}

const DEFAULT_RANGE: Record<FigureUnit, [number, number]> = { count: [0, 1_000_000], percent: [0, 100], points: [-100, 100] };

export class KeyFigureConfigError extends Error {
  constructor(message: string) {
    super(`config/key-figures.yaml: ${message}`);
    this.name = 'KeyFigureConfigError';
  }
}

export const KEY_FIGURES_FILE = path.join(projectRoot(), 'config', 'key-figures.yaml');

/** Reads and checks the configured figures; throws KeyFigureConfigError naming the figure at the first problem. */
export function loadKeyFigureDefinitions(file = KEY_FIGURES_FILE): KeyFigureDefinition[] {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KeyFigureConfigError(`cannot be read (${error instanceof Error ? error.message : 'unknown error'})`);
  }
  return parseKeyFigureDefinitions(raw);
}

export function parseKeyFigureDefinitions(raw: unknown): KeyFigureDefinition[] {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new KeyFigureConfigError(`${issue?.message ?? 'is invalid'}${where}`);
  }
  const seen = new Set<string>();
  return parsed.data.figures.map((figure) => {
    if (seen.has(figure.id)) throw new KeyFigureConfigError(`figure "${figure.id}" is listed twice`);
    seen.add(figure.id);
    const [min, max] = [figure.min ?? DEFAULT_RANGE[figure.unit][0], figure.max ?? DEFAULT_RANGE[figure.unit][1]];
    if (min >= max) throw new KeyFigureConfigError(`figure "${figure.id}": min must be below max`);
    return {
      id: figure.id,
      label: figure.label,
      unit: figure.unit,
      decimals: figure.decimals ?? (figure.unit === 'count' ? 0 : 1),
      min,
      max,
      ...(figure.higherIsBetter === undefined ? {} : { higherIsBetter: figure.higherIsBetter }),
    };
  });
}
