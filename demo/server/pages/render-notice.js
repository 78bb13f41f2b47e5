import { escapeHtml } from './escape-html.js';

// The small pages Canvas renders instead of the one asked for: unauthorized (401), not found
// (404), a quiz protected by IP address (invalid_ip), a bad authenticity token (422).
export const NOTICES = {
  401: { title: 'Unauthorized', heading: 'Access Denied', text: "You don't have access to this page." },
  404: { title: 'Page Not Found', heading: 'Page Not Found', text: 'Oops, we couldn’t find that page.' },
  422: {
    title: 'Error',
    heading: 'Invalid Authenticity Token',
    text: 'Please reload the page and try again.',
  },
  invalidIp: {
    title: 'Invalid Location',
    heading: 'Invalid Location',
    text: 'This quiz is protected and is only available from certain locations. The computer you are currently using does not appear to be at a valid location for taking this quiz.',
  },
};

export function renderNotice({ heading, text }) {
  return `<div class="ic-Error-page">
  <h1>${escapeHtml(heading)}</h1>
  <p>${escapeHtml(text)}</p>
</div>`;
}

/** A whole page for an error met before the page's course is known (no layout, no ENV). */
export function renderErrorPage(notice) {
  return `<!DOCTYPE html>
<html dir="ltr" lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(notice.title)}</title></head>
<body>
${renderNotice(notice)}
</body>
</html>
`;
}
