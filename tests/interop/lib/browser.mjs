// Shared helpers of the browser tests (codeflow.test.mjs, session.test.mjs): a real headless Chromium,
// driven by playwright-core, and oauth4webapi as the client. Every request for an origin other than the
// server is intercepted in the browser, recorded and answered with a tiny page, so the clients' redirect
// URIs (http://127.0.0.1:8400 and :8401) need no listener. scripts/interop.sh passes the server's HTTP
// address in GOVAUTHZ_HTTP_ADDR and the browser binary in GOVAUTHZ_CHROMIUM; no browser is downloaded.
import assert from 'node:assert/strict';
import * as oauth from 'oauth4webapi';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { chromium } from 'playwright-core';
import { adminConsole, insecure } from './clients.mjs';

export { adminConsole, insecure, isAuthorizationError, isOAuthError, wang, zhang } from './clients.mjs';

const chromiumPath = process.env.GOVAUTHZ_CHROMIUM ?? '/usr/bin/chromium';
// Without the background-networking switches Chromium's own connections fail on a closed network.
const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// Bounds so that a failure fails fast instead of hanging the suite.
export const stepTimeoutMs = 15_000;
export const testOptions = { timeout: 60_000 };
export const hookOptions = { timeout: 60_000 };

export const portal = { client_id: 'portal-demo' };
export const redirectUri = 'http://127.0.0.1:8400/callback';
export const clientOrigin = new URL(redirectUri).origin;
export const officialClaims = ['department', 'roles', 'level', 'region', 'clearance'];
const clientPage = '<!DOCTYPE html><html lang="en"><head><title>Client</title></head><body><p>callback received</p></body></html>';

/** What the hooks set up: the server's origin, its discovery metadata (`as`), its JWKS and the browser. */
export const env = { serverOrigin: undefined, as: undefined, jwks: undefined, browser: undefined };
const openContexts = [];

/** The `before` hook: discovery (OIDC), the JWKS and one browser for the file. */
export async function setUp() {
  const address = process.env.GOVAUTHZ_HTTP_ADDR;
  assert.ok(address, 'GOVAUTHZ_HTTP_ADDR must be set (host:port of the HTTP listener)');
  const issuer = new URL(`http://${address}`);
  env.serverOrigin = issuer.origin;
  env.as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...insecure, algorithm: 'oidc' }));
  env.jwks = createRemoteJWKSet(new URL(env.as.jwks_uri));
  env.browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: stepTimeoutMs * 2 });
}

/** The `afterEach` hook: closes every context the test opened (cookies, and so sessions, go with them). */
export async function closeContexts() {
  for (const context of openContexts.splice(0)) {
    await context.close();
  }
}

/** The `after` hook. */
export async function tearDown() {
  await env.browser?.close();
}

// --- browser -----------------------------------------------------------------------------------------

/**
 * A fresh browser context (own cookies) and page. Every request to an origin other than the server is
 * recorded in `external` and answered inside the browser with a tiny page, so the client's callback
 * needs no listener and a test can prove the browser never went somewhere. A test may also answer a
 * URL itself: `fakes` maps origin + path to the HTML to serve. `visited` lists every document the main
 * frame committed, so a test can tell a page shown from a redirect passed through. This uses the
 * DevTools protocol's Fetch domain, not page.route: Playwright's routes never see a request that follows
 * a redirect (documented for page.route), and the callback is always reached through the server's 303.
 */
export async function openBrowser() {
  const context = await env.browser.newContext();
  openContexts.push(context);
  context.setDefaultTimeout(stepTimeoutMs);
  context.setDefaultNavigationTimeout(stepTimeoutMs);
  const page = await context.newPage();
  const session = { context, page, external: [], fakes: new Map(), visited: [] };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) {
      session.visited.push(new URL(frame.url()));
    }
  });
  const cdp = await context.newCDPSession(page);
  cdp.on('Fetch.requestPaused', (event) => {
    const url = new URL(event.request.url);
    let body = session.fakes.get(url.origin + url.pathname);
    if (body === undefined && url.origin !== env.serverOrigin) {
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
export function navigations(external) {
  return external.filter((request) => request.type === 'Document').map((request) => request.url.href);
}

/** Fills the sign-in form and submits it the way a user does; does nothing when no form is shown. */
export async function signInIfShown(page, user) {
  const userId = page.getByLabel('User id');
  if (await userId.count() === 0) {
    return false;
  }

  await userId.fill(user.id);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return true;
}

/** Waits until the browser has landed on the client's origin (portal-demo's unless named) and returns that URL. */
export async function waitForCallback(page, origin = clientOrigin) {
  await page.waitForURL((url) => url.origin === origin);
  return new URL(page.url());
}

/** Runs an authorization request in this browser, signing in when asked to; returns the callback URL. */
export async function authorizeInBrowser(page, flow, user) {
  await page.goto(flow.url.href);
  await signInIfShown(page, user);
  return waitForCallback(page, new URL(flow.redirectUri).origin);
}

// --- oauth4webapi client -----------------------------------------------------------------------------

/**
 * A new authorization request, by default for portal-demo: PKCE S256, random state and nonce. `params`
 * override query parameters; `client` and `auth` name another client and its token-endpoint authentication.
 */
export async function newFlow(params = {}, client = portal, auth = oauth.None()) {
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
  flow.url = new URL(env.as.authorization_endpoint);
  for (const [name, value] of Object.entries(query)) {
    flow.url.searchParams.set(name, value);
  }

  return flow;
}

/** Checks the callback (state, iss, no error) and returns its parameters; throws on an OAuth error. */
export function validateCallback(flow, callbackUrl) {
  return oauth.validateAuthResponse(env.as, flow.client, callbackUrl, flow.state);
}

/** Redeems the code in validated callback parameters; the ID token is checked against the nonce. */
export async function redeemCode(flow, callbackParams) {
  const response = await oauth.authorizationCodeGrantRequest(env.as, flow.client, flow.auth, callbackParams, flow.redirectUri, flow.codeVerifier, insecure);
  return oauth.processAuthorizationCodeResponse(env.as, flow.client, response, { expectedNonce: flow.nonce, requireIdToken: true });
}

export async function verifyAccessToken(token) {
  return jwtVerify(token, env.jwks, { issuer: env.as.issuer, audience: 'govauthz', typ: 'at+jwt' });
}

export async function introspect(token) {
  const response = await oauth.introspectionRequest(env.as, adminConsole.client, oauth.ClientSecretBasic(adminConsole.secret), token, insecure);
  return oauth.processIntrospectionResponse(env.as, adminConsole.client, response);
}

/** Signs `user` in through the browser and redeems the code: the whole flow, for the claim tests. */
export async function signInAndRedeem(user, params = {}) {
  const session = await openBrowser();
  const flow = await newFlow(params);
  const callback = await authorizeInBrowser(session.page, flow, user);
  return { flow, result: await redeemCode(flow, validateCallback(flow, callback)), session };
}
