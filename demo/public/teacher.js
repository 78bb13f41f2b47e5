// The demo teacher's page: lists every submission of the quiz and its events, refreshed every 2 s.
// It reads Canvas's events API, plus the emulator's documented include_client_timestamp extension.
(function () {
  const { courseId, quizId, token } = document.body.dataset;
  const base = `/api/v1/courses/${courseId}/quizzes/${quizId}/submissions`;
  const status = document.getElementById('log_status');
  const list = document.getElementById('submissions');

  async function getAll(url) {
    const rows = [];
    let next = url;
    while (next) {
      const response = await fetch(next, { headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
      rows.push(await response.json());
      next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('Link') ?? '')?.[1];
    }
    return rows;
  }

  // submission_created carries the whole quiz; the table shows the start of long payloads.
  const shorten = (text) => (text.length > 240 ? `${text.slice(0, 240)}…` : text);

  const cell = (text) => {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  };

  async function refresh() {
    const pages = await getAll(`${base}?per_page=100`);
    const submissions = pages.flatMap((page) => page.quiz_submissions);
    const sections = [];
    for (const qs of submissions) {
      const events = (
        await getAll(`${base}/${qs.id}/events?per_page=100&include_client_timestamp=true`)
      ).flatMap((page) => page.quiz_submission_events);
      const section = document.createElement('section');
      const title = document.createElement('h2');
      title.textContent = `Submission ${qs.id}, user ${qs.user_id}, attempt ${qs.attempt} (${qs.workflow_state}): ${events.length} events`;
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
      sections.push(section);
    }
    list.replaceChildren(...sections);
    status.textContent = `${submissions.length} submission(s). Updated ${new Date().toLocaleTimeString()}.`;
  }

  async function loop() {
    try {
      await refresh();
    } catch (error) {
      status.textContent = `Could not load: ${error.message}`;
    }
    setTimeout(loop, 2000);
  }
  void loop();
})();
