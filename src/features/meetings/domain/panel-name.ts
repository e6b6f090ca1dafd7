/** The committee's name, as meetings, calendars and cards show it. */
export const PANEL_NAME = 'Corporate Parenting Panel';
