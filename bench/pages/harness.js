// In-page timing shared by every bench page. Times are performance.now() milliseconds.
//
// "Painted" means: the rendering steps of the frame that shows the change have run on the main
// thread (requestAnimationFrame callbacks, style, layout, paint recording), observed by a message
// posted from a requestAnimationFrame callback, which is delivered as the task right after that
// frame. Rasterising and compositing happen off the main thread and are not included.

/** Resolves with the time at which the frame after this call has run its rendering steps. */
export function afterNextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => afterThisFrame(resolve));
  });
}

/** Called from a requestAnimationFrame callback: calls `done(now)` once that frame has rendered. */
function afterThisFrame(done) {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    done(performance.now());
  };
  channel.port2.postMessage(null);
}

export async function frames(count) {
  for (let i = 0; i < count; i += 1) await afterNextFrame();
}

/** Resolves once `condition()` holds, checked once a frame. */
export async function until(condition, what, timeout = 10_000) {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await afterNextFrame();
  }
}

// Long tasks are kept and counted only where they overlap a measured interval, so that setting
// up a sample (creating an element, say) never counts against what is measured.
const longTasks = [];
const intervals = [];
const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
observer.observe({ type: 'longtask' });

function measured(start, end) {
  intervals.push([start, end]);
}

/** Forgets the intervals measured so far (warm-up samples). */
export function resetLongTasks() {
  longTasks.push(...observer.takeRecords());
  longTasks.length = 0;
  intervals.length = 0;
}

/** Long tasks (over 50 ms, as the browser reports them) that overlapped a measured interval. */
export function longTaskReport() {
  longTasks.push(...observer.takeRecords());
  const hits = longTasks.filter((task) =>
    intervals.some(([start, end]) => task.startTime < end && task.startTime + task.duration > start),
  );
  return { count: hits.length, longest: Math.max(0, ...hits.map((task) => task.duration)) };
}

/** `count` times: `show()` until painted, then `close()`; the heap scenario's cycles, alike on both pages. */
export async function openCloseCycles(count, show, close) {
  for (let i = 0; i < count; i += 1) {
    await show();
    await close();
  }
}

/**
 * Runs `action()` and measures until the first frame rendered with `isDone()` true. `isDone` is
 * checked at the start of every frame (in requestAnimationFrame, before style, layout and paint),
 * so the frame in which it first holds is the frame that paints the change. Returns the
 * milliseconds from just before `action()` to the end of that frame's rendering, and `frames`, the
 * number of frames that began in between (1: the very next frame showed it).
 */
export function untilPainted(action, isDone, timeout = 10_000) {
  return new Promise((resolve, reject) => {
    let count = 0;
    const tick = () => {
      count += 1;
      if (isDone()) {
        afterThisFrame((end) => {
          measured(start, end);
          resolve({ ms: end - start, frames: count });
        });
      } else if (performance.now() - start > timeout) {
        reject(new Error('timed out waiting for the paint'));
      } else {
        requestAnimationFrame(tick);
      }
    };
    const start = performance.now();
    requestAnimationFrame(tick);
    action();
  });
}

/**
 * Latency of real input events (sent by the driver through the DevTools protocol): from the
 * `startType` event's timeStamp, taken when the browser received the input, to the end of the
 * rendering of the frame after the first trusted `endType` event. The frame is requested from a
 * capture listener on window, before the page's handlers run: they run in the same task, and
 * microtasks (Lit's updates) right after them, so that frame is the first that can show their
 * work, whatever order the listeners run in.
 */
export function eventLatency(startType, endType) {
  let armed = false;
  let pending;
  window.addEventListener(
    startType,
    (event) => {
      if (!armed || !event.isTrusted) return;
      const now = performance.now();
      // timeStamp is in the same timeline as performance.now(); fall back if it is not usable.
      const start = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
      let resolve;
      const promise = new Promise((settle) => (resolve = settle));
      pending = { start, queued: now - start, ended: false, promise, resolve };
    },
    true,
  );
  window.addEventListener(
    endType,
    (event) => {
      const sample = pending;
      if (!armed || !event.isTrusted || !sample || sample.ended) return;
      sample.ended = true;
      afterNextFrame().then((end) => {
        measured(sample.start, end);
        sample.resolve({ ms: end - sample.start, queued: sample.queued });
      });
    },
    true,
  );
  return {
    /** Starts or stops taking samples, then lets two frames pass. */
    async arm(on) {
      armed = on;
      pending = undefined;
      await frames(2);
    },
    /** The sample of the last input sent; fails if it produced no `endType` event. */
    next(timeout = 5_000) {
      const sample = pending;
      if (!sample) return Promise.reject(new Error(`no ${startType} event arrived`));
      return Promise.race([
        sample.promise,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${endType} after ${startType}`)), timeout)),
      ]);
    },
  };
}

/** Centre of an element in viewport coordinates, for the driver's mouse. */
export function centreOf(element) {
  const box = element.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}
