// The flat tables under the attempts: every event of each submission as the API returned it, with
// the emulator's client_timestamp beside Canvas's created_at. A table is rebuilt only when its
// submission's events changed.

// submission_created carries the whole quiz; the table shows the start of long payloads.
const shorten = (text) => (text.length > 240 ? `${text.slice(0, 240)}…` : text);

const cell = (text) => {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
};

function render({ submission: qs, name, events }) {
  const section = document.createElement('section');
  const title = document.createElement('h3');
  title.textContent = `Submission ${qs.id}, ${name}, attempt ${qs.attempt} (${qs.workflow_state}): ${events.length} events`;
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const name of ['received (server)', 'captured (client)', 'event_type', 'event_data'])
    head.append(cell(name));
  const rows = table.createTBody();
  for (const event of events) {
    const row = rows.insertRow();
    row.className = event.event_type;
    row.append(
      cell(event.created_at),
      cell(event.client_timestamp ?? ''),
      cell(event.event_type),
      cell(event.event_data === null ? '(none)' : shorten(JSON.stringify(event.event_data))),
    );
  }
  section.append(title, table);
  return section;
}

/** Keeps `list` showing a table per attempt ({ id, key, name, submission, events }), in order. */
export function createEventTables(list) {
  const sections = new Map();
  return {
    update(attempts) {
      for (const attempt of attempts) {
        if (sections.get(attempt.id)?.key !== attempt.key)
          sections.set(attempt.id, { key: attempt.key, section: render(attempt) });
      }
      const order = attempts.map((attempt) => sections.get(attempt.id).section);
      if (order.some((section, i) => list.children[i] !== section) || list.children.length !== order.length)
        list.replaceChildren(...order);
    },
  };
}
