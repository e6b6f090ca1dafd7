/**
 * One paragraph (or one bullet) of a source document, quoted verbatim when no authored answer is
 * confident. Cited by document and section like every other answer.
 */
export interface SourcePassage {
  /** `source-<file>-<n>`: stable while the file's passages keep their order. */
  id: string;
  document: string;
  /** How a quote from this document is introduced: "The terms of reference say". */
  says: string;
  section: string;
  text: string;
  /** The paragraph that introduces a bullet ("The Corporate Parenting Panel is accountable:"): searched, never quoted. */
  leadIn?: string;
}
