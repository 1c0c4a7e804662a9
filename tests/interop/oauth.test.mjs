// The token service checked by OAuth and JOSE libraries we did not write: oauth4webapi (RFC 8414
// discovery, client_credentials with client_secret_basic and client_secret_post, RFC 7662 introspection,
// RFC 7009 revocation) and jose (the JWKS from jwks_uri, RFC 9068 access-token checks). The clients are
// the development clients a loopback server registers on an empty store. scripts/interop.sh passes the
// HTTP listener's address in GOVAUTHZ_HTTP_ADDR (host:port).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as oauth from 'oauth4webapi';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { adminConsole, insecure, isOAuthError, pepDemo } from './lib/clients.mjs';

const address = process.env.GOVAUTHZ_HTTP_ADDR;

let issuer;
let as;

async function clientCredentials(who, auth, scope) {
  const response = await oauth.clientCredentialsGrantRequest(as, who.client, auth, new URLSearchParams({ scope }), insecure);
  return oauth.processClientCredentialsResponse(as, who.client, response);
}

async function introspect(token) {
  const response = await oauth.introspectionRequest(as, adminConsole.client, oauth.ClientSecretBasic(adminConsole.secret), token, insecure);
  return oauth.processIntrospectionResponse(as, adminConsole.client, response);
}

describe('GovAuthZ token service', () => {
  before(async () => {
    assert.ok(address, 'GOVAUTHZ_HTTP_ADDR must be set (host:port of the HTTP listener)');
    issuer = new URL(`http://${address}`);
    const response = await oauth.discoveryRequest(issuer, { ...insecure, algorithm: 'oauth2' });
    as = await oauth.processDiscoveryResponse(issuer, response);
  });

  test('Discovery_WhenFetchedByOauth4webapi_MatchesIssuerAndEndpoints', async () => {
    assert.equal(new URL(as.issuer).href, issuer.href);
    assert.equal(as.token_endpoint, `http://${address}/oauth/token`);
    assert.ok(as.grant_types_supported.includes('client_credentials'));
    const oidc = await oauth.discoveryRequest(issuer, { ...insecure, algorithm: 'oidc' });
    assert.equal((await oauth.processDiscoveryResponse(issuer, oidc)).jwks_uri, as.jwks_uri);
  });

  test('ClientCredentials_WhenSecretBasic_TokenVerifiesWithJose', async () => {
    const result = await clientCredentials(pepDemo, oauth.ClientSecretBasic(pepDemo.secret), 'decision:check');
    assert.equal(result.token_type.toLowerCase(), 'bearer');

    const jwks = createRemoteJWKSet(new URL(as.jwks_uri));
    const { payload, protectedHeader } = await jwtVerify(result.access_token, jwks, {
      issuer: as.issuer,
      audience: 'govauthz',
      typ: 'at+jwt',
      algorithms: ['ES256'],
    });
    assert.equal(protectedHeader.alg, 'ES256');
    assert.equal(payload.client_id, 'pep-demo');
    assert.equal(payload.scope, 'decision:check');
  });

  test('ClientCredentials_WhenSecretPost_IssuesToken', async () => {
    const result = await clientCredentials(pepDemo, oauth.ClientSecretPost(pepDemo.secret), 'decision:assert-principal');
    assert.equal(result.scope, 'decision:assert-principal');
    assert.ok(result.expires_in > 0);
  });

  test('ClientCredentials_WhenBasicSecretWrong_FailsWithBasicChallenge', async () => {
    // RFC 6749 5.2: a 401 to a Basic request carries WWW-Authenticate: Basic, which oauth4webapi surfaces.
    await assert.rejects(
      clientCredentials(pepDemo, oauth.ClientSecretBasic('wrong-secret-wrong-secret-wrong-secret-00'), 'decision:check'),
      (error) => error instanceof oauth.WWWAuthenticateChallengeError && error.status === 401 && error.cause[0].scheme === 'basic',
    );
  });

  test('ClientCredentials_WhenPostSecretWrong_FailsWithInvalidClient', async () => {
    await assert.rejects(
      clientCredentials(pepDemo, oauth.ClientSecretPost('wrong-secret-wrong-secret-wrong-secret-00'), 'decision:check'),
      (error) => isOAuthError('invalid_client')(error) && error.status === 401,
    );
  });

  test('Revocation_WhenOwnToken_IntrospectionThenSaysInactive', async () => {
    const { access_token: token } = await clientCredentials(pepDemo, oauth.ClientSecretBasic(pepDemo.secret), 'decision:check');
    const active = await introspect(token);
    assert.equal(active.active, true);
    assert.equal(active.client_id, 'pep-demo');

    const revocation = await oauth.revocationRequest(as, pepDemo.client, oauth.ClientSecretBasic(pepDemo.secret), token, insecure);
    await oauth.processRevocationResponse(revocation);

    assert.deepEqual(await introspect(token), { active: false });
  });
});
