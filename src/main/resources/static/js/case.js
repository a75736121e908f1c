/* Case page: where the case stands, what is due, who must act (Tasklist), the release, the record. */
(function () {
  'use strict';

  var REFRESH_MS = 30000;
  var caseNumber = decodeURIComponent(location.pathname.replace(/^\/cases\//, '').replace(/\/$/, ''));
  var current = null;
  var timer = null;
  /** A release reported from this page: the case awaits no other. */
  var released = false;

  H.start('case').then(function () {
    document.title = caseNumber + ' · Habeas';
    setupRelease();
    setupPersonalData();
    document.addEventListener('visibilitychange', function () { if (!document.hidden) { load(); } });
    load();
    setInterval(function () { H.tickTimeLeft(document.getElementById('case')); tickDeadlineCard(); }, 5000);
  });

  function url() {
    return '/api/cases/' + encodeURIComponent(caseNumber);
  }

  function load() {
    clearTimeout(timer);
    return H.api('GET', url()).then(function (response) {
      current = response.data;
      H.showGlobalError('');
      render(current);
      document.getElementById('status-line').textContent = H.t('dashboard.updated', { time: H.formatClock(Date.now()) });
    }).catch(function (error) {
      if (error.status === 404) {
        document.getElementById('case').hidden = true;
        document.getElementById('case-missing').hidden = false;
        return;
      }
      if (current) {
        var line = document.getElementById('status-line');
        line.textContent = H.t('case.stale');
        line.classList.add('stale');
      } else {
        H.showGlobalError(error.message);
      }
    }).then(function () {
      timer = setTimeout(function () { if (!document.hidden) { load(); } }, REFRESH_MS);
    });
  }

  function render(c) {
    document.getElementById('case-missing').hidden = true;
    document.getElementById('case').hidden = false;
    document.getElementById('status-line').classList.remove('stale');
    document.getElementById('case-number').textContent = c.caseNumber;

    var badges = H.clear(document.getElementById('case-badges'));
    badges.appendChild(H.el('span', { class: 'badge ' + (c.status === 'CLOSED' ? 'closed' : 'open') },
      H.t('status.' + c.status)));
    if (c.overdue) { badges.appendChild(H.el('span', { class: 'badge overdue' }, H.t('badge.overdue'))); }
    if (c.incidents > 0) {
      badges.appendChild(H.el('span', { class: 'badge incident', title: H.t('badge.incidentTitle') },
        H.tn('badge.incidents', c.incidents)));
    }

    renderDeadline(c);
    renderTasks(c);
    renderFacts(c);
    renderTimeline(c.timeline || []);
    // Coordinators report releases; so may the case's own lawyer, who is often the first to know.
    var mayRelease = H.inGroup('coordinators') || !!(H.me() && c.lawyer && H.me().userId === c.lawyer);
    document.getElementById('release-section').hidden = !(mayRelease && c.status === 'OPEN');
    document.getElementById('release-open').hidden = released || !!c.releasedAt
        || !document.getElementById('release-form').hidden;
  }

  // ---- the defender's personal data: fetched only on request, as every view is recorded -------------

  var PERSONAL_FIELDS = ['defenderName', 'organisation', 'placeOfDetention', 'disability', 'healthNeeds',
    'safetyConcern', 'reportedBy', 'summary', 'conditions', 'closingSummary', 'appealReason', 'approvalNote'];

  function setupPersonalData() {
    var button = document.getElementById('personal-show');
    button.addEventListener('click', function () {
      button.disabled = true;
      H.api('GET', url() + '/personal-data').then(function (response) {
        var dl = H.clear(document.getElementById('personal'));
        PERSONAL_FIELDS.filter(function (field) { return response.data[field] != null; }).forEach(function (field) {
          fact(dl, H.t('personal.' + field), response.data[field]);
        });
        dl.hidden = false;
        button.hidden = true;
      }).catch(function (error) {
        button.disabled = false;
        H.showGlobalError(error.message);
      });
    });
  }

  function renderDeadline(c) {
    var card = document.getElementById('deadline-card');
    var d = c.nextDeadline;
    card.hidden = !d;
    if (!d) { return; }
    document.getElementById('deadline-what').textContent = H.t('deadline.' + d.what);
    var left = document.getElementById('deadline-left');
    left.setAttribute('data-due', d.dueAt);
    H.clear(document.getElementById('deadline-at')).appendChild(H.timeElement(d.dueAt));
    H.tickTimeLeft(card);
    tickDeadlineCard();
  }

  function tickDeadlineCard() {
    var card = document.getElementById('deadline-card');
    var left = document.getElementById('deadline-left');
    var due = left.getAttribute('data-due');
    var state = due && H.timeLeft(due);
    card.classList.toggle('is-overdue', !!(state && state.overdue) || !!(current && current.overdue && current.status === 'OPEN'));
    card.classList.toggle('is-soon', !!(state && state.soon));
  }

  function groupName(group) {
    return H.has('group.' + group) ? H.t('group.' + group) : group;
  }

  function renderTasks(c) {
    var tasks = c.tasks || [];
    var ul = H.clear(document.getElementById('tasks'));
    document.getElementById('tasks-section').hidden = c.status === 'CLOSED' && !tasks.length;
    if (!tasks.length) {
      ul.appendChild(H.el('li', { class: 'muted' }, H.t('case.noTasks')));
      return;
    }
    tasks.forEach(function (task) {
      var who = task.assignee
        ? H.t('case.assignedTo', { who: task.assignee })
        : (task.candidateGroups && task.candidateGroups.length
          ? H.t('case.forGroups', { groups: task.candidateGroups.map(groupName).join(', ') }) : H.t('case.unassigned'));
      var link = task.tasklistUrl || '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(task.id);
      ul.appendChild(H.el('li', { 'data-task': task.taskKey },
        H.el('div', null, H.el('span', { class: 'task-name' }, H.stageName(task.taskKey, task.name)),
          H.el('span', { class: 'task-who' }, who)),
        H.el('a', { class: 'button small', href: link }, H.t('case.openInTasklist'))));
    });
  }

  function fact(dl, label, value) {
    dl.appendChild(H.el('dt', null, label));
    dl.appendChild(H.el('dd', null, value));
  }

  function renderFacts(c) {
    var dl = H.clear(document.getElementById('facts'));
    fact(dl, H.t('case.jurisdiction'), H.has('jurisdiction.' + c.jurisdiction) ? H.t('jurisdiction.' + c.jurisdiction) : c.jurisdiction);
    fact(dl, H.t('case.stage'), H.stageName(c.stage, c.stageName));
    fact(dl, H.t('case.lawyer'), c.lawyer || H.el('span', { class: 'muted' }, H.t('case.noLawyer')));
    fact(dl, H.t('case.openedAt'), H.timeElement(c.openedAt));
    fact(dl, H.t('deadline.DETENTION_LIMIT'), H.timeElement(c.detentionDeadline));
    if (c.closedAt) { fact(dl, H.t('case.closedAt'), H.timeElement(c.closedAt)); }
    if (c.incidents > 0) { fact(dl, H.t('case.incidents'), String(c.incidents)); }
  }

  function renderTimeline(entries) {
    var ol = H.clear(document.getElementById('timeline'));
    if (!entries.length) {
      ol.appendChild(H.el('li', { class: 'muted' }, H.t('case.noTimeline')));
      return;
    }
    entries.forEach(function (entry) {
      var kind = entry.kind || 'STEP';
      ol.appendChild(H.el('li', { class: 'kind-' + kind },
        H.el('span', { class: 'when' }, H.timeElement(entry.at, 'short'),
          entry.by ? ' · ' + entry.by : '',
          kind !== 'STEP' ? H.el('span', { class: 'badge kind ' + (kind === 'INCIDENT' ? 'incident' : 'closed') },
            H.t('timeline.' + kind)) : null),
        H.el('span', { class: 'what' }, entry.what),
        entry.detail ? H.el('span', { class: 'detail' }, entry.detail) : null));
    });
  }

  // ---- report release ---------------------------------------------------------------------------

  function setupRelease() {
    var form = document.getElementById('release-form');
    var open = document.getElementById('release-open');
    var input = document.getElementById('releasedAt');
    var error = document.getElementById('releasedAt-error');
    var submit = document.getElementById('release-submit');

    function setNow() {
      input.value = H.toLocalInput(H.now());
      hint();
    }
    function hint() {
      var iso = H.localInputToIso(input.value);
      var parsed = iso && H.parseIso(iso);
      document.getElementById('releasedAt-hint').textContent =
        H.t('alert.zoneHint', { zone: H.browserZone(parsed ? parsed.instant : undefined) });
    }
    function showError(text) {
      error.textContent = text || '';
      if (text) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', 'releasedAt-error'); }
      else { input.removeAttribute('aria-invalid'); }
    }

    open.addEventListener('click', function () {
      setNow();
      form.hidden = false;
      open.hidden = true;
      document.getElementById('release-done').hidden = true;
      input.focus();
    });
    document.getElementById('released-now').addEventListener('click', setNow);
    document.getElementById('release-cancel').addEventListener('click', function () {
      form.hidden = true;
      open.hidden = false;
      showError('');
    });
    input.addEventListener('input', function () { showError(''); hint(); });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var releasedAt = H.localInputToIso(input.value);
      if (!releasedAt) {
        showError(H.t(input.value ? 'problem.dateTime' : 'problem.required'));
        input.focus();
        return;
      }
      submit.disabled = true;
      H.api('POST', url() + '/release', { releasedAt: releasedAt }).then(function () {
        released = true;
        form.hidden = true;
        var done = document.getElementById('release-done');
        H.clear(done).appendChild(document.createTextNode(H.t('release.done') + ' '));
        done.appendChild(H.timeElement(releasedAt));
        done.hidden = false;
        return load();
      }).catch(function (e) {
        var problem = e.problem || {};
        var field = (problem.errors || []).filter(function (p) { return p.field === 'releasedAt'; })[0];
        showError(field ? H.problemText(field.problem)
          : e.status === 409 ? H.t('release.notAwaited') : (problem.detail || problem.title || e.message));
      }).then(function () {
        submit.disabled = false;
      });
    });
  }
})();
