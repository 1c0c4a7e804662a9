// The authorization-code flow with PKCE (RFC 6749 4.1, RFC 7636) as a user meets it: a real headless
// Chromium, driven by playwright-core, opens the authorization URL that oauth4webapi builds, fills the
// server's sign-in form and submits it; oauth4webapi validates the callback (state, RFC 9207 iss) and
// redeems the code (ID token checks with the nonce); jose verifies the access token against the JWKS.
// The client's redirect URI (http://127.0.0.1:8400/callback) has no listener: every request for an
// origin other than the server is intercepted in the browser, recorded and answered with a tiny page.
// scripts/interop.sh passes the server's HTTP address in GOVAUTHZ_HTTP_ADDR and the browser binary in
// GOVAUTHZ_CHROMIUM; no browser is ever downloaded. The helpers live in lib/browser.mjs.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import * as oauth from 'oauth4webapi';
import { jwtVerify } from 'jose';
import {
  isAuthorizationError, isOAuthError,
  authorizeInBrowser, closeContexts, env, hookOptions, introspect, navigations, newFlow, officialClaims, openBrowser,
  portal, redeemCode, redirectUri, setUp, signInAndRedeem, signInIfShown, tearDown, testOptions, validateCallback,
  verifyAccessToken, waitForCallback, wang, zhang,
} from './lib/browser.mjs';

// --- tests -------------------------------------------------------------------------------------------

