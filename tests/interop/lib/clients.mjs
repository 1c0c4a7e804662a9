// What every interop file shares about the development server: the seeded clients and users the README
// documents, the oauth4webapi option for its plain-http loopback issuer, and predicates for the OAuth
// errors oauth4webapi raises. No browser here, so the non-browser suites can use it too.
import * as oauth from 'oauth4webapi';

// The development server listens on plain http over loopback; production issuers are https.
export const insecure = { [oauth.allowInsecureRequests]: true };
export const adminConsole = { client: { client_id: 'admin-console' }, secret: 'dev-only-admin-console-secret-do-not-deploy-02' };
export const pepDemo = { client: { client_id: 'pep-demo' }, secret: 'dev-only-pep-demo-secret-do-not-deploy-0001' };
export const wang = { id: 'official:wang', password: 'dev-only-wang-password-01' };
export const zhang = { id: 'citizen:zhang', password: 'dev-only-zhang-password-03' };

/** An error response from an endpoint (token, introspection...) with this OAuth error code. */
export function isOAuthError(code) {
  return (error) => error instanceof oauth.ResponseBodyError && error.error === code;
}

/** An error redirect from the authorization endpoint with this OAuth error code. */
export function isAuthorizationError(code) {
  return (error) => error instanceof oauth.AuthorizationResponseError && error.error === code;
}
