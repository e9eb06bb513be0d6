import { describe, expect, it } from 'vitest';
import type { Trainee, Training, TrainingSession } from '../../shared/trainings.js';
import { formatSessionDate } from './dates.js';
import {
  attendanceOpen,
  noSplitReason,
  schoolsOf,
  sessionsInOrder,
  splitLines,
  trainedPercent,
  trainingStatus,
  upcomingCatchUpSessions,
} from './rules.js';

const today = '2027-03-10';

const trainee = (name: string, schoolName: string | null = 'Björkskolan'): Trainee => ({
  personId: `person-${name}`,
  name,
  email: null,
  schoolName,
});

const session = (id: string, date: string, overrides: Partial<TrainingSession> = {}): TrainingSession => ({
  id,
  trainingKey: 'administratorer',
  proposalId: null,
  date,
  startTime: '09:00',
  endTime: '12:00',
  mode: 'on_site',
  place: 'Aulan',
  link: '',
  trainer: null,
  confirmedByName: 'Ulla Utbildningsledare',
  version: 1,
  participants: [],
  warnings: [],
  ...overrides,
});

const training = (overrides: Partial<Training> = {}): Training => ({
  key: 'administratorer',
  title: 'Utbildning av administratörer',
  kind: 'role',
  minParticipants: 15,
  maxParticipants: 20,
  templateMinParticipants: 15,
  templateMaxParticipants: 20,
  version: 0,
  participantRole: { key: 'administrator', title: 'Administratör' },
  trainees: [trainee('Åsa')],
  sessionsNeeded: 1,
  capacity: { fits: true, message: null, options: [], choice: null },
  proposals: [],
  sessions: [],
  unbooked: [trainee('Åsa')],
  suggestedSplit: [],
  missed: [],
  ...overrides,
});

const proposal = (sessionId: string | null) => ({
  id: `proposal-${sessionId}`,
  batchId: 'batch',
  date: '2027-04-01',
  partOfDay: 'formiddag' as const,
  note: '',
  proposedByName: 'Johan Ekström',
  createdAt: '2027-03-01T08:00:00.000Z',
  sessionId,
});

describe('trainingStatus', () => {
  it('asks for dates while nothing is proposed or confirmed', () => {
    expect(trainingStatus(training(), today)).toBe('needsDates');
  });

  it('waits for the vendor while proposals are unconfirmed and sessions are missing', () => {
    expect(trainingStatus(training({ proposals: [proposal(null)] }), today)).toBe('awaitingConfirmation');
  });

  it('asks for more sessions when fewer are confirmed than needed and none is pending', () => {
    const status = trainingStatus(
      training({ sessionsNeeded: 2, proposals: [proposal('s1')], sessions: [session('s1', '2027-04-01')] }),
      today,
    );
    expect(status).toBe('needsMoreSessions');
  });

  it('counts one session as enough when the training has no maximum', () => {
    const status = trainingStatus(training({ sessionsNeeded: null, sessions: [session('s1', '2027-04-01')] }), today);
    expect(status).toBe('needsBooking');
  });

  it('is booked when the sessions suffice and nobody is left unbooked', () => {
    const status = trainingStatus(training({ sessions: [session('s1', '2027-04-01')], unbooked: [] }), today);
    expect(status).toBe('booked');
  });

  it('is completed once every session is held and every participant marked, unless someone missed it', () => {
    const held = session('s1', '2027-03-01', {
      participants: [{ ...trainee('Åsa'), attendance: 'attended', markedByName: 'Ulla', markedAt: null }],
    });
    expect(trainingStatus(training({ sessions: [held], unbooked: [] }), today)).toBe('completed');
    const absentee = { ...trainee('Åsa'), sessionId: 's1', sessionDate: '2027-03-01', catchUpSessionId: null };
    expect(trainingStatus(training({ sessions: [held], unbooked: [], missed: [absentee] }), today)).toBe('someMissed');
    const unmarked = { ...held, participants: [{ ...held.participants[0], attendance: 'booked' as const }] };
    expect(trainingStatus(training({ sessions: [unmarked], unbooked: [] }), today)).toBe('booked');
  });

  it('says who is missing: nobody holds the role, or nobody missed a session', () => {
    expect(trainingStatus(training({ trainees: [], unbooked: [] }), today)).toBe('noTrainees');
    expect(trainingStatus(training({ kind: 'catchUp', trainees: [], unbooked: [] }), today)).toBe('noneMissed');
  });
});

