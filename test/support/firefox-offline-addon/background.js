// Takes commands from the test runner (firefox-tab-offline.mjs) as server-sent events from the
// address in control.js, written there at install, and posts back each answer.
/* global QP_CONTROL */
const commands = new EventSource(`${QP_CONTROL}/commands`);
commands.onmessage = async (message) => {
  const { id, context, offline } = JSON.parse(message.data);
  const answer = await browser.tabOffline.set(context, offline).catch((error) => String(error));
  await fetch(`${QP_CONTROL}/answers`, { method: 'POST', body: JSON.stringify({ id, answer }) });
};
