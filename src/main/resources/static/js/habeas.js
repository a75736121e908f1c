/*
 * Habeas pages: what every page shares — translations, the header, calls to /api with the CSRF token,
 * and times (shown in the case's own offset, counted against the server's clock).
 *
 * Never put text that came from the API into innerHTML: build nodes with H.el(), which sets text only.
 */
(function () {
  'use strict';

  var LANGUAGES = ['en', 'ru'];
  var LANG_KEY = 'habeas.lang';
  var messages = {};
  var fallback = {};
  var lang = 'en';
  var me = null;
  /** Server clock minus browser clock, in ms: "time left" agrees with the server's idea of overdue. */
  var skew = 0;

  // ---- language -------------------------------------------------------------------------------

  function chooseLanguage() {
    var stored = null;
    try { stored = localStorage.getItem(LANG_KEY); } catch (e) { /* private mode */ }
    if (stored && LANGUAGES.indexOf(stored) >= 0) {
      return stored;
    }
    var wanted = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language || 'en'];
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i] || '').toLowerCase().split('-')[0];
      if (LANGUAGES.indexOf(code) >= 0) {
        return code;
      }
    }
    return 'en';
  }

  function loadJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': ' + r.status); }
      return r.json();
    });
  }

  function loadMessages() {
    lang = chooseLanguage();
    document.documentElement.lang = lang;
    var english = loadJson('/js/i18n/en.json').catch(function () { return {}; });
    var chosen = lang === 'en' ? english : loadJson('/js/i18n/' + lang + '.json').catch(function () { return {}; });
    return Promise.all([english, chosen]).then(function (loaded) {
      fallback = loaded[0];
      messages = loaded[1];
    });
  }

  /** The text of a key, with {name} placeholders filled in. */
  function t(key, params) {
    var text = messages[key];
    if (text === undefined) { text = fallback[key]; }
    if (text === undefined) { return key; }
    if (params) {
      text = text.replace(/\{(\w+)\}/g, function (whole, name) {
        return params[name] === undefined ? whole : String(params[name]);
      });
    }
    return text;
  }

  function has(key) {
    return messages[key] !== undefined || fallback[key] !== undefined;
  }

  /** A count with the plural form of the language: keys key.one, key.few, key.many, key.other. */
  function tn(key, n, params) {
    var form = 'other';
    try { form = new Intl.PluralRules(lang).select(n); } catch (e) { /* old browser */ }
    var p = Object.assign({ n: n }, params || {});
    return has(key + '.' + form) ? t(key + '.' + form, p) : t(key + '.other', p);
  }

  /** Fills data-i18n (text), data-i18n-placeholder, data-i18n-title and data-i18n-aria-label. */
  function translate(root) {
    root = root || document;
    root.querySelectorAll('[data-i18n]').forEach(function (node) { node.textContent = t(node.getAttribute('data-i18n')); });
    ['placeholder', 'title', 'aria-label'].forEach(function (attr) {
      root.querySelectorAll('[data-i18n-' + attr + ']').forEach(function (node) {
        node.setAttribute(attr, t(node.getAttribute('data-i18n-' + attr)));
      });
    });
    var title = document.querySelector('title[data-i18n]');
    if (title) { document.title = t(title.getAttribute('data-i18n')) + ' · Habeas'; }
  }

  function setLanguage(code) {
    try { localStorage.setItem(LANG_KEY, code); } catch (e) { /* private mode */ }
    location.reload();
  }

  // ---- DOM ------------------------------------------------------------------------------------

  /** el('a', {href: '/', class: 'x'}, 'text', child, …): text children become text nodes. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) { return; }
        if (name === 'class') { node.className = value; }
        else if (name === 'text') { node.textContent = value; }
        else if (name.indexOf('on') === 0 && typeof value === 'function') { node.addEventListener(name.substring(2), value); }
        else { node.setAttribute(name, value === true ? '' : String(value)); }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
    return node;
  }

  // ---- calls to /api ----------------------------------------------------------------------------

  function cookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].substring(0, eq) === name) { return decodeURIComponent(parts[i].substring(eq + 1)); }
    }
    return null;
  }

  /** The CSRF token Spring Security put in the XSRF-TOKEN cookie (Habeas' page controller makes sure it is there). */
  function csrfToken() {
    return cookie('XSRF-TOKEN');
  }

  /** An answer other than 2xx; problem is the application/problem+json body, when there is one. */
  function ApiError(status, problem, message) {
    this.status = status;
    this.problem = problem || null;
    this.message = message || (problem && (problem.detail || problem.title)) || ('HTTP ' + status);
    this.network = status === 0;
  }

  /**
   * fetch() for /api: JSON in and out, the CSRF header on writes. Resolves {status, data, headers};
   * rejects with an ApiError (status 0 when the network failed). A 401 means the session ended: go
   * to the login page, coming back here afterwards.
   */
  function api(method, url, body, extraHeaders) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (method !== 'GET' && method !== 'HEAD') {
      var token = csrfToken();
      if (token) { headers['X-XSRF-TOKEN'] = token; }
    }
    Object.assign(headers, extraHeaders || {});
    return fetch(url, {
      method: method,
      headers: headers,
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'manual',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).catch(function (e) {
      throw new ApiError(0, null, t('error.network'));
    }).then(function (response) {
      learnServerTime(response.headers.get('X-Habeas-Now'));
      if (response.status === 401 || response.type === 'opaqueredirect') {
        location.assign('/login');
        throw new ApiError(401, null, t('error.sessionEnded'));
      }
      var type = response.headers.get('Content-Type') || '';
      var read = type.indexOf('json') >= 0 ? response.json().catch(function () { return null; }) : Promise.resolve(null);
      return read.then(function (data) {
        if (!response.ok) {
          throw new ApiError(response.status, data, response.status === 403 ? t('error.forbidden') : null);
        }
        return { status: response.status, data: data, headers: response.headers };
      });
    });
  }

  // ---- times ------------------------------------------------------------------------------------

  function learnServerTime(iso) {
    if (!iso || iso.indexOf('__') === 0) { return; }
    var server = Date.parse(iso);
    if (!isNaN(server)) { skew = server - Date.now(); }
  }

  /** Now on the server's clock, in ms since the epoch. */
  function now() {
    return Date.now() + skew;
  }

  var ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

  /** {instant (ms), wall: Date whose UTC fields are the local date and time of the string, offset (min)}. */
  function parseIso(iso) {
    var m = ISO.exec(String(iso || ''));
    if (!m) { return null; }
    var offset = 0;
    if (m[7] !== 'Z') {
      var sign = m[7][0] === '-' ? -1 : 1;
      var digits = m[7].substring(1).replace(':', '');
      offset = sign * (parseInt(digits.substring(0, 2), 10) * 60 + parseInt(digits.substring(2), 10));
    }
    var wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
    return { instant: wall - offset * 60000, wall: new Date(wall), offset: offset };
  }

  function offsetLabel(offset) {
    if (offset === 0) { return 'UTC'; }
    var abs = Math.abs(offset);
    var h = Math.floor(abs / 60);
    var min = abs % 60;
    return 'UTC' + (offset < 0 ? '−' : '+') + h + (min ? ':' + (min < 10 ? '0' : '') + min : '');
  }

  var formatters = {};
  function formatter(kind) {
    if (!formatters[kind]) {
      var options = kind === 'short'
        ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }
        : kind === 'shortYear'
          ? { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
          : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
              hourCycle: 'h23', timeZone: 'UTC' };
      formatters[kind] = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', options);
    }
    return formatters[kind];
  }

  /** "Fri 27 Nov 2026, 17:30" in the offset the API gave (the case's time zone), and its label. */
  function formatTime(iso, kind) {
    var parsed = parseIso(iso);
    if (!parsed) { return { text: iso ? String(iso) : '—', zone: '' }; }
    if (kind === 'short' && parsed.wall.getUTCFullYear() !== new Date(now() + parsed.offset * 60000).getUTCFullYear()) {
      kind = 'shortYear';
    }
    return { text: formatter(kind || 'long').format(parsed.wall), zone: offsetLabel(parsed.offset) };
  }

  /** A <time> element: the time in the case's zone, its offset in small print. */
  function timeElement(iso, kind) {
    if (!iso) { return el('span', { class: 'muted' }, '—'); }
    var f = formatTime(iso, kind);
    return el('time', { datetime: iso }, f.text, f.zone ? el('span', { class: 'zone' }, ' ' + f.zone) : null);
  }

  function formatDuration(ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000);
    if (minutes < 1) { return t('duration.lessThanMinute'); }
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var mins = minutes % 60;
    var parts = [];
    if (days) { parts.push(t('duration.days', { n: days })); }
    if (hours) { parts.push(t('duration.hours', { n: hours })); }
    if (mins && days === 0) { parts.push(t('duration.minutes', { n: mins })); }
    return parts.join(' ');
  }

  /** {text: "in 2 h 10 min" | "overdue by 35 min", overdue, soon (< 1 h), ms} for a due time. */
  function timeLeft(iso) {
    var parsed = parseIso(iso);
    if (!parsed) { return null; }
    var ms = parsed.instant - now();
    var overdue = ms < 0;
    return {
      ms: ms,
      overdue: overdue,
      soon: !overdue && ms < 3600000,
      text: t(overdue ? 'timeLeft.overdueBy' : 'timeLeft.in', { duration: formatDuration(ms) })
    };
  }

  /** Refreshes every [data-due] element's text and class from its due time. */
  function tickTimeLeft(root) {
    (root || document).querySelectorAll('[data-due]').forEach(function (node) {
      var left = timeLeft(node.getAttribute('data-due'));
      if (!left) { return; }
      node.textContent = left.text;
      node.classList.toggle('is-overdue', left.overdue);
      node.classList.toggle('is-soon', left.soon);
    });
  }

  function timeLeftElement(iso) {
    var node = el('span', { class: 'time-left', 'data-due': iso });
    tickTimeLeft({ querySelectorAll: function () { return [node]; } });
    return node;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /** The value for an <input type="datetime-local"> of an instant (ms) in the browser's zone. */
  function toLocalInput(ms) {
    var d = new Date(ms);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' +
      pad(d.getMinutes());
  }

  /** "2026-11-27T14:30" typed in the browser → "2026-11-27T14:30:00+05:00" with the browser's offset then. */
  function localInputToIso(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value || '');
    if (!m) { return null; }
    var d = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
    if (isNaN(d.getTime())) { return null; }
    var offset = -d.getTimezoneOffset();
    var abs = Math.abs(offset);
    return m[1] + '-' + m[2] + '-' + m[3] + 'T' + m[4] + ':' + m[5] + ':' + (m[6] || '00') +
      (offset < 0 ? '-' : '+') + pad(Math.floor(abs / 60)) + ':' + pad(abs % 60);
  }

  /** The browser's offset now, as "UTC+5". */
  function browserZone(ms) {
    return offsetLabel(-new Date(ms === undefined ? Date.now() : ms).getTimezoneOffset());
  }

  function uuid() {
    if (window.crypto && typeof crypto.randomUUID === 'function') {
      try { return crypto.randomUUID(); } catch (e) { /* not a secure context */ }
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
    return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-' + hex.substring(16, 20) +
      '-' + hex.substring(20);
  }

  // ---- who, and the header ------------------------------------------------------------------------

  function inGroup(group) {
    return !!(me && me.groups && me.groups.indexOf(group) >= 0);
  }

  function stageName(stage, fallbackName) {
    if (stage && has('stage.' + stage)) { return t('stage.' + stage); }
    return fallbackName || stage || '—';
  }

  function renderHeader(page) {
    var header = document.getElementById('site-header');
    if (!header) { return; }
    clear(header);
    var isCoordinator = inGroup('coordinators');
    var links = [
      { id: 'dashboard', href: '/', key: 'nav.dashboard' },
      (isCoordinator || !me) ? { id: 'alert', href: '/alert', key: 'nav.newAlert' } : null,
      { id: 'tasklist', href: '/camunda/app/tasklist/default/', key: 'nav.tasklist' }
    ].filter(Boolean);
    var nav = el('nav', { class: 'site-nav', 'aria-label': t('nav.label') });
    links.forEach(function (link) {
      nav.appendChild(el('a', {
        href: link.href,
        class: 'nav-link' + (link.id === 'alert' ? ' nav-alert' : ''),
        'aria-current': link.id === page ? 'page' : null
      }, t(link.key)));
    });
    var logout = el('form', { method: 'post', action: '/logout', class: 'logout-form' },
      el('input', { type: 'hidden', name: '_csrf', value: csrfToken() || '' }),
      el('button', { type: 'submit', class: 'nav-link nav-logout' }, t('nav.logout')));
    logout.addEventListener('submit', function () {
      logout.querySelector('input[name=_csrf]').value = csrfToken() || '';
    });
    nav.appendChild(logout);
    header.appendChild(el('div', { class: 'header-bar' },
      el('a', { href: '/', class: 'brand' }, el('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Habeas'),
      me ? el('span', { class: 'user', title: t('header.signedInAs') },
        el('span', { class: 'visually-hidden' }, t('header.signedInAs') + ' '), me.userId,
        roleName() && roleName() !== me.userId ? el('span', { class: 'user-role' }, roleName()) : null) : null));
    header.appendChild(nav);
  }

  function roleName() {
    if (inGroup('coordinators')) { return t('role.coordinator'); }
    if (inGroup('managers')) { return t('role.manager'); }
    if (inGroup('lawyers')) { return t('role.lawyer'); }
    return '';
  }

  function renderFooter() {
    var footer = document.getElementById('site-footer');
    if (!footer) { return; }
    clear(footer);
    var names = { en: 'English', ru: 'Русский' };
    footer.appendChild(el('span', { class: 'visually-hidden' }, t('footer.language')));
    LANGUAGES.forEach(function (code) {
      footer.appendChild(el('button', {
        type: 'button', class: 'link-button', lang: code, 'aria-pressed': code === lang ? 'true' : 'false',
        onclick: function () { setLanguage(code); }
      }, names[code]));
    });
  }

  /**
   * Starts a page: translations, then (unless anonymous) who is signed in, then the header. Resolves
   * with /api/me's answer (null on the login page).
   */
  function start(page, options) {
    options = options || {};
    var meta = document.querySelector('meta[name="habeas-now"]');
    if (meta) { learnServerTime(meta.getAttribute('content')); }
    return loadMessages().then(function () {
      translate();
      renderFooter();
      if (options.anonymous) { return null; }
      return api('GET', '/api/me').then(function (r) { me = r.data; }).catch(function (e) {
        if (e.status !== 401) { showGlobalError(e.message); }
      }).then(function () {
        renderHeader(page);
        return me;
      });
    }).then(function (result) {
      document.body.classList.add('ready');
      return result;
    });
  }

  function showGlobalError(message) {
    var box = document.getElementById('global-error');
    if (!box) { return; }
    box.textContent = message;
    box.hidden = !message;
  }

  /** The problem's text in the page's language when it is one Habeas' API says often. */
  function problemText(problem) {
    var text = String(problem || '');
    var known = {
      'is required': 'problem.required',
      'lies in the future': 'problem.future'
    };
    if (known[text.trim()]) { return t(known[text.trim()]); }
    if (/^(is required|must not be (blank|null|empty))/.test(text.trim())) { return t('problem.required'); }
    return text.charAt(0).toUpperCase() + text.substring(1);
  }

  window.H = {
    t: t, tn: tn, has: has, translate: translate, el: el, clear: clear, api: api, ApiError: ApiError,
    now: now, parseIso: parseIso, formatTime: formatTime, timeElement: timeElement, timeLeft: timeLeft,
    timeLeftElement: timeLeftElement, tickTimeLeft: tickTimeLeft, toLocalInput: toLocalInput,
    localInputToIso: localInputToIso, browserZone: browserZone, uuid: uuid, inGroup: inGroup,
    stageName: stageName, start: start, showGlobalError: showGlobalError, csrfToken: csrfToken,
    problemText: problemText, formatClock: function (ms) { return formatter('time').format(new Date(ms)); },
    me: function () { return me; }, lang: function () { return lang; }
  };
})();
