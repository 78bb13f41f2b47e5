/** Runs `run` once the document is parsed: at once if it is, else on `DOMContentLoaded`. */
export function whenDomReady(doc: Document, run: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
