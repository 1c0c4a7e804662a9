// The sign-in session around the authorization-code flow, as a browser and a client we did not write see
// it: single sign-on and prompt/max_age (OIDC Core 3.1.2.1), the consent page of a third-party client
// (3.1.2.4), refresh-token rotation with reuse detection (RFC 9700 4.14.2), the UserInfo endpoint (OIDC
// Core 5.3, RFC 6750 3), at_hash (3.1.3.6) and RP-Initiated Logout 1.0. A real headless Chromium holds the
// session cookie; oauth4webapi is the client; the helpers (and how redirects to the clients' origins are
// answered inside the browser) are in lib/browser.mjs.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, describe, test } from 'node:test';
import * as oauth from 'oauth4webapi';
import {
  authorizeInBrowser, closeContexts, env, hookOptions, insecure, introspect, isAuthorizationError, isOAuthError, navigations, newFlow, officialClaims,
  openBrowser, portal, redeemCode, setUp, signInAndRedeem, signInIfShown, tearDown, testOptions, validateCallback,
  verifyAccessToken, waitForCallback, wang, zhang,
} from './lib/browser.mjs';

const thirdParty = { client_id: 'third-party-demo' };
const thirdPartyName = 'Third-party benefits app (development only)';
const thirdPartyRedirectUri = 'http://127.0.0.1:8401/callback';
const signedOutUri = 'http://127.0.0.1:8400/signed-out';
const li = { id: 'official:li', password: 'dev-only-li-password-02' };

/**
 * Runs an authorization request in a browser that is expected to be signed in already: asserts that the
 * main frame committed nothing on the server (no sign-in or consent page, only the 303 to the client)
 * and returns the callback URL.
 */
async function authorizeSilently(session, flow) {
  session.visited.length = 0;
  await session.page.goto(flow.url.href);
  const callback = await waitForCallback(session.page, new URL(flow.redirectUri).origin);
  assert.deepEqual(session.visited.map((url) => url.origin), [callback.origin], 'no page shown on the server');
  return callback;
}

/** Opens the authorization URL and reports whether the sign-in form is what the browser shows. */
async function showsSignInForm(page, flow) {
  await page.goto(flow.url.href);
  return new URL(page.url()).origin === env.serverOrigin && await page.getByLabel('User id').count() === 1;
}

function refresh(refreshToken) {
  return oauth.refreshTokenGrantRequest(env.as, portal, oauth.None(), refreshToken, insecure)
    .then((response) => oauth.processRefreshTokenResponse(env.as, portal, response));
}

async function userInfo(accessToken, expectedSubject) {
  const response = await oauth.userInfoRequest(env.as, portal, accessToken, insecure);
  return oauth.processUserInfoResponse(env.as, portal, expectedSubject, response);
}

/** RFC 6750 3.1: a 401 whose Bearer challenge says invalid_token, as oauth4webapi parses it. */
function assertRefusedAsInvalidToken(promise) {
  return assert.rejects(
    promise,
    (error) => error instanceof oauth.WWWAuthenticateChallengeError && error.response.status === 401
      && error.cause[0].scheme === 'bearer' && error.cause[0].parameters.error === 'invalid_token',
  );
}

function endSessionUrl(params) {
  const url = new URL(env.as.end_session_endpoint);
  for (const [name, value] of Object.entries(params)) {
    url.searchParams.set(name, value);
  }

  return url;
}

