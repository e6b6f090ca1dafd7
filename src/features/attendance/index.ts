// Attendance at events and meetings, as other features see it.
export { AttendanceBook } from './data/attendance-book';
export { checkInOpen, recordingOpen } from './domain/attendance';
export type { AttendanceRecord } from './domain/attendance';
export { Occasions, occasionOfEvent, occasionOfMeeting } from './data/occasions';
export { attendanceFeature } from './teams/attendance-feature';
export { AttendanceDesk } from './attendance-desk';
export { attendancePersonalData } from './data/attendance-personal-data';
