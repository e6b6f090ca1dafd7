import type { TableClient } from '@azure/data-tables';
import { rowsMentioning, scrubRows } from '../../../platform/storage/personal-rows';
import { tryParseStoredJson } from '../../../platform/storage/stored-json';
import type { PersonalDataContribution } from '../../../shared/personal-data';
import { SubjectMatcher } from '../../../shared/text/subject-matcher';
import { quarterFiguresSchema } from '../domain/key-figures';

/**
 * Key figures (table `keyfigures`) are statistics about the service, not about people; each
 * version names the officer who entered it, which erasure replaces with "Former member".
 */
export function keyFiguresPersonalData(table: TableClient): PersonalDataContribution {
  return {
    tables: ['keyfigures'],
    export: async (subject) => {
      const matcher = new SubjectMatcher(subject);
      const entered = (await rowsMentioning(table, matcher)).flatMap((row) => {
        const figures = tryParseStoredJson(quarterFiguresSchema, row.json);
        return figures && matcher.isSubjectId(figures.enteredBy.aadObjectId)
          ? [{ quarter: figures.quarter, version: figures.version, enteredAtUtc: figures.enteredAtUtc }]
          : [];
      });
      return [
        {
          kind: 'key-figures',
          title: 'Key figures you entered',
          description: 'The quarters\u2019 headline figures you entered or corrected as an officer (each version names who entered it).',
          retention: 'Kept as the council\u2019s record of the figures; erasure puts "Former member" in your place.',
          records: entered,
        },
      ];
    },
    erase: async (subject, pseudonym) => scrubRows(table, new SubjectMatcher(subject), pseudonym, { remove: () => false }),
  };
}
