// oauth: camelCase twins of Python's tikapi.oauth, thin over the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import TikAPI, { oauth } from '../js/index.mjs';

test('oauth is reachable from both entry points', () => {
  assert.equal(TikAPI.oauth, oauth);
  assert.equal(typeof oauth.authorizationUrl, 'function');
});

test('the link has the popup form', () => {
  const link = oauth.authorizationUrl({
    clientId: 'c_1234567890',
    redirectUri: 'https://app.example/cb',
    scopes: ['view_profile', 'EXPLORE'],
    state: 'xyz',
    country: 'us',
    email: 'a@b.co',
  });
  assert.equal(
    link,
    'https://tikapi.io/account/authorize?client_id=c_1234567890' +
      '&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=VIEW_PROFILE%2BEXPLORE' +
      '&state=xyz&email=a%40b.co&country=us',
  );
});

test('bad link arguments are named', () => {
  const base = { clientId: 'c_1234567890', redirectUri: 'http://127.0.0.1:1/cb' };
  for (const [extra, needle] of [
    [{ scopes: ['view_profil'] }, 'did you mean VIEW_PROFILE?'],
    [{ scopes: [] }, 'at least one scope'],
    [{ scopes: 'VIEW_PROFILE' }, 'array of scope names'],
    [{ scopes: ['LIVE'], redirectUri: '/cb' }, 'redirect_uri'],
    [{ scopes: ['LIVE'], clientId: undefined }, 'client_id is required'],
  ]) {
    assert.throws(
      () => oauth.authorizationUrl({ ...base, ...extra }),
      (e) => e instanceof oauth.OAuthError && e.kind === 'invalid_argument' && e.message.includes(needle),
      needle,
    );
  }
});

test('the redirect gives key, scopes and state, and hides the key', () => {
  const token = 'C5BGTXRtQs7jiy4CNURuwLXbDxRl2VIk';
  const a = oauth.parseRedirect(`http://127.0.0.1:1/cb?access_token=${token}&scope=VIEW_PROFILE%2Bexplore&state=s1`, 's1');
  assert.equal(a.accountKey, token);
  assert.deepEqual(a.scopes, ['VIEW_PROFILE', 'EXPLORE']);
  assert.equal(a.state, 's1');
  assert.ok(!inspect(a).includes(token));
  assert.ok(!JSON.stringify(a).includes(token));
});

test('bad redirects are OAuthErrors without the token', () => {
  for (const [query, expected, kind] of [
    ['access_token=SecretTokenValue123&state=evil', 'good', 'state_mismatch'],
    ['state=good', 'good', 'missing_token'],
    ['type=error&message=Authorization+has+been+canceled+by+user.', undefined, 'denied'],
  ]) {
    assert.throws(
      () => oauth.parseRedirect(`http://x.y/cb?${query}`, expected),
      (e) => e instanceof oauth.OAuthError && e.kind === kind && !e.message.includes('SecretTokenValue123'),
      kind,
    );
  }
});

test('required scopes per endpoint', () => {
  assert.deepEqual(oauth.requiredScopes('user.info'), ['VIEW_PROFILE']);
  assert.deepEqual(oauth.requiredScopes('user.live.chat'), ['LIVE', 'SEND_MESSAGES']);
  assert.deepEqual(oauth.requiredScopes('public.check'), []);
  assert.throws(() => oauth.requiredScopes('user.nope'), (e) => e.kind === 'unknown_endpoint');
  assert.ok(oauth.SCOPES.some((s) => s.sent === 'EDIT_PROFILE' && s.schema === 'edit'));
});
