/**
 * A knowledge file an officer edited is unusable. Thrown at start-up so a broken entry never reaches
 * members; the message names the file and the entry so it can be fixed without reading code.
 */
export class KnowledgeLoadError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string | undefined,
    readonly problem: string,
  ) {
    super(entry === undefined ? `${file}: ${problem}` : `${file}: entry ${entry}: ${problem}`);
    this.name = 'KnowledgeLoadError';
  }
}
