/** Text made safe inside HTML content and quoted attributes (events carry whatever a page sent). */
export const escapeHtml = (value: string | number | null | undefined): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