describe('GovAuthZ sign-in session, consent, refresh, userinfo and logout in a browser', () => {
  before(setUp, hookOptions);
  afterEach(closeContexts, hookOptions);
  after(tearDown, hookOptions);

  test('Authorize_WhenSignedInInSameBrowser_IssuesCodeWithoutFormAndSameSession', testOptions, async () => {
    const { flow: firstFlow, result: first, session } = await signInAndRedeem(wang);

    const secondFlow = await newFlow();
    const callback = await authorizeSilently(session, secondFlow);
    const second = await redeemCode(secondFlow, validateCallback(secondFlow, callback));

    const firstClaims = oauth.getValidatedIdTokenClaims(first);
    const secondClaims = oauth.getValidatedIdTokenClaims(second);
    assert.equal(firstClaims.nonce, firstFlow.nonce);
    assert.equal(secondClaims.nonce, secondFlow.nonce);
    assert.equal(secondClaims.sub, wang.id);
    assert.equal(typeof firstClaims.sid, 'string');
    assert.ok(firstClaims.sid.length > 0, 'the ID token names its session');
    assert.equal(secondClaims.sid, firstClaims.sid);
    assert.equal(typeof firstClaims.auth_time, 'number');
    assert.equal(secondClaims.auth_time, firstClaims.auth_time, 'single sign-on does not re-authenticate');

    const fresh = await openBrowser();
    assert.equal(await showsSignInForm(fresh.page, await newFlow()), true, 'another browser context has no session');
    assert.deepEqual(fresh.external, []);

    assert.equal(await showsSignInForm(session.page, await newFlow({ prompt: 'login' })), true, 'prompt=login shows the form');
    assert.equal(await showsSignInForm(session.page, await newFlow({ max_age: '0' })), true, 'max_age=0 shows the form');
  });

  test('Authorize_WhenPromptNoneWithoutSession_RedirectsWithLoginRequired', testOptions, async () => {
    const { page, external } = await openBrowser();
    const flow = await newFlow({ prompt: 'none' });

    await page.goto(flow.url.href);
    const callback = await waitForCallback(page);
    assert.deepEqual(navigations(external), [callback.href], 'straight to the client, no page shown');
    assert.equal(callback.searchParams.get('code'), null);
    assert.throws(
      () => validateCallback(flow, callback),
      isAuthorizationError('login_required'),
    );
  });

  test('Authorize_WhenThirdPartyClient_AsksConsentOnceAndDenyReportsAccessDenied', testOptions, async () => {
    const session = await openBrowser();
    const flow = await newFlow({ redirect_uri: thirdPartyRedirectUri, scope: 'openid consent:read' }, thirdParty);
    await session.page.goto(flow.url.href);
    assert.equal(await signInIfShown(session.page, wang), true);

    await session.page.getByRole('heading', { name: 'Allow access?' }).waitFor();
    const intro = await session.page.locator('p').first().textContent();
    assert.ok(intro.startsWith(`${thirdPartyName} `), `the page names the client: ${intro}`);
    assert.deepEqual((await session.page.getByRole('listitem').allTextContents()).sort(), ['consent:read', 'openid']);
    assert.deepEqual(session.external, [], 'no code before the user allows');
    await session.page.getByRole('button', { name: 'Allow' }).click();
    const callback = await waitForCallback(session.page, new URL(thirdPartyRedirectUri).origin);
    const result = await redeemCode(flow, validateCallback(flow, callback));
    assert.equal(oauth.getValidatedIdTokenClaims(result).sub, wang.id);
    assert.equal(oauth.getValidatedIdTokenClaims(result).aud, thirdParty.client_id);

    const again = await newFlow({ redirect_uri: thirdPartyRedirectUri, scope: 'openid consent:read' }, thirdParty);
    const secondCallback = await authorizeSilently(session, again);
    assert.equal(oauth.getValidatedIdTokenClaims(await redeemCode(again, validateCallback(again, secondCallback))).sub, wang.id);

    // Consent is per user: li has not allowed the app, and denies it.
    const other = await openBrowser();
    const denied = await newFlow({ redirect_uri: thirdPartyRedirectUri, scope: 'openid consent:read' }, thirdParty);
    await other.page.goto(denied.url.href);
    assert.equal(await signInIfShown(other.page, li), true);
    await other.page.getByRole('button', { name: 'Deny' }).click();
    const deniedCallback = await waitForCallback(other.page, new URL(thirdPartyRedirectUri).origin);
    assert.equal(deniedCallback.searchParams.get('code'), null);
    assert.throws(
      () => validateCallback(denied, deniedCallback),
      (error) => isAuthorizationError('access_denied')(error)
        && error.cause.get('state') === denied.state && error.cause.get('iss') === env.as.issuer,
    );
  });

  test('RefreshGrant_WhenOldRefreshTokenReused_RevokesFamilyAndItsAccessToken', testOptions, async () => {
    const { result: first } = await signInAndRedeem(wang, { scope: 'openid profile decision:check' });
    assert.equal(typeof first.refresh_token, 'string');

    const second = await refresh(first.refresh_token);
    assert.equal(typeof second.access_token, 'string');
    assert.equal(typeof second.refresh_token, 'string');
    assert.notEqual(second.access_token, first.access_token);
    assert.notEqual(second.refresh_token, first.refresh_token, 'the refresh token rotates');
    const { payload } = await verifyAccessToken(second.access_token);
    assert.equal(payload.sub, wang.id);
    assert.deepEqual(payload.scope.split(' ').sort(), ['decision:check', 'openid', 'profile']);
    assert.equal((await introspect(second.access_token)).active, true);

    await assert.rejects(refresh(first.refresh_token), isOAuthError('invalid_grant'));
    await assert.rejects(refresh(second.refresh_token), isOAuthError('invalid_grant'), 'reuse revoked the whole family');
    assert.deepEqual(await introspect(second.access_token), { active: false });
  });

  test('UserInfo_WhenOfficialOrCitizen_ReturnsSubNameAndOfficialAttributesOnlyForOfficial', testOptions, async () => {
    const official = await signInAndRedeem(wang, { scope: 'openid profile decision:check' });
    const claims = await userInfo(official.result.access_token, wang.id);
    assert.equal(claims.sub, wang.id);
    assert.equal(claims.name, 'Wang (Nanjing Civil Affairs caseworker, development only)');
    assert.equal(claims.department, 'civil_affairs_nj');
    assert.deepEqual(claims.roles, ['role:caseworker']);
    assert.equal(claims.region, '320100');
    assert.equal(claims.level, 3);
    assert.equal(claims.clearance, 'important');

    const citizen = await signInAndRedeem(zhang, { scope: 'openid profile decision:check' });
    const citizenClaims = await userInfo(citizen.result.access_token, zhang.id);
    assert.equal(citizenClaims.sub, zhang.id);
    assert.equal(citizenClaims.name, 'Zhang (citizen, development only)');
    for (const claim of officialClaims) {
      assert.equal(citizenClaims[claim], undefined, `a citizen's userinfo carries no ${claim}`);
    }
  });

  test('UserInfo_WhenAccessTokenRevokedWithItsRefreshFamily_RefusesWithInvalidToken', testOptions, async () => {
    const { result: first } = await signInAndRedeem(zhang, { scope: 'openid profile decision:check' });
    const second = await refresh(first.refresh_token);
    assert.equal((await userInfo(second.access_token, zhang.id)).sub, zhang.id, 'usable before the revocation');

    // Reusing the rotated refresh token revokes the family and the access tokens issued from it.
    await assert.rejects(refresh(first.refresh_token), isOAuthError('invalid_grant'));
    await assertRefusedAsInvalidToken(userInfo(second.access_token, zhang.id));
  });

  // RFC 7009 2.1: a public client (identified by client_id alone) revokes its own tokens.
  test('UserInfo_WhenAccessTokenRevokedByPublicClient_RefusesWithInvalidToken', testOptions, async () => {
    const { result } = await signInAndRedeem(zhang, { scope: 'openid profile decision:check' });
    assert.equal((await userInfo(result.access_token, zhang.id)).sub, zhang.id);

    await oauth.processRevocationResponse(
      await oauth.revocationRequest(env.as, portal, oauth.None(), result.access_token, insecure));
    await assertRefusedAsInvalidToken(userInfo(result.access_token, zhang.id));
  });

  test('IdToken_WhenIssuedWithAccessToken_AtHashIsLeftHalfOfSha256', testOptions, async () => {
    const { result } = await signInAndRedeem(zhang);

    const digest = createHash('sha256').update(result.access_token, 'ascii').digest();
    const expected = digest.subarray(0, digest.length / 2).toString('base64url');
    assert.equal(oauth.getValidatedIdTokenClaims(result).at_hash, expected);
  });

  test('EndSession_WhenIdTokenHintAndRegisteredUri_RedirectsWithStateAndEndsSession', testOptions, async () => {
    const { result, session } = await signInAndRedeem(wang);
    const state = oauth.generateRandomState();

    session.external.length = 0;
    await session.page.goto(endSessionUrl({ id_token_hint: result.id_token, post_logout_redirect_uri: signedOutUri, state }).href);
    const landed = await waitForCallback(session.page);
    assert.equal(landed.origin + landed.pathname, signedOutUri);
    assert.equal(landed.searchParams.get('state'), state);
    assert.deepEqual(navigations(session.external), [landed.href], 'one navigation, to the registered URI');

    assert.equal(await showsSignInForm(session.page, await newFlow()), true, 'the session no longer signs in');
  });

  test('EndSession_WhenPostLogoutUriUnregistered_ShowsErrorAndStaysSignedIn', testOptions, async () => {
    const { result, session } = await signInAndRedeem(wang);

    session.external.length = 0;
    const url = endSessionUrl({ id_token_hint: result.id_token, post_logout_redirect_uri: 'http://127.0.0.1:8400/elsewhere', state: 'x' });
    const response = await session.page.goto(url.href);
    assert.equal(response.status(), 400);
    assert.equal(await session.page.getByRole('heading').textContent(), 'Authorization error');
    assert.match(await session.page.locator('p').textContent(), /^invalid_request: /);
    assert.equal(new URL(session.page.url()).origin, env.serverOrigin);
    // Only page loads count: the client page shown before may still fetch its favicon from :8400.
    assert.deepEqual(navigations(session.external), [], 'the browser never navigated to the client');
    assert.equal(session.external.some((request) => request.url.pathname === '/elsewhere'), false, 'nothing was sent to the unregistered URI');

    const flow = await newFlow();
    await authorizeSilently(session, flow);
  });

  test('EndSession_WhenNoHint_ConfirmationFormSignsOut', testOptions, async () => {
    const { session } = await signInAndRedeem(wang);

    await session.page.goto(env.as.end_session_endpoint);
    await session.page.getByRole('heading', { name: 'Sign out?' }).waitFor();
    // Showing the form signed nobody out: the session still signs in silently.
    await authorizeSilently(session, await newFlow());

    await session.page.goto(env.as.end_session_endpoint);
    await session.page.getByRole('button', { name: 'Sign out' }).click();
    await session.page.getByRole('heading', { name: 'Signed out' }).waitFor();
    assert.equal(new URL(session.page.url()).origin, env.serverOrigin);
    assert.equal(await showsSignInForm(session.page, await newFlow()), true, 'signed out: the form is shown again');
  });
});
