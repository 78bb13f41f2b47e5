/** Where the bar is drawn: a terminal's stderr (not a file or a pipe, which get no bar). */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A one-line progress bar on a terminal, redrawn in place; nothing at all elsewhere. */
export function createProgressBar(output: ProgressOutput) {
  const on = output.isTTY === true;
  let line = '';
  const draw = (text: string) => {
    if (!on) return;
    const width = Math.max(20, (output.columns ?? 80) - 1);
    const shown = text.slice(0, width);
    output.write(`\r${shown.padEnd(Math.max(line.length, shown.length))}`);
    line = shown;
  };
  return {
    update(done: number, total: number) {
      const slots = 24;
      const full = total === 0 ? slots : Math.round((done / total) * slots);
      draw(`[${'#'.repeat(full)}${'.'.repeat(slots - full)}] ${String(done)}/${String(total)} attempts`);
    },
    /** Says why it stands still. */
    waiting(waitMs: number) {
      draw(
        `${line.replace(/ \(.*$/, '')} (Canvas's rate limit: waiting ${String(Math.ceil(waitMs / 1000))} s)`,
      );
    },
    done() {
      if (on && line !== '') output.write('\n');
      line = '';
    },
  };
}
