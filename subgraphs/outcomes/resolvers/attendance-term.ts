interface AttendanceRow {
  readonly sessionsPossible: number;
  readonly sessionsAuthorisedAbsence: number;
  readonly sessionsUnauthorisedAbsence: number;
}

export const AttendanceTerm = {
  absenceRate: (term: AttendanceRow) =>
    term.sessionsPossible > 0
      ? (term.sessionsAuthorisedAbsence + term.sessionsUnauthorisedAbsence) / term.sessionsPossible
      : 0,
};