describe('trainees who cannot be split within the range', () => {
  const undecided = {
    fits: false,
    message: '22 personer kan inte delas i grupper om 15–20',
    options: [
      { choice: 'over_max' as const, sessions: 1, sizes: [22], message: '' },
      { choice: 'under_min' as const, sessions: 2, sizes: [11, 11], message: '' },
    ],
    choice: null,
  };

  it('asks for the choice before dates, and no longer once it is made', () => {
    expect(trainingStatus(training({ capacity: undecided }), today)).toBe('needsSplitChoice');
    expect(trainingStatus(training({ capacity: { ...undecided, choice: 'under_min' } }), today)).toBe('needsDates');
  });

  it('tells why nothing is suggested: the choice, no coming session, or too little room', () => {
    const coming = [session('s1', '2027-04-01')];
    expect(noSplitReason(training({ capacity: undecided, sessions: coming }), today)).toBe('needsChoice');
    expect(noSplitReason(training({ sessions: [session('s0', '2027-03-01')] }), today)).toBe('needsSession');
    expect(noSplitReason(training({ sessions: coming }), today)).toBe('noRoom');
  });
});

describe('sessions', () => {
  it('orders sessions by day and start time', () => {
    const ordered = sessionsInOrder([
      session('late', '2027-04-02'),
      session('afternoon', '2027-04-01', { startTime: '13:00' }),
      session('morning', '2027-04-01'),
    ]);
    expect(ordered.map((entry) => entry.id)).toEqual(['morning', 'afternoon', 'late']);
  });

  it('opens attendance on the day of the session', () => {
    expect(attendanceOpen(session('s', '2027-03-11'), today)).toBe(false);
    expect(attendanceOpen(session('s', today), today)).toBe(true);
  });

  it('offers only catch-up sessions from today on, earliest first', () => {
    const catchUp = training({
      key: 'uppsamlingsheat',
      kind: 'catchUp',
      sessions: [session('later', '2027-05-01'), session('past', '2027-03-01'), session('today', today)],
    });
    const offered = upcomingCatchUpSessions([training({ sessions: [session('role', '2027-04-01')] }), catchUp], today);
    expect(offered.map((entry) => entry.id)).toEqual(['today', 'later']);
  });
});

describe('splitLines', () => {
  it('numbers each part as its session and names its schools once', () => {
    const first = session('first', '2027-04-01');
    const second = session('second', '2027-04-08');
    const lines = splitLines(
      training({
        sessions: [second, first],
        suggestedSplit: [
          { sessionId: 'second', people: [trainee('Åsa', 'Ekskolan'), trainee('Örjan', 'Ekskolan')] },
          { sessionId: 'first', people: [trainee('Lars', 'Björkskolan'), trainee('Märta', null)] },
        ],
      }),
    );
    expect(lines.map((line) => [line.sessionNumber, line.people.length, line.schools])).toEqual([
      [2, 2, ['Ekskolan']],
      [1, 2, ['Björkskolan']],
    ]);
  });
});

describe('small helpers', () => {
  it('lists schools without repeats or blanks', () => {
    expect(schoolsOf([trainee('A', 'Ekskolan'), trainee('B', null), trainee('C', 'Ekskolan')])).toEqual(['Ekskolan']);
  });

  it('gives the share trained in whole percent, at most 100, and none without a staff count', () => {
    expect(trainedPercent(19, 40)).toBe(48);
    expect(trainedPercent(50, 40)).toBe(100);
    expect(trainedPercent(5, null)).toBeNull();
    expect(trainedPercent(5, 0)).toBeNull();
  });

  it('writes a session day with its weekday', () => {
    expect(formatSessionDate('2027-03-09', 'sv')).toBe('tisdag 9 mars 2027');
    expect(formatSessionDate('2027-03-09', 'en')).toBe('Tuesday, 9 March 2027');
  });
});
