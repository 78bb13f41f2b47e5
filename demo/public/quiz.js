/* global QuizProctor */
// The demo quiz page's own script: what an LMS page does with the IIFE. It also plays the part of
// Canvas's quiz page, which toggles the `marked` class when a question is flagged.
(function () {
  const body = document.body;
  const status = document.getElementById('proctor_status');
  const show = (text) => {
    status.textContent = text;
  };

  document.addEventListener('click', (event) => {
    const flag = event.target instanceof Element ? event.target.closest('.flag_question') : null;
    if (!flag) return;
    event.preventDefault();
    flag.closest('.question')?.classList.toggle('marked');
  });

  let proctor;
  document.getElementById('start_quiz').addEventListener('click', async () => {
    proctor ??= QuizProctor.createProctor({
      courseId: body.dataset.courseId,
      quizId: body.dataset.quizId,
      accessCode: document.getElementById('access_code').value,
      // The page's Canvas cookie session, with the CSRF token from the _csrf_token cookie.
      auth: { type: 'session' },
    });
    proctor.on('delivered', ({ count, lastSeq }) =>
      show(`Delivered ${count} event(s); last seq ${lastSeq}.`),
    );
    proctor.on('error', (error) => show(`${error.code}: ${error.message}`));
    proctor.on('delivery', (state) => {
      if (state === 'paused' || state === 'backoff') show(`Delivery ${state}; every event is kept.`);
    });
    try {
      const submission = await proctor.start();
      show(`Attempt ${submission.attempt} of submission ${submission.id} started; capturing.`);
      document.getElementById('start_panel').hidden = true;
      document.getElementById('submit_quiz_form').hidden = false;
    } catch (error) {
      show(`Could not start: ${error.message}`);
      proctor = undefined;
    }
  });

  document.getElementById('submit_quiz').addEventListener('click', async () => {
    if (!proctor) return;
    try {
      // Flushes pending evidence (bounded), then completes with the attempt's validation token.
      const { submission, unsentEvents } = await proctor.complete();
      show(
        unsentEvents === 0
          ? `Submitted (${submission?.workflow_state ?? 'complete'}); every captured event was delivered.`
          : `Submitted; ${unsentEvents} event(s) could not be delivered in time and are kept.`,
      );
      document.getElementById('submit_quiz').disabled = true;
    } catch (error) {
      show(`Could not submit: ${error.message}`);
    }
  });
})();
