/*
 * Calls the service's JSON API with a bearer token. The token is pasted into the token field or handed over in the
 * address as #token=... (taken, then removed from the address bar and the history entry); it is kept in this tab's
 * sessionStorage only, so closing the tab forgets it. A 401 or 403 is shown as a message above the page.
 */
const TOKEN_KEY = 'bdss.reporting.token';

/** Takes a token from the fragment (#token=...) into sessionStorage; true when there was one. */
function takeTokenFromFragment() {
  const match = /^#(?:.*&)?token=([^&]*)/.exec(location.hash);
  if (!match) return false;
  setBearerToken(decodeURIComponent(match[1]));
  history.replaceState(null, '', location.pathname + location.search);
  return true;
}

function bearerToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function setBearerToken(token) {
  const trimmed = (token || '').trim().replace(/^Bearer\s+/i, '');
  if (trimmed) sessionStorage.setItem(TOKEN_KEY, trimmed);
  else sessionStorage.removeItem(TOKEN_KEY);
}

class ApiRefused extends Error {
  constructor(url, status, detail) {
    super(url + ' answered ' + status + (detail ? ': ' + detail : ''));
    this.status = status;
  }
}

function showAuthProblem(status, url, detail) {
  const box = document.getElementById('auth-message');
  if (!box) return;
  const path = url.split('?')[0];
  let text;
  if (status === 401) {
    text = bearerToken()
      ? 'Not signed in (401): the token was refused (expired, or not issued for this service). Paste a new token.'
      : 'Not signed in (401): this page needs an access token. Paste an operator token in the token field.';
  } else {
    text = 'Not allowed (403): this token\'s role may not read ' + path + '. The full dashboard needs an operator token.';
  }
  box.textContent = text + (detail ? ' (' + detail + ')' : '');
  box.dataset.status = String(status);
  box.hidden = false;
}

async function apiFetch(url, accept) {
  const headers = { Accept: accept };
  const token = bearerToken();
  if (token) headers.Authorization = 'Bearer ' + token;
  const response = await fetch(url, { headers });
  if (response.status === 401 || response.status === 403) {
    let detail = '';
    try { detail = (await response.json()).detail || ''; } catch (ignored) { /* not a problem+json body */ }
    showAuthProblem(response.status, url, detail);
    throw new ApiRefused(url, response.status, detail);
  }
  if (!response.ok) throw new Error(url + ' answered ' + response.status);
  return response;
}

async function getJson(url) {
  return (await apiFetch(url, 'application/json')).json();
}

/** A CSV link cannot send a header: fetch the file with the token and save it. */
async function downloadCsv(url, fileName) {
  const blob = await (await apiFetch(url, 'text/csv')).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}

function csvLink(id, url, fileName) {
  const link = document.getElementById(id);
  link.href = url;
  link.onclick = event => {
    event.preventDefault();
    downloadCsv(url, fileName).catch(e => console.error(e));
  };
}

/** The token field: using a token or forgetting it reloads the page with it. */
function initTokenForm() {
  const form = document.getElementById('token-form');
  if (!form) return;
  const field = document.getElementById('token');
  const state = document.getElementById('token-state');
  state.textContent = bearerToken() ? 'token set' : 'no token';
  form.addEventListener('submit', event => {
    event.preventDefault();
    setBearerToken(field.value);
    location.reload();
  });
  document.getElementById('token-forget').addEventListener('click', () => {
    setBearerToken('');
    location.reload();
  });
}

takeTokenFromFragment();
window.addEventListener('hashchange', () => { if (takeTokenFromFragment()) location.reload(); });
document.addEventListener('DOMContentLoaded', initTokenForm);