describe('GovAuthZ authorization-code flow in a browser', () => {
  before(setUp, hookOptions);
  afterEach(closeContexts, hookOptions);
  after(tearDown, hookOptions);

  test('CodeFlow_WhenOfficialSignsInInBrowser_TokensCarryOfficialAttributes', testOptions, async () => {
    const { flow, result } = await signInAndRedeem(wang);

    const idClaims = oauth.getValidatedIdTokenClaims(result);
    assert.equal(idClaims.sub, wang.id);
    assert.equal(idClaims.aud, portal.client_id);
    assert.equal(idClaims.nonce, flow.nonce);
    // oauth4webapi checks the ID token's claims; its signature is checked here against the JWKS too.
    await jwtVerify(result.id_token, env.jwks, { issuer: env.as.issuer, audience: portal.client_id });

    const { payload } = await verifyAccessToken(result.access_token);
    assert.equal(payload.sub, wang.id);
    assert.equal(payload.client_id, portal.client_id);
    assert.deepEqual(payload.scope.split(' ').sort(), ['decision:check', 'openid']);
    assert.equal(payload.department, 'civil_affairs_nj');
    assert.deepEqual(payload.roles, ['role:caseworker']);
    assert.equal(payload.region, '320100');
    assert.equal(payload.level, 3);
    assert.equal(payload.clearance, 'important');
  });

  test('CodeFlow_WhenCitizenSignsInInBrowser_TokenHasNoOfficialAttributes', testOptions, async () => {
    const { result } = await signInAndRedeem(zhang);

    assert.equal(oauth.getValidatedIdTokenClaims(result).sub, zhang.id);
    const { payload } = await verifyAccessToken(result.access_token);
    assert.equal(payload.sub, zhang.id);
    for (const claim of officialClaims) {
      assert.equal(payload[claim], undefined, `a citizen's token carries no ${claim}`);
    }
  });

  test('SignIn_WhenPasswordWrong_ShowsErrorThenRightPasswordCompletesInSamePage', testOptions, async () => {
    const { page, external } = await openBrowser();
    const flow = await newFlow();
    await page.goto(flow.url.href);

    await signInIfShown(page, { id: wang.id, password: 'wrong-password-wrong-password-00' });
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByRole('alert').textContent(), 'User id or password is incorrect.');
    assert.equal(new URL(page.url()).origin, env.serverOrigin);
    assert.deepEqual(external, [], 'no redirect after a failed sign-in');

    assert.equal(await signInIfShown(page, wang), true, 'the form is shown again');
    const callback = await waitForCallback(page);
    const result = await redeemCode(flow, validateCallback(flow, callback));
    assert.equal(oauth.getValidatedIdTokenClaims(result).sub, wang.id);
  });

  test('TokenRequest_WhenCodeRedeemedTwice_FailsAndFirstAccessTokenIsRevoked', testOptions, async () => {
    const { page } = await openBrowser();
    const flow = await newFlow();
    const params = validateCallback(flow, await authorizeInBrowser(page, flow, wang));
    const first = await redeemCode(flow, params);
    assert.equal((await introspect(first.access_token)).active, true);

    await assert.rejects(
      redeemCode(flow, params),
      isOAuthError('invalid_grant'),
    );
    assert.deepEqual(await introspect(first.access_token), { active: false });
  });

  test('Authorize_WhenRedirectUriUnregistered_ShowsErrorPageAndNeverNavigatesThere', testOptions, async () => {
    const { page, external } = await openBrowser();
    const flow = await newFlow({ redirect_uri: 'http://127.0.0.1:8401/callback' });

    const response = await page.goto(flow.url.href);
    assert.equal(response.status(), 400);
    assert.equal(await page.getByRole('heading').textContent(), 'Authorization error');
    assert.match(await page.locator('p').textContent(), /^invalid_request: /);
    assert.equal(await page.getByLabel('User id').count(), 0, 'no sign-in form');
    assert.equal(new URL(page.url()).origin, env.serverOrigin);
    assert.deepEqual(external, [], 'the browser sent no request to the unregistered URI');
  });

  test('Authorize_WhenScopeNotAllowed_RedirectsWithInvalidScopeStateAndIss', testOptions, async () => {
    const { page, external } = await openBrowser();
    const flow = await newFlow({ scope: 'openid decision:explain' });

    await page.goto(flow.url.href);
    const callback = await waitForCallback(page);
    assert.equal(callback.origin + callback.pathname, redirectUri);
    assert.equal(callback.searchParams.get('error'), 'invalid_scope');
    assert.equal(callback.searchParams.get('state'), flow.state);
    assert.equal(callback.searchParams.get('iss'), env.as.issuer);
    assert.equal(callback.searchParams.get('code'), null);
    assert.deepEqual(navigations(external), [callback.href], 'one navigation, to the callback');

    assert.throws(
      () => validateCallback(flow, callback),
      isAuthorizationError('invalid_scope'),
    );
  });

  test('SignInPage_WhenLoadedInBrowser_ForbidsFramingAndCaching', testOptions, async () => {
    const { page } = await openBrowser();
    const flow = await newFlow();

    const response = await page.goto(flow.url.href);
    assert.equal(response.status(), 200);
    const headers = await response.allHeaders();
    assert.equal(headers['x-frame-options'], 'DENY');
    assert.match(headers['content-security-policy'], /(^|;)\s*frame-ancestors 'none'\s*(;|$)/);
    assert.equal(headers['cache-control'], 'no-store');
    assert.equal(await page.getByLabel('User id').count(), 1, 'the sign-in form is shown');
  });

  test('SignInPage_WhenFramed_BrowserRefusesToRenderIt', testOptions, async () => {
    // The framing page is served on the server's own origin (answered in the browser): frame-ancestors
    // 'none' and DENY refuse even same-origin framing, and Chromium's local-network checks would stop a
    // frame from the fake client origin before the header mattered.
    const session = await openBrowser();
    const flow = await newFlow();
    const framer = `${env.serverOrigin}/interop-framer`;
    session.fakes.set(framer, `<!DOCTYPE html><html lang="en"><head><title>Framer</title></head><body><iframe src="${flow.url.href}"></iframe></body></html>`);

    const fetched = session.page.waitForResponse((response) => response.url() === flow.url.href);
    const refused = session.page.waitForEvent('requestfailed', (request) => request.url() === flow.url.href);
    await session.page.goto(framer);
    assert.equal((await fetched).status(), 200, 'the server answered the framed request');
    assert.equal((await refused).failure().errorText, 'net::ERR_BLOCKED_BY_RESPONSE');
    for (const frame of session.page.frames()) {
      assert.equal(await frame.getByLabel('User id').count(), 0, 'no sign-in form rendered in any frame');
    }
    assert.deepEqual(session.external, []);
  });
});
