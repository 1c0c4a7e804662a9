// Interoperability: the reference Node.js gRPC stack (@grpc/grpc-js with @grpc/proto-loader), which
// shares no code with our own transport, must be able to call every method and read every status the
// server sends. The server is started by scripts/interop.sh, which passes its h2c address in
// GOVAUTHZ_GRPC_ADDR (host:port).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const here = path.dirname(fileURLToPath(import.meta.url));
const protoRoot = path.resolve(here, '../../proto');
const address = process.env.GOVAUTHZ_GRPC_ADDR;

// Both proto files together, with the JSON-friendly options most Node.js services use: camelCase
// field names, enums as names, int64 as strings (so a revision never loses precision).
const definition = protoLoader.loadSync(
  ['govauthz/decision/v1/decision.proto', 'grpc/health/v1/health.proto'],
  { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true, includeDirs: [protoRoot] },
);
const loaded = grpc.loadPackageDefinition(definition);
const DecisionService = loaded.govauthz.decision.v1.DecisionService;
const Health = loaded.grpc.health.v1.Health;

// Officials and datasets from policies/tests/sharing-types.yaml, as in the REST integration tests.
const wang = {
  official: {
    id: 'official:wang',
    department: 'civil_affairs_nj',
    level: 'ADMINISTRATIVE_LEVEL_MUNICIPAL',
    region: '320100',
    clearance: 'DATA_GRADE_IMPORTANT',
  },
};
const chen = {
  official: {
    id: 'official:chen',
    department: 'market_regulation_sz',
    level: 'ADMINISTRATIVE_LEVEL_MUNICIPAL',
    region: '320500',
    clearance: 'DATA_GRADE_IMPORTANT',
  },
};

function checkRequest(principal, datasetId, purpose, action = 'read') {
  return { principal, resource: { datasetId }, action, purpose };
}

// Allowed: civil_affairs_nj has an agreement with hrss_js for this conditional dataset.
const allowedCheck = checkRequest(wang, 'ds_hr_social_insurance_nj', 'social-assistance-eligibility');
// Denied: no market_regulation_sz -> hrss_sz agreement.
const deniedCheck = checkRequest(chen, 'ds_hr_employment_sz', 'business-licence-approval');

// Resolves with the response, or with the ServiceError when the call fails, so status assertions
// read the same way as value assertions.
function call(client, method, request, options = {}) {
  return new Promise((resolve) => {
    client[method](request, new grpc.Metadata(), options, (error, response) => {
      resolve(error ? { error } : { response });
    });
  });
}

function assertStatus(result, code) {
  assert.ok(result.error, `expected status ${code} but the call succeeded`);
  assert.equal(result.error.code, code, `status ${result.error.code}: ${result.error.details}`);
}

