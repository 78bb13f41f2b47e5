import { createAssessmentRequestsStore } from './assessment-requests-store.js';
import { createAssignmentsStore } from './assignments-store.js';
import { createAttachmentsStore } from './attachments-store.js';
import { createContentParticipationsStore } from './content-participations-store.js';
import { createCoursesStore } from './courses-store.js';
import { createProgressesStore } from './progresses-store.js';
import { createSubmissionsStore } from './submissions-store.js';
import { createQuizSubmissionEventsStore } from './quiz-submission-events-store.js';
import { createQuizSubmissionsStore } from './quiz-submissions-store.js';
import { createQuizzesStore } from './quizzes-store.js';
import { createSessionsStore } from './sessions-store.js';
import { createUsersStore } from './users-store.js';
import { createVersionsStore } from './versions-store.js';

/** All data access for the emulator, over one better-sqlite3 connection. */
export function createStore(db, clock) {
  return {
    db,
    transaction: (fn) => db.transaction(fn)(),
    users: createUsersStore(db, clock),
    sessions: createSessionsStore(db, clock),
    courses: createCoursesStore(db, clock),
    quizzes: createQuizzesStore(db, clock),
    quizSubmissions: createQuizSubmissionsStore(db, clock),
    versions: createVersionsStore(db, clock),
    events: createQuizSubmissionEventsStore(db),
    assignments: createAssignmentsStore(db, clock),
    submissions: createSubmissionsStore(db, clock),
    participations: createContentParticipationsStore(db),
    peerReviews: createAssessmentRequestsStore(db, clock),
    attachments: createAttachmentsStore(db, clock),
    progresses: createProgressesStore(db, clock),
  };
}
