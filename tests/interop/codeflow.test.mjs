// The authorization-code flow with PKCE (RFC 6749 4.1, RFC 7636) as a user meets it: a real headless
// Chromium, driven by playwright-core, opens the authorization URL that oauth4webapi builds, fills the
// server's sign-in form and submits it; oauth4webapi validates the callback (state, RFC 9207 iss) and
// redeems the code (ID token checks with the nonce); jose verifies the access token against the JWKS.
// The client's redirect URI (http://127.0.0.1:8400/callback) has no listener: every request for an
// origin other than the server is intercepted in the browser, recorded and answered with a tiny page.
// scripts/interop.sh passes the server's HTTP address in GOVAUTHZ_HTTP_ADDR and the browser binary in
// GOVAUTHZ_CHROMIUM; no browser is ever downloaded.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import * as oauth from 'oauth4webapi';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { chromium } from 'playwright-core';

const address = process.env.GOVAUTHZ_HTTP_ADDR;
const chromiumPath = process.env.GOVAUTHZ_CHROMIUM ?? '/usr/bin/chromium';
// Without the background-networking switches Chromium's own connections fail on a closed network.
const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// Bounds so that a failure fails fast instead of hanging the suite.
const stepTimeoutMs = 15_000;
const testOptions = { timeout: 60_000 };
const hookOptions = { timeout: 60_000 };

const insecure = { [oauth.allowInsecureRequests]: true };
const portal = { client_id: 'portal-demo' };
const redirectUri = 'http://127.0.0.1:8400/callback';
const clientOrigin = new URL(redirectUri).origin;
const adminConsole = { client: { client_id: 'admin-console' }, secret: 'dev-only-admin-console-secret-do-not-deploy-02' };
const wang = { id: 'official:wang', password: 'dev-only-wang-password-01' };
const zhang = { id: 'citizen:zhang', password: 'dev-only-zhang-password-03' };
const officialClaims = ['department', 'roles', 'level', 'region', 'clearance'];
const clientPage = '<!DOCTYPE html><html lang="en"><head><title>Client</title></head><body><p>callback received</p></body></html>';

let serverOrigin;
let as;
let jwks;
let browser;
const openContexts = [];

// --- browser -----------------------------------------------------------------------------------------

/**
 * A fresh browser context (own cookies) and page. Every request to an origin other than the server is
 * recorded in `external` and answered inside the browser with a tiny page, so the client's callback
 * needs no listener and a test can prove the browser never went somewhere. A test may also answer a
 * URL itself: `fakes` maps origin + path to the HTML to serve. This uses the DevTools protocol's Fetch
 * domain, not page.route: Playwright's routes never see a request that follows a redirect (documented
 * for page.route), and the callback is always reached through the server's 303.
 */
async function openBrowser() {
  const context = await browser.newContext();
  openContexts.push(context);
  context.setDefaultTimeout(stepTimeoutMs);
  context.setDefaultNavigationTimeout(stepTimeoutMs);
  const page = await context.newPage();
  const session = { context, page, external: [], fakes: new Map() };
  const cdp = await context.newCDPSession(page);
  cdp.on('Fetch.requestPaused', (event) => {
    const url = new URL(event.request.url);
    let body = session.fakes.get(url.origin + url.pathname);
    if (body === undefined && url.origin !== serverOrigin) {
      session.external.push({ url, type: event.resourceType });
      body = clientPage;
    }

    const answer = body === undefined
      ? cdp.send('Fetch.continueRequest', { requestId: event.requestId })
      : cdp.send('Fetch.fulfillRequest', {
        requestId: event.requestId,
        responseCode: 200,
        responseHeaders: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }],
        body: Buffer.from(body).toString('base64'),
      });
    // A request still paused when its context closes fails to resume; the test has ended by then.
    answer.catch(() => {});
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
  return session;
}

/** The page loads of `external`: where the browser navigated outside the server. */
function navigations(external) {
  return external.filter((request) => request.type === 'Document').map((request) => request.url.href);
}

/** Fills the sign-in form and submits it the way a user does; does nothing when no form is shown. */
async function signInIfShown(page, user) {
  const userId = page.getByLabel('User id');
  if (await userId.count() === 0) {
    return false;
  }

  await userId.fill(user.id);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return true;
}

/** Waits until the browser has landed on the client's origin and returns that URL. */
async function waitForCallback(page) {
  await page.waitForURL((url) => url.origin === clientOrigin);
  return new URL(page.url());
}

