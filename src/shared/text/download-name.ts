import { inLondon } from '../../platform/time/london';

/**
 * A safe download name from a title and the London date it is about:
 * 'corporate-parenting-panel-2026-03-17.ics', 'summer-activity-day-attendees-2027-07-14.csv'.
 * Only lower-case letters, digits and single hyphens survive, so no title can make a path.
 */
export function datedDownloadName(
  title: string,
  options: { startUtc: string; extension: string; fallback: string; qualifier?: string },
): string {
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || options.fallback;
  const qualifier = options.qualifier ? `-${options.qualifier}` : '';
  return `${slug}${qualifier}-${inLondon(options.startUtc).toFormat('yyyy-MM-dd')}.${options.extension}`;
}
