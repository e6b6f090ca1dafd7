/**
 * UK postcodes with or without the space, in any case: "CT1 2AB", "ct12ab", "ME14 1XQ",
 * "SW1A 1AA". The outward code must start with one of the 121 real postcode areas, which keeps
 * "B2 4th" or "m1 5am" out; lower-case inward codes that read as an ordinal or a time are not
 * taken. Bounded pattern starting only at a word start: linear time.
 */
const POSTCODE = /(?<![a-z0-9])([a-z]{1,2})(\d[a-z\d]?)[\s_-]{0,2}(\d[abd-hjlnp-uw-z]{2})(?![a-z0-9])/gi;
const GIRO = /(?<![a-z0-9])gir\s{0,2}0aa(?![a-z0-9])/i;

const AREAS = new Set(
  `AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL
  GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA
  PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV
  YO ZE`.split(/\s+/),
);
const ORDINAL_OR_TIME = /^\d(?:st|nd|rd|th|am|pm)$/;

export function hasPostcode(text: string): boolean {
  if (GIRO.test(text)) return true;
  for (const match of text.matchAll(POSTCODE)) {
    const [, area, , inward] = match;
    if (!AREAS.has(area!.toUpperCase())) continue;
    if (ORDINAL_OR_TIME.test(inward!) && inward !== inward!.toUpperCase()) continue;
    return true;
  }
  return false;
}
