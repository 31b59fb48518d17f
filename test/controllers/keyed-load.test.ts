import { expect } from '@open-wc/testing';
import { KeyedLoad } from '../../src/controllers/keyed-load.js';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function setup(keepWhileLoading: boolean) {
  const values: (string | undefined)[] = [];
  const load: KeyedLoad<string> = new KeyedLoad<string>(() => values.push(load.value), { keepWhileLoading });
  return { load, values };
}

describe('KeyedLoad', () => {
  it('takes a value given at once, and does nothing for the same key again', () => {
    const { load, values } = setup(false);
    let gets = 0;
    const get = () => `value ${++gets}`;
    load.follow('a', get);
    expect(load.value).to.equal('value 1');
    expect(load.pending).to.equal(undefined);
    load.follow('a', get);
    expect(gets).to.equal(1);
    expect(values).to.deep.equal(['value 1']);
  });

  it('takes a fetched value once it arrives, and forgets the previous one meanwhile', async () => {
    const { load, values } = setup(false);
    load.follow('a', () => 'A');
    const fetch = deferred<string>();
    load.follow('b', () => fetch.promise);
    expect(load.value).to.equal(undefined);
    fetch.resolve('B');
    await load.pending;
    expect(load.value).to.equal('B');
    expect(values).to.deep.equal(['A', 'B']);
  });

  it('keeps the previous value while fetching, when asked to', async () => {
    const { load } = setup(true);
    load.follow('a', () => 'A');
    const fetch = deferred<string>();
    load.follow('b', () => fetch.promise);
    expect(load.value).to.equal('A');
    fetch.resolve('B');
    await load.pending;
    expect(load.value).to.equal('B');
  });

  it('fetches again for the same key after a failed fetch', async () => {
    const { load, values } = setup(true);
    load.follow('a', () => 'A');
    load.follow('b', () => Promise.reject(new Error('offline')));
    await load.pending;
    expect(load.value).to.equal('A');
    load.follow('b', () => Promise.resolve('B'));
    await load.pending;
    expect(load.value).to.equal('B');
    expect(values).to.deep.equal(['A', 'B']);
  });

  it('ignores the fetch for a key it no longer follows', async () => {
    const { load, values } = setup(true);
    const slow = deferred<string>();
    load.follow('a', () => slow.promise);
    const stale = load.pending;
    load.follow('b', () => 'B');
    slow.resolve('A');
    await stale;
    expect(load.value).to.equal('B');
    expect(values).to.deep.equal(['B']);
  });

  it('does not fetch again for a key whose fetch failed after it moved on', async () => {
    const { load } = setup(true);
    const failing = deferred<string>();
    load.follow('a', () => failing.promise);
    const stale = load.pending;
    load.follow('b', () => 'B');
    failing.reject(new Error('offline'));
    await stale;
    let gets = 0;
    load.follow('b', () => `B${++gets}`);
    expect(gets, 'the failure of a stale key does not reset the current one').to.equal(0);
  });
});