describe('GovAuthZ over @grpc/grpc-js', () => {
  let decisions;
  let health;

  before(() => {
    assert.ok(address, 'GOVAUTHZ_GRPC_ADDR must be set (host:port of the h2c gRPC listener)');
    const credentials = grpc.credentials.createInsecure();
    // -1 lifts the client's own send limit so the oversized test reaches the server's limit.
    decisions = new DecisionService(address, credentials, { 'grpc.max_send_message_length': -1 });
    health = new Health(address, credentials);
  });

  after(() => {
    decisions?.close();
    health?.close();
  });

  test('Check_WhenAgreementCoversDataset_Allows', async () => {
    const { error, response } = await call(decisions, 'Check', allowedCheck);
    assert.ifError(error);
    assert.equal(response.allowed, true);
    assert.ok(response.matchedRule, 'an allow names the deciding rule');
    assert.ok(response.matchedRule.fields.length > 0);
    assert.match(response.matchedRule.location, /:\d+$/);
    assert.ok(BigInt(response.policyRevision) > 0n, `revision ${response.policyRevision}`);
    assert.ok(response.decisionId.length > 0);
  });

  test('Check_WhenNoAgreement_DeniesWithoutError', async () => {
    const { error, response } = await call(decisions, 'Check', deniedCheck);
    assert.ifError(error);
    assert.equal(response.allowed, false);
    assert.ok(response.reasons.length > 0, 'a deny carries reason codes');
    assert.deepEqual(response.obligations, []);
  });

  test('CheckBatch_WhenMixed_KeepsOrder', async () => {
    const checks = [deniedCheck, allowedCheck, deniedCheck, allowedCheck];
    const { error, response } = await call(decisions, 'CheckBatch', { checks });
    assert.ifError(error);
    assert.deepEqual(response.results.map((r) => r.allowed), [false, true, false, true]);
  });

  test('Explain_WhenAllowed_ReturnsDecisionAndAttributes', async () => {
    const { error, response } = await call(decisions, 'Explain', allowedCheck);
    assert.ifError(error);
    assert.equal(response.decision.allowed, true);
    assert.ok(response.attributes.length > 0, 'the trace lists attributes read');
    for (const attribute of response.attributes) {
      assert.ok(attribute.name.length > 0);
    }
    assert.ok(response.reason.length > 0);
  });

  test('HealthCheck_WhenReady_IsServing', async () => {
    const whole = await call(health, 'Check', { service: '' });
    assert.ifError(whole.error);
    assert.equal(whole.response.status, 'SERVING');
    const decision = await call(health, 'Check', { service: 'govauthz.decision.v1.DecisionService' });
    assert.ifError(decision.error);
    assert.equal(decision.response.status, 'SERVING');
  });

  test('HealthCheck_WhenServiceUnknown_NotFound', async () => {
    const result = await call(health, 'Check', { service: 'nope.v1.Nope' });
    assertStatus(result, grpc.status.NOT_FOUND);
  });

  test('HealthWatch_WhenReady_StreamsServingThenCancelsCleanly', async () => {
    const stream = health.Watch({ service: 'govauthz.decision.v1.DecisionService' });
    const first = await new Promise((resolve, reject) => {
      stream.once('data', resolve);
      stream.once('error', reject);
    });
    assert.equal(first.status, 'SERVING');

    // The server never ends a watch itself; the client's cancel does, and is reported to it as CANCELLED.
    const ended = new Promise((resolve) => {
      stream.on('error', (error) => resolve(error.code));
      stream.on('end', () => resolve('end'));
    });
    stream.cancel();
    assert.equal(await ended, grpc.status.CANCELLED);

    // The channel and the server both carry on.
    const after = await call(health, 'Check', { service: '' });
    assert.ifError(after.error);
    assert.equal(after.response.status, 'SERVING');
  });

  test('HealthWatch_WhenServiceUnknown_StreamsServiceUnknownAndStaysOpen', async () => {
    // A deadline ends the call, so "stays open" shows as DEADLINE_EXCEEDED rather than a clean end.
    const stream = health.Watch({ service: 'nope.v1.Nope' }, { deadline: Date.now() + 500 });
    const statuses = [];
    stream.on('data', (message) => statuses.push(message.status));
    const code = await new Promise((resolve) => {
      stream.on('error', (error) => resolve(error.code));
      stream.on('end', () => resolve('end'));
    });
    assert.deepEqual(statuses, ['SERVICE_UNKNOWN']);
    assert.equal(code, grpc.status.DEADLINE_EXCEEDED);
  });

  test('Check_WhenDeadlineGenerous_Succeeds', async () => {
    // The client sends grpc-timeout; the server must parse grpc-js's encoding of it and answer.
    const result = await call(decisions, 'Check', allowedCheck, { deadline: Date.now() + 30_000 });
    assert.ifError(result.error);
    assert.equal(result.response.allowed, true);
  });

  test('Check_WhenDeadlineExpired_DeadlineExceeded', async () => {
    // Already past: the outcome cannot depend on how fast the server answers.
    const result = await call(decisions, 'Check', allowedCheck, { deadline: Date.now() - 1_000 });
    assertStatus(result, grpc.status.DEADLINE_EXCEEDED);
  });

  test('Check_WhenMessageOverFourMiB_ResourceExhausted', async () => {
    const oversized = checkRequest(wang, 'ds_hr_social_insurance_nj', 'social-assistance-eligibility', 'a'.repeat(5 * 1024 * 1024));
    const result = await call(decisions, 'Check', oversized);
    assertStatus(result, grpc.status.RESOURCE_EXHAUSTED);
    // The connection stays usable after the rejected call.
    const next = await call(decisions, 'Check', allowedCheck);
    assert.ifError(next.error);
  });

  test('UnknownMethod_WhenCalled_Unimplemented', async () => {
    const identity = (value) => value;
    const result = await new Promise((resolve) => {
      decisions.makeUnaryRequest(
        '/govauthz.decision.v1.DecisionService/Nope',
        identity,
        identity,
        Buffer.alloc(0),
        (error, response) => resolve(error ? { error } : { response }),
      );
    });
    assertStatus(result, grpc.status.UNIMPLEMENTED);
  });

  test('Check_WhenDatasetUnknown_InvalidArgumentWithCode', async () => {
    const request = checkRequest(wang, 'ds_does_not_exist', 'social-assistance-eligibility');
    const result = await call(decisions, 'Check', request);
    assertStatus(result, grpc.status.INVALID_ARGUMENT);
    assert.match(result.error.details, /^GAZ2001 /);
    assert.match(result.error.details, /ds_does_not_exist/);
  });
});
