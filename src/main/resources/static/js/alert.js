/*
 * New alert: one screen, one submit, one case per detained person (POST /api/alerts).
 * Nothing typed here is stored in the browser except the chosen country.
 */
(function () {
  'use strict';

  var JURISDICTION_KEY = 'habeas.alert.jurisdiction';
  var TOP_FIELDS = ['jurisdiction', 'apprehendedAt', 'proceeding', 'placeOfDetention', 'location', 'reportedBy',
    'suspectedOffence', 'summary'];
  var DETAINEE_FIELDS = ['name', 'organisation', 'disability', 'healthNeeds', 'safetyConcern'];

  var form, list, submitButton;
  /**
   * The submission whose answer is not known (network error, 5xx): its Idempotency-Key and the body
   * sent with it, kept in memory until the server gives a definite answer, so that a retry cannot
   * open the cases twice.
   */
  var pending = null;
  var sending = false;
  var counter = 0;

  H.start('alert').then(function () {
    form = document.getElementById('alert-form');
    list = document.getElementById('detainees');
    submitButton = document.getElementById('submit-alert');

    if (H.me() && !H.inGroup('coordinators')) {
      H.showGlobalError(H.t('alert.onlyCoordinators'));
      form.hidden = true;
      return;
    }

    restoreJurisdiction();
    form.querySelectorAll('input[name=jurisdiction]').forEach(function (radio) {
      radio.addEventListener('change', function () {
        try { localStorage.setItem(JURISDICTION_KEY, radio.value); } catch (e) { /* private mode */ }
      });
    });

    var when = document.getElementById('apprehendedAt');
    setNow();
    document.getElementById('apprehended-now').addEventListener('click', function () { setNow(); clearError(when); });
    when.addEventListener('input', updateZoneHint);
    when.addEventListener('change', updateZoneHint);

    addDetainee();
    document.getElementById('add-detainee').addEventListener('click', function () {
      var block = addDetainee();
      block.querySelector('[data-name=name]').focus();
    });

    form.addEventListener('input', function (event) { clearError(event.target); });
    form.addEventListener('change', function (event) { clearError(event.target); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      submit();
    });
    document.getElementById('another-alert').addEventListener('click', reset);
  });

  function restoreJurisdiction() {
    var stored = null;
    try { stored = localStorage.getItem(JURISDICTION_KEY); } catch (e) { /* private mode */ }
    var radio = stored && form.querySelector('input[name=jurisdiction][value="' + stored.replace(/[^A-Z]/g, '') + '"]');
    if (radio) { radio.checked = true; }
  }

  function setNow() {
    var when = document.getElementById('apprehendedAt');
    when.value = H.toLocalInput(H.now());
    when.max = H.toLocalInput(H.now() + 24 * 3600000);
    updateZoneHint();
  }

  function updateZoneHint() {
    var iso = H.localInputToIso(document.getElementById('apprehendedAt').value);
    var parsed = iso && H.parseIso(iso);
    document.getElementById('apprehendedAt-hint').textContent =
      H.t('alert.zoneHint', { zone: H.browserZone(parsed ? parsed.instant : undefined) });
  }

  // ---- detainee blocks ----------------------------------------------------------------------

  function addDetainee() {
    var template = document.getElementById('detainee-template');
    var block = template.content.firstElementChild.cloneNode(true);
    counter += 1;
    block.querySelectorAll('[data-name]').forEach(function (input) {
      var id = 'detainee-' + counter + '-' + input.getAttribute('data-name');
      input.id = id;
      input.name = id;
      var label = block.querySelector('label[data-for="' + input.getAttribute('data-name') + '"]');
      if (label) { label.htmlFor = id; }
    });
    H.translate(block);
    block.querySelector('.remove-detainee').addEventListener('click', function () {
      block.remove();
      renumber();
      var last = list.querySelector('.detainee:last-child [data-name=name]');
      (last || document.getElementById('add-detainee')).focus();
    });
    list.appendChild(block);
    renumber();
    return block;
  }

  function blocks() {
    return Array.prototype.slice.call(list.querySelectorAll('.detainee'));
  }

  function renumber() {
    var all = blocks();
    all.forEach(function (block, i) {
      block.querySelector('.detainee-title').textContent = all.length > 1
        ? H.t('alert.detaineeN', { n: i + 1 }) : H.t('alert.detainee');
      block.setAttribute('aria-label', H.t('alert.detaineeN', { n: i + 1 }));
      block.querySelector('.remove-detainee').hidden = all.length < 2;
    });
    submitButton.textContent = all.length > 1 ? H.t('alert.submitN', { n: all.length }) : H.t('alert.submit');
  }

  // ---- the request ----------------------------------------------------------------------------

  function text(input) {
    var value = input.value.trim();
    return value === '' ? null : value;
  }

  function body() {
    var value = function (name) { return text(form.elements[name]); };
    var checked = function (name) {
      var radio = form.querySelector('input[name=' + name + ']:checked');
      return radio ? radio.value : null;
    };
    return {
      jurisdiction: checked('jurisdiction'),
      reportedBy: value('reportedBy'),
      location: value('location'),
      placeOfDetention: value('placeOfDetention'),
      apprehendedAt: H.localInputToIso(form.elements.apprehendedAt.value),
      proceeding: checked('proceeding'),
      suspectedOffence: value('suspectedOffence'),
      summary: value('summary'),
      detainees: blocks().map(function (block) {
        var get = function (name) { return block.querySelector('[data-name=' + name + ']'); };
        return {
          name: text(get('name')),
          organisation: text(get('organisation')),
          disability: get('disability').checked,
          healthNeeds: text(get('healthNeeds')),
          safetyConcern: text(get('safetyConcern'))
        };
      })
    };
  }

  /** What the browser can tell before asking the server: the same field names as the API's errors. */
  function check(alert) {
    var errors = [];
    if (!form.elements.apprehendedAt.value) {
      errors.push({ field: 'apprehendedAt', problem: H.t('problem.required') });
    } else if (!alert.apprehendedAt) {
      errors.push({ field: 'apprehendedAt', problem: H.t('problem.dateTime') });
    }
    alert.detainees.forEach(function (d, i) {
      if (!d.name) { errors.push({ field: 'detainees[' + i + '].name', problem: H.t('problem.required') }); }
    });
    return errors;
  }

  function submit() {
    if (sending) { return; }
    clearErrors();
    var alert = body();
    var errors = check(alert);
    if (errors.length) {
      showErrors(errors, H.t('alert.fixFields'));
      return;
    }
    var attempt = pending ? { key: pending.key, body: alert, first: pending.body } : { key: H.uuid(), body: alert };
    sending = true;
    submitButton.disabled = true;
    submitButton.textContent = H.t('alert.sending');
    post(attempt).then(function (response) {
      pending = null;
      showResult(response.data, response.changedAfterFirst);
    }).catch(function (error) {
      if (error.network || error.status >= 500) {
        // The cases may or may not exist: the same key again cannot open them twice.
        pending = { key: attempt.key, body: attempt.first || attempt.body };
        showErrors([], H.t(error.network ? 'alert.networkRetry' : 'alert.serverRetry'));
        return;
      }
      // Refused (400, 403, 409): this attempt opened nothing; an earlier lost one stays pending.
      var problem = error.problem || {};
      if (error.status === 400 && problem.errors && problem.errors.length) {
        showErrors(problem.errors, H.t('alert.fixFields'));
      } else if (error.status === 403) {
        showErrors([], H.t('alert.onlyCoordinators'));
      } else {
        showErrors([], problem.detail || problem.title || error.message);
      }
    }).then(function () {
      sending = false;
      submitButton.disabled = false;
      renumber();
    });
  }

  /**
   * Sends the alert. A retry with changed fields after a lost answer gets 409 when the first attempt
   * did arrive: then the first body, sent again with its key, brings back the cases it opened.
   */
  function post(attempt) {
    var headers = { 'Idempotency-Key': attempt.key };
    return H.api('POST', '/api/alerts', attempt.body, headers).catch(function (error) {
      if (error.status !== 409 || !attempt.first) { throw error; }
      return H.api('POST', '/api/alerts', attempt.first, headers).then(function (response) {
        response.changedAfterFirst = true;
        return response;
      });
    });
  }

  // ---- errors next to their fields ------------------------------------------------------------------

  /** The input (or fieldset) for an error's field: "apprehendedAt", "detainees[1].name", "detainees". */
  function target(field) {
    var m = /^detainees\[(\d+)\]\.?(\w+)?$/.exec(field || '');
    if (m) {
      var block = blocks()[+m[1]];
      if (!block) { return null; }
      var name = m[2] === 'defenderName' ? 'name' : m[2];
      var input = name && block.querySelector('[data-name=' + name + ']');
      return { control: input || block, error: input ? input.closest('.field').querySelector('.field-error') : null, block: block };
    }
    var top = field === 'defenderName' && blocks().length ? target('detainees[0].name') : null;
    if (top) { return top; }
    if (TOP_FIELDS.indexOf(field) >= 0 || field === 'detainees') {
      var holder = form.querySelector('[data-field="' + field + '"]') || document.getElementById('detainees');
      var control = holder.tagName === 'FIELDSET' ? holder.querySelector('input:checked') || holder.querySelector('input')
        : holder.querySelector('input, textarea') || document.getElementById('add-detainee');
      return { control: control, error: form.querySelector('[data-error-for="' + field + '"]') };
    }
    return null;
  }

  function labelOf(field) {
    var m = /^detainees\[(\d+)\]\.?(\w+)?$/.exec(field || '');
    if (m) {
      var name = m[2] === 'defenderName' ? 'name' : m[2];
      var what = name && DETAINEE_FIELDS.indexOf(name) >= 0 ? H.t('alert.' + name) : '';
      return H.t('alert.detaineeN', { n: +m[1] + 1 }) + (what ? ': ' + what : '');
    }
    if (field === 'defenderName') { return H.t('alert.name'); }
    return H.has('alert.' + field) ? H.t('alert.' + field) : field;
  }

  function showErrors(errors, title) {
    var box = document.getElementById('form-errors');
    var listNode = H.clear(document.getElementById('form-errors-list'));
    document.getElementById('form-errors-title').textContent = title;
    var first = null;
    errors.forEach(function (error) {
      var where = target(error.field);
      var problem = H.problemText(error.problem);
      if (where && where.error) {
        where.error.textContent = problem;
        if (where.control && where.control.id) {
          where.control.setAttribute('aria-invalid', 'true');
          where.error.id = where.error.id || where.control.id + '-error';
          where.control.setAttribute('aria-describedby', where.error.id);
        }
      }
      first = first || (where && where.control);
      var item = H.el('li', { 'data-for': where && where.control && where.control.id || '' },
        where && where.control && where.control.id
        ? H.el('a', { href: '#' + where.control.id, onclick: function (e) { e.preventDefault(); where.control.focus(); } },
          labelOf(error.field))
        : labelOf(error.field), ': ', problem);
      listNode.appendChild(item);
    });
    listNode.hidden = errors.length === 0;
    box.hidden = false;
    if (first && first.focus) {
      first.focus();
      first.scrollIntoView({ block: 'center' });
    } else {
      box.focus();
      box.scrollIntoView({ block: 'start' });
    }
  }

  function clearError(input) {
    if (!input || !input.closest) { return; }
    var field = input.closest('.field');
    if (!field) { return; }
    var error = field.querySelector('.field-error');
    if (!error || !error.textContent) { return; }
    error.textContent = '';
    field.querySelectorAll('[aria-invalid]').forEach(function (node) {
      node.removeAttribute('aria-invalid');
      var item = node.id && document.querySelector('#form-errors-list li[data-for="' + node.id + '"]');
      if (item) { item.remove(); }
    });
    var box = document.getElementById('form-errors');
    if (!document.getElementById('form-errors-list').children.length && !form.querySelector('.field-error:not(:empty)')) {
      box.hidden = true;
    }
  }

  function clearErrors() {
    form.querySelectorAll('.field-error').forEach(function (node) { node.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (node) {
      node.removeAttribute('aria-invalid');
      node.removeAttribute('aria-describedby');
    });
    document.getElementById('form-errors').hidden = true;
  }

  // ---- after 201 --------------------------------------------------------------------------------

  function showResult(result, changedAfterFirst) {
    document.getElementById('result-changed').hidden = !changedAfterFirst;
    var ul = H.clear(document.getElementById('result-cases'));
    (result && result.cases || []).forEach(function (c) {
      ul.appendChild(H.el('li', { class: 'opened-case' },
        H.el('a', { href: '/cases/' + encodeURIComponent(c.caseNumber), class: 'case-number' }, c.caseNumber),
        c.detentionDeadline ? H.el('div', null,
          H.el('span', { class: 'muted' }, H.t('deadline.DETENTION_LIMIT') + ': '), H.timeElement(c.detentionDeadline),
          ' · ', H.timeLeftElement(c.detentionDeadline)) : null));
    });
    // The personal data typed in is no longer needed on this screen.
    form.reset();
    H.clear(list);
    form.hidden = true;
    var section = document.getElementById('alert-result');
    section.hidden = false;
    section.focus();
    window.scrollTo(0, 0);
  }

  function reset() {
    document.getElementById('alert-result').hidden = true;
    H.clear(document.getElementById('result-cases'));
    form.hidden = false;
    clearErrors();
    restoreJurisdiction();
    setNow();
    addDetainee();
    form.elements.placeOfDetention.focus();
  }

  setInterval(function () { H.tickTimeLeft(document.getElementById('result-cases')); }, 5000);
})();