/** Runs an authorization request in this browser, signing in when asked to; returns the callback URL. */
async function authorizeInBrowser(page, flow, user) {
  await page.goto(flow.url.href);
  await signInIfShown(page, user);
  return waitForCallback(page);
}

// --- oauth4webapi client -----------------------------------------------------------------------------

/**
 * A new authorization request, by default for portal-demo: PKCE S256, random state and nonce. `params`
 * override query parameters; `client` and `auth` name another client and its token-endpoint authentication.
 */
async function newFlow(params = {}, client = portal, auth = oauth.None()) {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const flow = { client, auth, codeVerifier, state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce() };
  const query = {
    client_id: client.client_id,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid decision:check',
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...params,
  };
  flow.redirectUri = query.redirect_uri;
  flow.url = new URL(as.authorization_endpoint);
  for (const [name, value] of Object.entries(query)) {
    flow.url.searchParams.set(name, value);
  }

  return flow;
}

/** Checks the callback (state, iss, no error) and returns its parameters; throws on an OAuth error. */
function validateCallback(flow, callbackUrl) {
  return oauth.validateAuthResponse(as, flow.client, callbackUrl, flow.state);
}

/** Redeems the code in validated callback parameters; the ID token is checked against the nonce. */
async function redeemCode(flow, callbackParams) {
  const response = await oauth.authorizationCodeGrantRequest(as, flow.client, flow.auth, callbackParams, flow.redirectUri, flow.codeVerifier, insecure);
  return oauth.processAuthorizationCodeResponse(as, flow.client, response, { expectedNonce: flow.nonce, requireIdToken: true });
}

async function verifyAccessToken(token) {
  return jwtVerify(token, jwks, { issuer: as.issuer, audience: 'govauthz', typ: 'at+jwt' });
}

async function introspect(token) {
  const response = await oauth.introspectionRequest(as, adminConsole.client, oauth.ClientSecretBasic(adminConsole.secret), token, insecure);
  return oauth.processIntrospectionResponse(as, adminConsole.client, response);
}

/** Signs `user` in through the browser and redeems the code: the whole flow, for the claim tests. */
async function signInAndRedeem(user) {
  const { page } = await openBrowser();
  const flow = await newFlow();
  const callback = await authorizeInBrowser(page, flow, user);
  return { flow, result: await redeemCode(flow, validateCallback(flow, callback)) };
}

// --- tests -------------------------------------------------------------------------------------------

describe('GovAuthZ authorization-code flow in a browser', () => {
  before(async () => {
    assert.ok(address, 'GOVAUTHZ_HTTP_ADDR must be set (host:port of the HTTP listener)');
    const issuer = new URL(`http://${address}`);
    serverOrigin = issuer.origin;
    as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...insecure, algorithm: 'oidc' }));
    jwks = createRemoteJWKSet(new URL(as.jwks_uri));
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: stepTimeoutMs * 2 });
  }, hookOptions);

  afterEach(async () => {
    for (const context of openContexts.splice(0)) {
      await context.close();
    }
  }, hookOptions);

  after(async () => {
    await browser?.close();
  }, hookOptions);

  test('CodeFlow_WhenOfficialSignsInInBrowser_TokensCarryOfficialAttributes', testOptions, async () => {
    const { flow, result } = await signInAndRedeem(wang);

    const idClaims = oauth.getValidatedIdTokenClaims(result);
    assert.equal(idClaims.sub, wang.id);
    assert.equal(idClaims.aud, portal.client_id);
    assert.equal(idClaims.nonce, flow.nonce);
    // oauth4webapi checks the ID token's claims; its signature is checked here against the JWKS too.
    await jwtVerify(result.id_token, jwks, { issuer: as.issuer, audience: portal.client_id });

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
    assert.equal(new URL(page.url()).origin, serverOrigin);
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
      (error) => error instanceof oauth.ResponseBodyError && error.error === 'invalid_grant',
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
    assert.equal(new URL(page.url()).origin, serverOrigin);
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
    assert.equal(callback.searchParams.get('iss'), as.issuer);
    assert.equal(callback.searchParams.get('code'), null);
    assert.deepEqual(navigations(external), [callback.href], 'one navigation, to the callback');

    assert.throws(
      () => validateCallback(flow, callback),
      (error) => error instanceof oauth.AuthorizationResponseError && error.error === 'invalid_scope',
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
    const framer = `${serverOrigin}/interop-framer`;
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
