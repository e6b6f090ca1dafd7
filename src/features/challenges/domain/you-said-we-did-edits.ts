import { DomainError } from '../../../shared/errors/domain-error';
import { PERSONAL_DATA_DESCRIPTIONS, findPersonalData } from './personal-data-guard';
import { MAX_ITEM_TEXT, type YouSaidWeDid, namesIn } from './you-said-we-did';

/** The boxes of the edit form: `intro` on the first page, `said_<n>` / `did_<n>` for item n. */
export type SummaryField = string;

/** The officer's edits were refused: an error per box and what was typed, to redraw the form with nothing lost. */
export class SummaryEditError extends DomainError {
  constructor(
    readonly fieldErrors: Record<SummaryField, string>,
    readonly typed: YouSaidWeDid,
  ) {
    super('invalid_input', 'Nothing was saved: please check the boxes marked below.');
    this.name = 'SummaryEditError';
  }
}

/**
 * Applies the boxes of one page of the edit form to `summary` (pure). Every box is checked the way
 * the challenge cards' free text is: no child's personal details (phone, e-mail, address, date of
 * birth, official numbers, a name with an age), no name of a person the bot knows (the summary is
 * told without names), not empty, at most MAX_ITEM_TEXT characters. A box the submission does not
 * carry (another page's, or an old card's) keeps its words. Throws SummaryEditError when any box
 * is wrong, so nothing is saved.
 */
export function applySummaryEdits(
  summary: YouSaidWeDid,
  input: Record<string, unknown>,
  page: { first: number; end: number },
  knownNames: readonly string[],
): Pick<YouSaidWeDid, 'intro' | 'items'> {
  const errors: Record<SummaryField, string> = {};
  const box = (field: SummaryField, kept: string): string => {
    const raw = input[field];
    if (raw === undefined) return kept;
    if (typeof raw !== 'string') {
      errors[field] = 'This box could not be read. Type the words again.';
      return kept;
    }
    const text = raw.replace(/\s+/g, ' ').trim();
    const problem = boxProblem(text, knownNames);
    if (problem) errors[field] = problem;
    // What was typed is kept (capped) so the form comes back with it; it is stored only once every box is right.
    return text.slice(0, MAX_ITEM_TEXT * 2);
  };
  const intro = page.first === 0 ? box('intro', summary.intro) : summary.intro;
  const items = summary.items.map((item, index) =>
    index < page.first || index >= page.end
      ? item
      : { ...item, youSaid: box(`said_${index}`, item.youSaid), weDid: box(`did_${index}`, item.weDid) },
  );
  if (Object.keys(errors).length > 0) throw new SummaryEditError(errors, { ...summary, intro, items });
  return { intro, items };
}

function boxProblem(text: string, knownNames: readonly string[]): string | undefined {
  if (text.length === 0) return 'Write something here: the young people read every line.';
  if (text.length > MAX_ITEM_TEXT)
    return `Keep this to ${MAX_ITEM_TEXT} characters (it has ${text.length}): short sentences are easier to read.`;
  const kinds = findPersonalData(text);
  if (kinds.length > 0)
    return `This looks like it contains ${joinAnd(kinds.map((kind) => PERSONAL_DATA_DESCRIPTIONS[kind]))}. The summary goes to young people and members: please take it out.`;
  if (namesIn(text, knownNames))
    return 'This names a person. "You said, we did" is told without names: say "a councillor" or "the participation team" instead.';
  return undefined;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
