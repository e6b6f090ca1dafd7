import type { CardAction, Feature } from '../../shared/feature';

/** Every Action.Execute verb the features registered; two features claiming one verb stop the start. */
export class VerbTable {
  private readonly verbs = new Map<string, CardAction>();

  constructor(features: readonly Feature[]) {
    for (const feature of features) {
      for (const [verb, action] of Object.entries(feature.verbs ?? {})) {
        if (this.verbs.has(verb)) throw new Error(`feature ${feature.name}: verb ${verb} is registered twice`);
        this.verbs.set(verb, action);
      }
    }
  }

  find(verb: unknown): CardAction | undefined {
    return typeof verb === 'string' ? this.verbs.get(verb) : undefined;
  }
}
