// The scenarios, driven with Playwright. Each `start(page)` prepares a loaded bench page and
// returns `next()`, which takes one sample; the runner alternates the two libraries sample by
// sample so that the shared machine's noise falls on both alike. Every timing is taken inside
// the page (see pages/harness.js); the driver only sends input and collects.

/** The number typed: ten digits, valid in the United States, then five Backspaces. */
export const ROUND = [...'6502530000', ...Array(5).fill('Backspace')];

/** Empties the phone field, untimed: nothing is measured while it does. */
export async function clearField(page) {
  await page.evaluate(() => window.bench.keys.arm(false));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.evaluate(() => window.bench.keys.arm(true));
}

/** show() until painted with focus in the phone field, then close() (untimed). */
export function open({ fresh }) {
  return {
    kind: 'dialog',
    async start(page) {
      return {
        async next() {
          const sample = await page.evaluate((isFresh) => window.bench.open(isFresh), fresh);
          await page.evaluate(() => window.bench.close());
          return sample;
        },
      };
    },
  };
}

/**
 * Real key presses into the phone field, one sample per key: rounds of ROUND, the field cleared
 * (untimed) between rounds, after one untimed round. After the tenth digit of the first round
 * the sample also holds what the field shows and whether it counts as valid.
 */
export const keystrokes = {
  kind: 'dialog',
  async start(page) {
    await page.evaluate(() => window.bench.startTyping());
    for (const key of ROUND) await page.keyboard.press(key);
    await clearField(page);
    let index = 0;
    let taken = 0;
    return {
      async next() {
        if (index === ROUND.length) {
          await clearField(page);
          index = 0;
        }
        await page.keyboard.press(ROUND[index]);
        index += 1;
        taken += 1;
        const sample = await page.evaluate(() => window.bench.keys.next());
        if (taken === 10) sample.typed = await page.evaluate(() => window.bench.typed());
        return sample;
      },
    };
  },
};

/** A real click on the country control until the open list is painted; Escape closes it (untimed). */
export const countryList = {
  kind: 'picker',
  async start(page) {
    return {
      async next() {
        await page.evaluate(() => window.bench.clicks.arm(true));
        const { x, y } = await page.evaluate(() => window.bench.listTarget());
        await page.mouse.click(x, y);
        const sample = await page.evaluate(() => window.bench.clicks.next());
        const state = await page.evaluate(() => window.bench.listState());
        if (!state.open) throw new Error(`the country list did not open (${await page.evaluate(() => window.bench.library)})`);
        await page.evaluate(() => window.bench.clicks.arm(false));
        await page.keyboard.press('Escape');
        await page.evaluate(() => window.bench.listClosed());
        return { ...sample, options: state.options };
      },
    };
  },
};

async function heapUsage(cdp) {
  // Twice: objects freed by the first collection's finalisers go in the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { mb: usedSize / 2 ** 20, nodes, listeners: jsEventListeners };
}

/**
 * JS heap (used size, after forced garbage collection) after one warm-up open and close, then
 * after `cycles` open/close cycles, then after as many again: a leak keeps growing, a warm-up
 * cost does not.
 */
export async function openCloseHeap(page, cdp, cycles) {
  await page.evaluate(() => window.bench.open(false));
  await page.evaluate(() => window.bench.close());
  const before = await heapUsage(cdp);
  await page.evaluate((count) => window.bench.cycles(count), cycles);
  const after = await heapUsage(cdp);
  await page.evaluate((count) => window.bench.cycles(count), cycles);
  const again = await heapUsage(cdp);
  return { before, after, again };
}
