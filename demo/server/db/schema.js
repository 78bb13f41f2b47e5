// The emulator's schema, named after Canvas's tables so later work (assignment submissions,
// grading, peer reviews, uploads, gradebook history, quiz-submission-questions) can add tables
// beside these without reshaping them. Every statement is idempotent (IF NOT EXISTS), so
// applying it on every start is safe.
//
// Timestamps are ISO-8601 UTC text with milliseconds (see lib/time.js).
// JSON columns hold JSON text; NULL means "absent" (e.g. event_data not sent).

const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sortable_name TEXT,
    short_name TEXT,
    login_id TEXT UNIQUE,
    workflow_state TEXT NOT NULL DEFAULT 'registered',
    created_at TEXT NOT NULL
  )`,
  // Canvas stores only a hash of each token (crypted_token); so do we.
  `CREATE TABLE IF NOT EXISTS access_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    token_hint TEXT,
    purpose TEXT,
    workflow_state TEXT NOT NULL DEFAULT 'active',
    expires_at TEXT,
    created_at TEXT NOT NULL
  )`,
  // Cookie sessions (POST/GET /login). id is a hash of the canvas_session cookie value;
  // csrf_secret is the unmasked CSRF token the masked _csrf_token cookie decodes to.
  `CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    csrf_secret TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS courses (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    course_code TEXT,
    workflow_state TEXT NOT NULL DEFAULT 'available',
    quiz_log_auditing INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  )`,
  // type: student | teacher | ta | designer | observer (Canvas's *Enrollment classes).
  // associated_user_id: the observed student, for observer enrollments.
  `CREATE TABLE IF NOT EXISTS enrollments (
    id INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    type TEXT NOT NULL CHECK (type IN ('student','teacher','ta','designer','observer')),
    associated_user_id INTEGER REFERENCES users(id),
    workflow_state TEXT NOT NULL DEFAULT 'active',
    created_at TEXT NOT NULL,
    UNIQUE (course_id, user_id, type, associated_user_id)
  )`,
  `CREATE INDEX IF NOT EXISTS enrollments_by_user ON enrollments (user_id, course_id)`,
  // time_limit is in minutes; allowed_attempts -1 = unlimited.
  // locked: an eligibility lock (Quizzes::QuizEligibility says "locked": answered 400 "quiz is locked").
  // module_locked / unlock_at / lock_at: Quiz#locked_for? locks, refused earlier by the controller
  // with 400 "you are not allowed to participate in this quiz" (see canvas/quiz-locks.js).
  // assignment_id is reserved for the later assignment-submissions work.
  `CREATE TABLE IF NOT EXISTS quizzes (
    id INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    assignment_id INTEGER,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    quiz_type TEXT NOT NULL DEFAULT 'assignment',
    time_limit INTEGER,
    access_code TEXT,
    allowed_attempts INTEGER NOT NULL DEFAULT 1,
    scoring_policy TEXT NOT NULL DEFAULT 'keep_highest',
    ip_filter TEXT,
    locked INTEGER NOT NULL DEFAULT 0,
    module_locked INTEGER NOT NULL DEFAULT 0,
    unlock_at TEXT,
    lock_at TEXT,
    due_at TEXT,
    cant_go_back INTEGER NOT NULL DEFAULT 0,
    one_question_at_a_time INTEGER NOT NULL DEFAULT 0,
    shuffle_answers INTEGER NOT NULL DEFAULT 0,
    published INTEGER NOT NULL DEFAULT 1,
    version_number INTEGER NOT NULL DEFAULT 1,
    workflow_state TEXT NOT NULL DEFAULT 'available',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  // answers: JSON array of {id, text, weight, comments}; weight 100 marks a correct answer.
  `CREATE TABLE IF NOT EXISTS quiz_questions (
    id INTEGER PRIMARY KEY,
    quiz_id INTEGER NOT NULL REFERENCES quizzes(id),
    position INTEGER NOT NULL,
    question_name TEXT NOT NULL DEFAULT 'Question',
    question_type TEXT NOT NULL,
    question_text TEXT NOT NULL DEFAULT '',
    points_possible REAL NOT NULL DEFAULT 0,
    answers TEXT NOT NULL DEFAULT '[]',
    workflow_state TEXT NOT NULL DEFAULT 'active',
    created_at TEXT NOT NULL
  )`,
  // One row per (quiz, participant), reused across attempts as Canvas does. user_id is NULL for
  // previews, which Canvas keys by temporary_user_code ("user_<id>").
  // submission_id is reserved for the later assignment-submissions work.
  // submission_data: JSON hash of in-progress answers ({} at start), an array once graded.
  `CREATE TABLE IF NOT EXISTS quiz_submissions (
    id INTEGER PRIMARY KEY,
    quiz_id INTEGER NOT NULL REFERENCES quizzes(id),
    user_id INTEGER REFERENCES users(id),
    temporary_user_code TEXT,
    submission_id INTEGER,
    attempt INTEGER NOT NULL DEFAULT 0,
    validation_token TEXT NOT NULL,
    workflow_state TEXT NOT NULL DEFAULT 'untaken',
    was_preview INTEGER NOT NULL DEFAULT 0,
    started_at TEXT,
    end_at TEXT,
    finished_at TEXT,
    extra_attempts INTEGER,
    extra_time INTEGER,
    manually_unlocked INTEGER,
    score REAL,
    kept_score REAL,
    fudge_points REAL,
    score_before_regrade REAL,
    has_seen_results INTEGER,
    manually_scored INTEGER,
    quiz_points_possible REAL,
    quiz_version INTEGER,
    quiz_data TEXT,
    submission_data TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (quiz_id, user_id),
    UNIQUE (quiz_id, temporary_user_code)
  )`,
  // simply_versioned's `versions` table: a JSON snapshot ("model") of a record each time it is
  // saved with versioning. For quiz submissions that is at the start of every attempt and at
  // completion, so the latest version per attempt is that attempt's record (?attempt=N,
  // student attempt history, result_url's version). Generic on purpose: assignment submission
  // history (gradebook history) can use the same table.
  `CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY,
    versionable_type TEXT NOT NULL,
    versionable_id INTEGER NOT NULL,
    number INTEGER NOT NULL,
    model TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (versionable_type, versionable_id, number)
  )`,
  // Canvas's `settings` table (name/value); the demo seed records its ids here.
  `CREATE TABLE IF NOT EXISTS settings (
    name TEXT PRIMARY KEY,
    value TEXT
  )`,
  // Quizzes::QuizSubmissionEvent. event_type is stored verbatim (no whitelist); event_data is
  // JSON or NULL when the key was absent; attempt is the QS's attempt at insert time (never the
  // client's); client_timestamp is kept as sent; created_at is the server clock.
  `CREATE TABLE IF NOT EXISTS quiz_submission_events (
    id INTEGER PRIMARY KEY,
    quiz_submission_id INTEGER NOT NULL REFERENCES quiz_submissions(id),
    attempt INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    event_data TEXT,
    client_timestamp TEXT,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS quiz_submission_events_scope
    ON quiz_submission_events (quiz_submission_id, attempt, created_at, id)`,
  // Assignments (the assignment-submissions family). submission_types: comma-separated Canvas
  // types; grading_type: points | percent | letter_grade | pass_fail; rubric: JSON array of
  // criteria {id, description, points, ratings: [{id, description, points}]} or NULL.
  `CREATE TABLE IF NOT EXISTS assignments (
    id INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    points_possible REAL,
    grading_type TEXT NOT NULL DEFAULT 'points',
    submission_types TEXT NOT NULL DEFAULT 'none',
    due_at TEXT,
    published INTEGER NOT NULL DEFAULT 1,
    rubric TEXT,
    workflow_state TEXT NOT NULL DEFAULT 'published',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  // Submission: one row per (assignment, student), created unsubmitted like Canvas does.
  // attachment_ids and rubric_assessment are JSON; excused is 0/1/NULL.
  `CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignments(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    attempt INTEGER,
    body TEXT,
    url TEXT,
    submission_type TEXT,
    submitted_at TEXT,
    score REAL,
    grade TEXT,
    entered_score REAL,
    entered_grade TEXT,
    grader_id INTEGER,
    graded_at TEXT,
    posted_at TEXT,
    excused INTEGER,
    late_policy_status TEXT,
    workflow_state TEXT NOT NULL DEFAULT 'unsubmitted',
    grade_matches_current_submission INTEGER NOT NULL DEFAULT 1,
    attachment_ids TEXT NOT NULL DEFAULT '[]',
    rubric_assessment TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (assignment_id, user_id)
  )`,
  `CREATE TABLE IF NOT EXISTS submission_comments (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    author_id INTEGER REFERENCES users(id),
    comment TEXT NOT NULL,
    attempt INTEGER,
    attachment_ids TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
  )`,
  // ContentParticipation: a user's read/unread state of one item (grade, comment, rubric) of a
  // submission.
  `CREATE TABLE IF NOT EXISTS content_participations (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    content_item TEXT NOT NULL,
    workflow_state TEXT NOT NULL,
    UNIQUE (submission_id, user_id, content_item)
  )`,
  // AssessmentRequest (peer reviews): user_id is the assessee (the submission's owner),
  // assessor_id the reviewer, asset_id the submission.
  `CREATE TABLE IF NOT EXISTS assessment_requests (
    id INTEGER PRIMARY KEY,
    asset_id INTEGER NOT NULL REFERENCES submissions(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    assessor_id INTEGER NOT NULL REFERENCES users(id),
    workflow_state TEXT NOT NULL DEFAULT 'assigned',
    created_at TEXT NOT NULL,
    UNIQUE (asset_id, assessor_id)
  )`,
  // Attachment (files). workflow_state pending (step 1 done) → processed (bytes received).
  // upload_token is the secret in the step-2 URL; purpose says which step-1 route made it.
  `CREATE TABLE IF NOT EXISTS attachments (
    id INTEGER PRIMARY KEY,
    context_type TEXT NOT NULL,
    context_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    folder_path TEXT NOT NULL DEFAULT '',
    display_name TEXT NOT NULL,
    content_type TEXT,
    size INTEGER,
    data BLOB,
    uuid TEXT NOT NULL,
    upload_token TEXT UNIQUE,
    upload_expires_at TEXT,
    on_duplicate TEXT NOT NULL DEFAULT 'overwrite',
    purpose TEXT,
    workflow_state TEXT NOT NULL DEFAULT 'pending',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  // Progress (bulk grade updates). results: JSON or NULL.
  `CREATE TABLE IF NOT EXISTS progresses (
    id INTEGER PRIMARY KEY,
    context_type TEXT NOT NULL,
    context_id INTEGER NOT NULL,
    user_id INTEGER,
    tag TEXT NOT NULL,
    completion REAL,
    workflow_state TEXT NOT NULL DEFAULT 'queued',
    message TEXT,
    results TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
];

export function applySchema(db) {
  db.transaction(() => {
    for (const sql of STATEMENTS) {
      db.exec(sql);
    }
  })();
}
