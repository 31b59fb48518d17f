// npm run bench:sms: times countSms (src/sms) on a 1 600-character message, GSM-7 and UCS-2, and
// prints median and p95 microseconds per call. Node only, a few seconds; apart from `npm run bench`,
// which compares the elements with intl-tel-input in a browser. Figures only: how fast is fast
// enough depends on the machine.
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/sms/index.ts', import.meta.url));
const bundle = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', write: false });
const source = bundle.outputFiles[0].text;
const { countSms } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

const LENGTH = 1600;
const repeatTo = (pattern) => [...pattern.repeat(Math.ceil(LENGTH / [...pattern].length))].slice(0, LENGTH).join('');
const MESSAGES = {
  // Extension characters on purpose: they take the slower path that keeps escape pairs whole.
  'GSM-7': repeatTo("Join my call at 10:30 [room {7}] - it's €5 off ~ see you! "),
  // Curly quotes and an emoji outside the BMP: a surrogate pair every so often.
  'UCS-2': repeatTo('Rejoins l’appel “équipe” à 10 h 30 😀 à tout de suite ! '),
};

const SAMPLES = 2000;
const CALLS_PER_SAMPLE = 50;

function time(text) {
  let sink = 0;
  for (let i = 0; i < 5000; i += 1) sink += countSms(text).segments;
  const perCall = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const start = performance.now();
    for (let i = 0; i < CALLS_PER_SAMPLE; i += 1) sink += countSms(text).segments;
    perCall.push(((performance.now() - start) * 1000) / CALLS_PER_SAMPLE);
  }
  perCall.sort((a, b) => a - b);
  const at = (q) => perCall[Math.min(perCall.length - 1, Math.floor(q * perCall.length))];
  return { median: at(0.5), p95: at(0.95), sink };
}

console.log(`node ${process.version}, ${SAMPLES} samples × ${CALLS_PER_SAMPLE} calls each`);
for (const [name, text] of Object.entries(MESSAGES)) {
  const count = countSms(text);
  const { median, p95 } = time(text);
  console.log(
    `${name}: ${count.characters} characters, ${count.units} units, ${count.segments} segments: ` +
      `median ${median.toFixed(2)} µs, p95 ${p95.toFixed(2)} µs per call`,
  );
}
