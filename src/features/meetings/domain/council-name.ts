/** The council whose panel this is: the heading of every committee document the bot writes. */
export const COUNCIL_NAME = 'Kent County Council';
