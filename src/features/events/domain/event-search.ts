import type { ParticipationEvent } from './event';

const WORD = /[a-z0-9]+/g;
/** Words that say nothing about which event is meant ("attendees for the awards"). */
const FILLER = new Set(['the', 'a', 'an', 'for', 'of', 'event', 'events', 'attendees', 'at', 'on', 'to']);

/**
 * The events whose title holds every meaningful word of `query` (case and punctuation ignored),
 * upcoming ones first (soonest first), then past ones (latest first). For "attendees for
 * <event>": one match can be shown at once; several are offered as a choice.
 */
export function matchEventsByTitle(events: readonly ParticipationEvent[], query: string, nowUtc: string): ParticipationEvent[] {
  const wanted = words(query).filter((word) => !FILLER.has(word));
  if (wanted.length === 0) return [];
  const matches = events.filter((event) => {
    const title = new Set(words(event.title));
    return wanted.every((word) => title.has(word) || [...title].some((t) => t.startsWith(word) && word.length >= 3));
  });
  const upcoming = matches.filter((e) => e.endUtc > nowUtc).sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  const past = matches.filter((e) => e.endUtc <= nowUtc).sort((a, b) => b.startUtc.localeCompare(a.startUtc));
  return [...upcoming, ...past];
}

function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
