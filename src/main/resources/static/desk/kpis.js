// Where returns wait: each step's waiting time, the work open now, what became of the requests.
(function () {
  'use strict';
  const { api, t, el, dateTime } = window.Desk;
  const form = document.getElementById('kpi-filters');
  const charts = {};
  const colors = { median: '#0f766e', p90: '#94a3b8', open: '#0f766e', overdue: '#b42318' };

  const today = new Date();
  const iso = (d) => d.toISOString().substring(0, 10);
  const params = new URLSearchParams(window.location.search);
  form.elements.to.value = params.get('to') || iso(today);
  form.elements.from.value = params.get('from') || iso(new Date(today.getTime() - 29 * 86400000));

  const percent = (share) => (share === null || share === undefined ? '—' : (share * 100).toFixed(1) + ' %');
  const hours = (seconds) => (seconds === null || seconds === undefined ? null : seconds / 3600);

  /** A waiting time as people say it: 3 d 4 h, 5 h 20 min, 12 min. */
  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '—';
    const minutes = Math.round(seconds / 60);
    const days = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    if (days > 0) return t('kpi.unit.days', days) + (h > 0 ? ' ' + t('kpi.unit.hours', h) : '');
    if (h > 0) return t('kpi.unit.hours', h) + (m > 0 ? ' ' + t('kpi.unit.minutes', m) : '');
    return t('kpi.unit.minutes', m);
  }

  function setText(id, text) {
    document.getElementById(id).textContent = text;
  }

  async function load() {
    const query = new URLSearchParams();
    for (const element of form.elements) {
      if (element.name && element.value) query.set(element.name, element.value);
    }
    window.history.replaceState(null, '', '?' + query.toString());
    const error = document.getElementById('kpi-error');
    error.hidden = true;
    let report;
    try {
      report = await api('GET', '/api/reports/process?' + query.toString());
    } catch (failure) {
      error.textContent = failure.problem.detail;
      error.hidden = false;
      return;
    }
    renderTiles(report);
    renderTable(report);
    renderCharts(report);
  }

  function renderTiles(report) {
    const requests = report.requests;
    setText('tile-started', requests.started);
    setText('tile-rejected', percent(requests.rejectedShare) + ' · ' + requests.rejected);
    setText('tile-resubmitted', percent(requests.resubmittedShare) + ' · ' + requests.resubmitted);
    setText('tile-withdrawn', percent(requests.withdrawnShare) + ' · ' + requests.withdrawn);
    setText('tile-lead', duration(report.lifecycle.medianSeconds));
    setText('tile-overdue', report.approvals.openPastReminder);
    setText('tile-reminders', report.approvals.remindersSent);
    setText('tile-incidents', report.incidents + ' · ' + report.postingsWaiting);
    document.getElementById('tile-overdue-box').classList.toggle('alarm', report.approvals.openPastReminder > 0);
    document.getElementById('tile-incidents-box').classList.toggle('alarm', report.incidents > 0);
    setText('kpi-reminder-note', t('kpi.reminderNote', duration(reminderSeconds(report.approvals.reminderAfter)),
      report.approvals.completedPastReminder, report.lifecycle.completed, duration(report.lifecycle.p90Seconds)));
  }

  /** Seconds of an ISO 8601 duration as Java writes it (PT48H, PT30M, P2D). */
  function reminderSeconds(text) {
    const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(text || '');
    if (!match) return null;
    const [, d, h, m, s] = match.map((part) => Number(part || 0));
    return d * 86400 + h * 3600 + m * 60 + s;
  }

  function renderTable(report) {
    const body = document.querySelector('#kpi-steps tbody');
    body.replaceChildren(...report.steps.map((step) => el('tr', { 'data-step': step.step },
      el('td', { text: step.name }),
      el('td', { class: 'num', text: step.completed }),
      el('td', { class: 'num', text: duration(step.medianWaitSeconds) }),
      el('td', { class: 'num', text: duration(step.p90WaitSeconds) }),
      el('td', { class: 'num', text: step.openNow }),
      el('td', { text: step.oldestOpenSince ? dateTime(step.oldestOpenSince) : '—' }))));
  }

  function chart(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new window.Chart(document.getElementById(id), config);
  }

  function renderCharts(report) {
    const labels = report.steps.map((step) => step.name);
    const durationTooltip = { callbacks: { label: (item) => item.dataset.label + ': ' + duration(item.raw * 3600) } };
    chart('chart-waiting', {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t('kpi.median'), data: report.steps.map((step) => hours(step.medianWaitSeconds)),
            backgroundColor: colors.median },
          { label: t('kpi.p90'), data: report.steps.map((step) => hours(step.p90WaitSeconds)),
            backgroundColor: colors.p90 },
        ],
      },
      options: { maintainAspectRatio: false, plugins: { tooltip: durationTooltip },
        scales: { y: { beginAtZero: true, title: { display: true, text: t('kpi.hours') } } } },
    });
    const overdue = report.steps.map((step) => (step.step === 'approveReturn' ? report.approvals.openPastReminder : 0));
    chart('chart-open', {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t('kpi.withinTime'), data: report.steps.map((step, i) => step.openNow - overdue[i]),
            backgroundColor: colors.open, stack: 'open' },
          { label: t('kpi.overdueNow'), data: overdue, backgroundColor: colors.overdue, stack: 'open' },
        ],
      },
      options: { maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
    const requests = report.requests;
    chart('chart-outcomes', {
      type: 'bar',
      data: {
        labels: [t('kpi.confirmed'), t('kpi.stillOpen'), t('kpi.withdrawn'), t('kpi.rejected'), t('kpi.resubmitted')],
        datasets: [{ label: t('kpi.requests'),
          data: [requests.confirmed, requests.open, requests.withdrawn, requests.rejected, requests.resubmitted],
          backgroundColor: ['#027a48', '#0f766e', '#94a3b8', '#b42318', '#d97706'] }],
      },
      options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false },
        tooltip: { callbacks: { label: (item) => item.raw + ' · '
          + percent(requests.started ? item.raw / requests.started : null) } } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  window.addEventListener('load', load);
})();
