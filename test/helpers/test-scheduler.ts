import { expect } from '@esm-bundle/chai';
import { TestScheduler } from 'rxjs/testing';

/** A TestScheduler that compares with chai's deep equality. */
export function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => {
    expect(actual).to.deep.equal(expected);
  });
}
