// The teacher's table of attempts: one row per submission, newest first, with the totals and the
// findings of QuizProctorReview.analyzeAttempt. A row is redrawn only when its attempt changed, and
// in place, so the row's button keeps the focus while the page polls.

/** A duration rounded as the timeline rounds it; `unknown` where the log cannot say (real Canvas). */
function formatMs(ms) {
  if (ms === null) return 'unknown';
  if (ms < 1000) return `${ms} ms`;
  // Tenths below 10 s (a 1.5 s glance), whole seconds above.
  if (ms < 9950) return `${Math.round(ms / 100) / 10} s`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

const COLUMNS = [
  ['Time away', (s) => formatMs(s.awayMs)],
  ['Departures', (s) => String(s.departures)],
  ['Longest departure', (s) => formatMs(s.longestDepartureMs)],
  ['Offline', (s) => formatMs(s.offlineMs)],
  ['Copies / pastes', (s) => `${s.copies + s.cuts} / ${s.pastes}`],
  ['Second tabs', (s) => String(s.secondTabs)],
];

export const HEADINGS = ['Student', 'State', 'Started', ...COLUMNS.map(([name]) => name), 'Findings'];

const cell = (text) => {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
};

// Alerts say so in words and with a sign, not by colour alone.
function findingsCell(findings) {
  const td = document.createElement('td');
  if (findings.length === 0) td.textContent = 'none';
  for (const finding of findings) {
    const item = document.createElement('span');
    item.className = `finding finding-${finding.severity}`;
    item.title = finding.detail;
    item.textContent = `${finding.severity === 'alert' ? '⚠ alert' : 'notice'}: ${finding.code}`;
    td.append(item);
  }
  return td;
}

/**
 * Keeps `tbody` showing `attempts` ({ id, key, name, submission, review }, newest first). `key`
 * says when an attempt changed. `onOpen(id)` runs when a row is chosen, by its button or a click.
 */
export function createAttemptsTable(tbody, onOpen) {
  const rows = new Map();

  function build(attempt) {
    const row = document.createElement('tr');
    row.dataset.submissionId = attempt.id;
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', 'timeline');
    button.addEventListener('click', () => onOpen(attempt.id));
    // The whole row opens the timeline for a pointer; the button is what a keyboard reaches.
    row.addEventListener('click', (event) => {
      if (!button.contains(event.target)) button.click();
    });
    const first = document.createElement('th');
    first.scope = 'row';
    first.append(button);
    row.append(first);
    return { row, button, key: null };
  }

  function fill(entry, { name, submission, review }) {
    const { summary, findings } = review;
    entry.button.textContent = `${name}, attempt ${submission.attempt}`;
    const started = submission.started_at ? new Date(submission.started_at).toLocaleTimeString() : '';
    // The cells after the button's: taking the button out of the page would take its focus.
    while (entry.row.children.length > 1) entry.row.lastElementChild.remove();
    entry.row.append(
      cell(submission.workflow_state),
      cell(started),
      ...COLUMNS.map(([, value]) => cell(value(summary))),
      findingsCell(findings),
    );
    entry.row.classList.toggle(
      'has-alert',
      findings.some((f) => f.severity === 'alert'),
    );
  }

  return {
    update(attempts) {
      for (const attempt of attempts) {
        const entry = rows.get(attempt.id) ?? build(attempt);
        rows.set(attempt.id, entry);
        if (entry.key !== attempt.key) fill(entry, attempt);
        entry.key = attempt.key;
      }
      const order = attempts.map((attempt) => rows.get(attempt.id).row);
      // Moving a row takes the focus off its button: only when the order changed.
      if (order.some((row, i) => tbody.children[i] !== row) || tbody.children.length !== order.length)
        tbody.replaceChildren(...order);
    },
    /** Marks the row of `id` open (aria-expanded), every other closed; `null` closes all. */
    markOpen(id) {
      for (const [rowId, { row, button }] of rows) {
        button.setAttribute('aria-expanded', String(rowId === id));
        row.classList.toggle('open', rowId === id);
      }
    },
  };
}
