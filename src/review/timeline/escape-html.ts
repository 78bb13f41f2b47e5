const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const replace = (char: string): string => ENTITIES[char] ?? char;

/**
 * Text made safe for HTML and SVG, in content and in quoted attributes alike. Everything an event
 * carries is the student's page's word (a host app's type, a tab id, event_data), so every such text
 * goes through here: a hostile `<script>` in a log must come out as text in the teacher's page.
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, replace);

/**
 * The same for element content only, where quotes are plain text: event_data's JSON is full of
 * them, and ten thousand rows of it are most of a long attempt's view.
 */
export const escapeText = (text: string): string => text.replace(/[&<>]/g, replace);
