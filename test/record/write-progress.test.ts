import { expect } from '@esm-bundle/chai';
import { createWriteProgress } from '../../src/record/write-progress.js';

// A flush waits for the events recorded before it, never for those recorded after it.

/** Lets every queued promise callback run. */
const settledCallbacks = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('write progress', () => {
  it('answers at once when every recorded event is written', async () => {
    const progress = createWriteProgress();
    progress.recorded(2);
    progress.settled(2);
    let done = false;
    void progress.written().then(() => (done = true));
    await settledCallbacks();
    expect(done).to.equal(true);
  });

  it('lets each wait go once the events recorded before it are written, in order', async () => {
    const progress = createWriteProgress();
    const done: string[] = [];
    progress.recorded(2);
    void progress.written().then(() => done.push('first'));
    progress.recorded(3);
    void progress.written().then(() => done.push('second'));
    void progress.written().then(() => done.push('third'));

    progress.settled(1);
    await settledCallbacks();
    expect(done).to.deep.equal([]);

    progress.settled(2);
    await settledCallbacks();
    expect(done).to.deep.equal(['first']);

    // Events recorded after a wait began do not hold it back.
    progress.recorded(10);
    progress.settled(2);
    await settledCallbacks();
    expect(done).to.deep.equal(['first', 'second', 'third']);
  });
});
