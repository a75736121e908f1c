/*
 * Dashboard: which open cases are in trouble, at a glance. Refreshes itself every 30 s; the time left
 * to each deadline ticks every few seconds in between.
 */
(function () {
  'use strict';

  var PAGE_SIZE = 50;
  var REFRESH_MS = 30000;
  var TICK_MS = 5000;
  var STAGES = ['AssignLawyer', 'VisitDetainee', 'RecordHearing', 'RecordVerdict', 'DecideAppeal', 'FileAppeal',
    'RecordAppealOutcome', 'ApproveFinePayment', 'PayFine', 'CloseCase'];

  var page = Math.max(0, (parseInt(new URLSearchParams(location.search).get('page'), 10) || 1) - 1);
  var lastGood = null;
  var loading = false;
  var timer = null;

  H.start('dashboard').then(function (me) {
    if (me && !H.inGroup('coordinators') && !H.inGroup('managers') && H.inGroup('lawyers')) {
      document.getElementById('dashboard-heading').textContent = H.t('dashboard.myCases');
    }
    document.getElementById('page-prev').addEventListener('click', function () { go(page - 1); });
    document.getElementById('page-next').addEventListener('click', function () { go(page + 1); });
    document.getElementById('case-rows').addEventListener('click', function (event) {
      if (event.target.closest('a') || (window.getSelection && String(window.getSelection()))) { return; }
      var row = event.target.closest('tr[data-case]');
      if (row) { location.assign('/cases/' + encodeURIComponent(row.getAttribute('data-case'))); }
    });
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) { refresh(); }
    });
    refresh();
    setInterval(function () { H.tickTimeLeft(document.getElementById('case-rows')); }, TICK_MS);
  });

  function go(target) {
    page = Math.max(0, target);
    var url = page > 0 ? '?page=' + (page + 1) : location.pathname;
    history.replaceState(null, '', url);
    refresh();
    document.getElementById('h-cases').scrollIntoView({ block: 'start' });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (document.hidden) { schedule(); } else { refresh(); }
    }, REFRESH_MS);
  }

  function casesUrl(p, size) {
    return '/api/cases?status=open&page=' + p + '&size=' + size;
  }

  function totalOf(response) {
    var header = response.headers.get('X-Total-Count');
    var n = header === null ? NaN : parseInt(header, 10);
    return isNaN(n) ? (response.data || []).length : n;
  }

  /** Every open case, for the counts by stage, when they do not fit on the page shown. */
  function allOpen(total) {
    var size = 200;
    var pages = Math.min(Math.ceil(total / size), 25);
    var requests = [];
    for (var p = 0; p < pages; p++) {
      requests.push(H.api('GET', casesUrl(p, size)).then(function (r) { return r.data || []; }));
    }
    return Promise.all(requests).then(function (parts) { return [].concat.apply([], parts); });
  }

  function refresh() {
    if (loading) { return; }
    loading = true;
    clearTimeout(timer);
    var showWorkload = H.inGroup('coordinators') || H.inGroup('managers');
    var cases = H.api('GET', casesUrl(page, PAGE_SIZE)).then(function (response) {
      var rows = response.data || [];
      var total = totalOf(response);
      if (rows.length === 0 && page > 0 && total > 0) {
        page = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
        history.replaceState(null, '', page > 0 ? '?page=' + (page + 1) : location.pathname);
        return H.api('GET', casesUrl(page, PAGE_SIZE)).then(function (again) {
          return { rows: again.data || [], total: totalOf(again) };
        });
      }
      return { rows: rows, total: total };
    }).then(function (result) {
      var complete = page === 0 && result.total <= result.rows.length;
      return (complete ? Promise.resolve(result.rows) : allOpen(result.total)).then(function (all) {
        result.all = all;
        return result;
      });
    });
    var workload = showWorkload
      ? H.api('GET', '/api/workload').then(function (r) { return r.data || []; }).catch(function () { return null; })
      : Promise.resolve(null);
    Promise.all([cases, workload]).then(function (answers) {
      lastGood = Date.now();
      render(answers[0]);
      renderWorkload(answers[1]);
      status(false);
    }).catch(function (error) {
      status(true, error);
    }).then(function () {
      loading = false;
      schedule();
    });
  }

  function status(failed, error) {
    var line = document.getElementById('status-line');
    line.classList.toggle('stale', failed);
    if (!failed) {
      line.textContent = H.t('dashboard.updated', { time: H.formatClock(Date.now()) });
      return;
    }
    line.textContent = lastGood
      ? H.t('dashboard.stale', { time: H.formatClock(lastGood) })
      : (error && error.message) || H.t('error.network');
  }

  // ---- rendering -------------------------------------------------------------------------------

  function render(result) {
    renderAttention(result.all, result.total);
    renderStages(result.all);
    renderRows(result.rows);
    renderPager(result.total);
  }

  function renderAttention(all, total) {
    var overdue = all.filter(function (c) { return c.overdue; }).length;
    var incidents = all.filter(function (c) { return c.incidents > 0; }).length;
    var box = H.clear(document.getElementById('attention'));
    box.appendChild(pill(overdue, H.tn('dashboard.overdueCount', overdue), overdue ? 'alarm' : 'calm', 'attention-overdue'));
    box.appendChild(pill(incidents, H.tn('dashboard.incidentCount', incidents), incidents ? 'warn' : 'calm',
      'attention-incidents'));
    document.getElementById('open-total').textContent = total;
  }

  function pill(n, what, kind, id) {
    return H.el('div', { class: 'pill ' + kind, id: id }, H.el('span', { class: 'n' }, n), H.el('span', { class: 'what' }, what));
  }

  function renderStages(all) {
    var counts = {};
    var names = {};
    all.forEach(function (c) {
      counts[c.stage] = (counts[c.stage] || 0) + 1;
      names[c.stage] = c.stageName;
    });
    var order = STAGES.filter(function (s) { return counts[s]; })
      .concat(Object.keys(counts).filter(function (s) { return STAGES.indexOf(s) < 0; }).sort());
    var ul = H.clear(document.getElementById('stages'));
    if (!order.length) {
      ul.appendChild(H.el('li', { class: 'muted' }, H.t('dashboard.noOpenCases')));
      return;
    }
    order.forEach(function (stage) {
      ul.appendChild(H.el('li', { 'data-stage': stage },
        H.el('span', null, H.stageName(stage, names[stage])), H.el('span', { class: 'count' }, counts[stage])));
    });
  }

  /** Cases in trouble first: overdue, then failed notifications; otherwise the server's order (by deadline). */
  function inTroubleFirst(rows) {
    var rank = function (c) { return c.overdue ? 0 : c.incidents > 0 ? 1 : 2; };
    return rows.map(function (c, i) { return { c: c, i: i }; })
      .sort(function (a, b) { return rank(a.c) - rank(b.c) || a.i - b.i; })
      .map(function (x) { return x.c; });
  }

  function renderRows(rows) {
    rows = inTroubleFirst(rows);
    var tbody = H.clear(document.getElementById('case-rows'));
    if (!rows.length) {
      tbody.appendChild(H.el('tr', null, H.el('td', { colspan: 4, class: 'empty' }, H.t('dashboard.noOpenCases'))));
      return;
    }
    rows.forEach(function (c) {
      var badges = H.el('span', { class: 'cell-badges' },
        c.overdue ? H.el('span', { class: 'badge overdue' }, H.t('badge.overdue')) : null,
        c.incidents > 0 ? H.el('span', { class: 'badge incident', title: H.t('badge.incidentTitle') },
          H.tn('badge.incidents', c.incidents)) : null);
      var deadline = c.nextDeadline;
      tbody.appendChild(H.el('tr', {
        'data-case': c.caseNumber,
        class: (c.overdue ? 'is-overdue ' : '') + (c.incidents > 0 ? 'has-incident' : '')
      },
      H.el('td', { class: 'cell-case' },
        H.el('a', { class: 'case-link', href: '/cases/' + encodeURIComponent(c.caseNumber) }, c.caseNumber), badges),
      H.el('td', { class: 'cell-stage', 'data-label': H.t('case.stage') }, H.stageName(c.stage, c.stageName)),
      H.el('td', { class: 'cell-lawyer', 'data-label': H.t('case.lawyer') },
        c.lawyer ? c.lawyer : H.el('span', { class: 'muted' }, H.t('case.noLawyer'))),
      H.el('td', { class: 'cell-deadline', 'data-label': H.t('case.nextDeadline') },
        deadline ? [
          H.el('span', { class: 'deadline-what' }, H.t('deadline.' + deadline.what)),
          H.timeLeftElement(deadline.dueAt),
          H.el('span', { class: 'deadline-at' }, H.timeElement(deadline.dueAt, 'short'))
        ] : H.el('span', { class: 'muted' }, H.t('case.noDeadline')))));
    });
  }

  function renderPager(total) {
    var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    var pager = document.getElementById('pager');
    pager.hidden = pages <= 1;
    document.getElementById('page-info').textContent = H.t('dashboard.pageOf', { page: page + 1, pages: pages });
    document.getElementById('page-prev').disabled = page <= 0;
    document.getElementById('page-next').disabled = page >= pages - 1;
  }

  function renderWorkload(workload) {
    var section = document.getElementById('workload-section');
    if (!workload) { section.hidden = true; return; }
    section.hidden = false;
    var tbody = H.clear(document.getElementById('workload-rows'));
    if (!workload.length) {
      tbody.appendChild(H.el('tr', null, H.el('td', { colspan: 3, class: 'muted' }, H.t('dashboard.noLawyers'))));
      return;
    }
    workload.forEach(function (w) {
      tbody.appendChild(H.el('tr', null, H.el('td', null, w.lawyer),
        H.el('td', { class: 'num' }, w.openCases), H.el('td', { class: 'num' }, w.openTasks)));
    });
  }
})();
