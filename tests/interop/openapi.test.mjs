// The OpenAPI document checked by a validator we did not write (@apidevtools/swagger-parser): it must be
// a valid OpenAPI 3.1 document whose $refs all resolve. scripts/interop.sh passes the REST listener's
// address in GOVAUTHZ_HTTP_ADDR (host:port).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';

const address = process.env.GOVAUTHZ_HTTP_ADDR;

async function fetchDocument() {
  assert.ok(address, 'GOVAUTHZ_HTTP_ADDR must be set (host:port of the REST listener)');
  const response = await fetch(`http://${address}/openapi/v1.json`);
  assert.equal(response.status, 200);
  return response.json();
}

describe('GovAuthZ OpenAPI document', () => {
  test('OpenApi_WhenValidated_IsValidOpenApi31', async () => {
    const document = await fetchDocument();
    // validate() dereferences in place, so it gets its own copy.
    const api = await SwaggerParser.validate(structuredClone(document));
    assert.equal(api.openapi, '3.1.0');
    assert.deepEqual(
      Object.keys(api.paths).sort(),
      ['/healthz', '/openapi/v1.json', '/readyz', '/v1/check', '/v1/check:batch', '/v1/explain'],
    );
  });

  test('OpenApi_WhenDereferenced_CheckRequestReachesDurationAndEnums', async () => {
    const api = await SwaggerParser.dereference(await fetchDocument());
    const check = api.paths['/v1/check'].post;
    const request = check.requestBody.content['application/json'].schema;
    assert.equal(request.properties.principal.properties.official.properties.level.type, 'string');
    const response = check.responses['200'].content['application/json'].schema;
    assert.equal(response.properties.policyRevision.type, 'string');
    const obligation = response.properties.obligations.items;
    assert.equal(obligation.properties.retention.properties.maxAge.pattern, '^-?[0-9]+(\\.[0-9]{1,9})?s$');
    assert.ok(check.responses['415'], 'a non-JSON body is answered 415');
  });
});
