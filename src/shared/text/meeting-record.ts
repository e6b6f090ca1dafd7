// What a meeting did, or who came, is in its minutes: "what was discussed at the March 2017
// meeting", "were the minutes agreed", "who attended". Asked of a meeting to come ("what will be
// discussed at the next meeting") it is the agenda. Read by the meetings feature (calendar or
// minutes?) and by the remit knowledge base (which minutes?).
const RECORD_WORDS =
  /\b(?:happened|discussed|decided|decisions|agreed|approved|resolved|noted|minuted|attended|attendance|presented|said|talked about|covered|heard|were there (?:any )?apologies|apologies (?:were|given|received)|did\b.*\b(?:decide|discuss|agree|approve|resolve|say|hear|cover|consider))\b/;
const TO_COME = /\b(?:next|upcoming|coming|future|forthcoming|will|going to|planned|scheduled|be)\b/;

/** Whether a lower-cased question asks what a meeting already did, not what one to come will do. */
export function asksWhatAMeetingDid(text: string): boolean {
  return RECORD_WORDS.test(text) && !TO_COME.test(text);
}
