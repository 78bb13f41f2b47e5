import { maskToken } from '../http/csrf-token.js';
import { badRequest, CanvasHttpError } from '../http/canvas-errors.js';
import { railsParams } from '../http/rails-params.js';
import { clearSessionCookies, SESSION_COOKIE, setSessionCookies } from '../http/session-cookies.js';
import { presentString, rubyToI } from '../lib/ruby.js';

// Demo login (not Canvas's login flow, which is an HTML form with a password): it opens a
// cookie session like a browser logged into Canvas, so pages can call the API the way Canvas's
// own quiz page does (cookies + X-CSRF-Token, `while(1);` on GETs).
//
//   POST /login            {token} | {user_id} | {login}   (JSON or form)  -> 200 {user, csrf_token}
//                          with return_to                                   -> 302 to it
//   GET  /login?as=<id or login>[&return_to=/path]                         -> 302 (default "/")
//   GET  /login                                                             -> a list of users to log in as
//   DELETE /login                                                           -> 204, session ended

const invalidLogin = () =>
  new CanvasHttpError(401, { errors: [{ message: 'Unknown user, login or token.' }] });

/** Only same-origin paths, so ?return_to cannot bounce the browser elsewhere. */
function safeReturnTo(value) {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

function findUser(store, { token, userId, login }) {
  if (token) return store.users.findByToken(token);
  if (userId != null && rubyToI(String(userId)) > 0) return store.users.find(rubyToI(String(userId)));
  if (login)
    return store.users.findByLogin(login) ?? (/^\d+$/.test(login) ? store.users.find(Number(login)) : null);
  return null;
}

const escapeHtml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

export function loginRoutes(app, canvas) {
  const { store } = canvas;

  function logIn(request, reply, user) {
    store.sessions.destroyByCookie(request.cookies?.[SESSION_COOKIE]);
    const { cookieValue, session } = store.sessions.create(user.id);
    setSessionCookies(reply, cookieValue, session.csrf_secret);
    return session;
  }

  app.post('/login', async (request, reply) => {
    const params = railsParams(request);
    const user = findUser(store, {
      token: presentString(params.token),
      userId: params.user_id,
      login: presentString(params.login),
    });
    if (!user) throw invalidLogin();
    const session = logIn(request, reply, user);
    const returnTo = safeReturnTo(params.return_to);
    if (returnTo) return reply.redirect(returnTo, 302);
    return {
      user: { id: user.id, name: user.name, login_id: user.login_id },
      csrf_token: maskToken(session.csrf_secret),
    };
  });

  app.get('/login', async (request, reply) => {
    const params = railsParams(request);
    const as = presentString(params.as);
    if (as) {
      const user = findUser(store, { login: as });
      if (!user) throw invalidLogin();
      logIn(request, reply, user);
      return reply.redirect(safeReturnTo(params.return_to) ?? '/', 302);
    }
    if (params.as !== undefined) throw badRequest('as is missing');
    const returnTo = safeReturnTo(params.return_to);
    const items = store.users
      .all()
      .map((user) => {
        const href = `/login?as=${encodeURIComponent(user.login_id ?? user.id)}${returnTo ? `&return_to=${encodeURIComponent(returnTo)}` : ''}`;
        return `<li><a href="${escapeHtml(href)}">${escapeHtml(user.name)}</a> (${escapeHtml(user.login_id ?? `id ${user.id}`)})</li>`;
      })
      .join('\n');
    reply.type('text/html; charset=utf-8');
    return `<!doctype html><title>Log in (demo)</title><h1>Log in as</h1><ul>\n${items}\n</ul>\n`;
  });

  app.delete('/login', async (request, reply) => {
    store.sessions.destroyByCookie(request.cookies?.[SESSION_COOKIE]);
    clearSessionCookies(reply);
    return reply.code(204).send();
  });
}
