// Return analysis: rates and amounts by month, product, store and reason, as charts and tables.
(function () {
  'use strict';
  const { api, t, el, money } = window.Desk;
  const form = document.getElementById('report-filters');
  const groups = ['month', 'product', 'store', 'reason'];
  const charts = {};
  const data = {};
  let threshold = 0.05;
  const colors = { rate: '#0f766e', amount: '#94a3b8', flagged: '#b42318', threshold: '#d97706' };

  const today = new Date();
  const iso = (d) => d.toISOString().substring(0, 10);
  const params = new URLSearchParams(window.location.search);
  form.elements.to.value = params.get('to') || iso(today);
  form.elements.from.value = params.get('from') || iso(new Date(today.getTime() - 119 * 86400000));
  if (params.get('store')) form.elements.store.value = params.get('store');
  if (params.get('type')) form.elements.type.value = params.get('type');

  const percent = (rate) => (rate === null || rate === undefined ? '—' : (rate * 100).toFixed(2) + ' %');
  const label = (group, row) => (group === 'reason' ? t('reason.' + row.key) : group === 'month' ? row.key
    : row.key + ' · ' + row.label);

  async function load() {
    const query = new URLSearchParams();
    for (const element of form.elements) {
      if (element.name && element.value) query.set(element.name, element.value);
    }
    window.history.replaceState(null, '', '?' + query.toString());
    const error = document.getElementById('report-error');
    error.hidden = true;
    try {
      await Promise.all(groups.map(async (group) => {
        data[group] = await api('GET', '/api/reports/returns?groupBy=' + group + '&' + query.toString());
      }));
    } catch (failure) {
      error.textContent = failure.problem.detail;
      error.hidden = false;
      return;
    }
    document.getElementById('threshold-note').textContent = t('report.thresholdNote', percent(threshold));
    groups.forEach(renderTable);
    renderCharts();
  }

  function renderTable(group) {
    const body = document.querySelector('.report-table[data-group="' + group + '"] tbody');
    body.replaceChildren(...data[group].map((row) => el('tr', { class: row.flagged ? 'flagged' : null },
      el('td', {}, label(group, row), row.flagged ? el('span', { class: 'badge flag', text: t('report.flagged') }) : null),
      el('td', { class: 'num', text: row.shippedQuantity }),
      el('td', { class: 'num', text: row.returnedQuantity }),
      el('td', { class: 'num', text: percent(row.returnRate) }),
      el('td', { class: 'num', text: money(row.returnAmount) }),
      el('td', { class: 'num', text: row.returnlessQuantity,
        title: row.returnlessQuantity ? money(row.returnlessAmount) : null }))));
  }

  function chart(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new window.Chart(document.getElementById(id), config);
  }

  const rateAxis = { beginAtZero: true, ticks: { callback: (v) => (v * 100).toFixed(1) + ' %' } };
  const thresholdLine = (count) => ({ type: 'line', label: t('report.threshold'), data: Array(count).fill(threshold),
    borderColor: colors.threshold, borderDash: [6, 4], pointRadius: 0, borderWidth: 2 });

  function renderCharts() {
    const months = data.month;
    chart('chart-months', {
      type: 'bar',
      data: {
        labels: months.map((row) => row.key),
        datasets: [
          { type: 'line', label: t('report.rate'), data: months.map((row) => row.returnRate), borderColor: colors.rate,
            backgroundColor: colors.rate, yAxisID: 'rate', tension: 0.2 },
          Object.assign(thresholdLine(months.length), { yAxisID: 'rate' }),
          { type: 'bar', label: t('report.amount'), data: months.map((row) => Number(row.returnAmount)),
            backgroundColor: colors.amount, yAxisID: 'amount' },
        ],
      },
      options: { maintainAspectRatio: false, scales: { rate: Object.assign({ position: 'left' }, rateAxis),
        amount: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } } },
    });
    ['product', 'store'].forEach((group) => {
      const rows = data[group].filter((row) => row.returnRate !== null).slice(0, group === 'product' ? 12 : 10);
      chart('chart-' + group + 's', {
        type: 'bar',
        data: {
          labels: rows.map((row) => (group === 'product' ? row.key : row.key)),
          datasets: [
            { type: 'bar', label: t('report.rate'), data: rows.map((row) => row.returnRate),
              backgroundColor: rows.map((row) => (row.flagged ? colors.flagged : colors.rate)) },
            Object.assign(thresholdLine(rows.length), { type: 'line' }),
          ],
        },
        options: { indexAxis: 'y', maintainAspectRatio: false, scales: { x: rateAxis },
          plugins: { tooltip: { callbacks: { title: (items) => label(group, rows[items[0].dataIndex]) } } } },
      });
    });
    chart('chart-reasons', {
      type: 'doughnut',
      data: {
        labels: data.reason.map((row) => t('reason.' + row.key)),
        datasets: [{ data: data.reason.map((row) => row.returnedQuantity),
          backgroundColor: ['#0f766e', '#14b8a6', '#f59e0b', '#b42318', '#6366f1', '#94a3b8'] }],
      },
      options: { maintainAspectRatio: false, plugins: { legend: { position: 'right' } } },
    });
  }

  /** The table as CSV, with the same columns, for a spreadsheet. */
  function exportCsv(group) {
    const quote = (value) => {
      let text = value === null || value === undefined ? '' : String(value);
      if (/^[=+\-@]/.test(text)) text = "'" + text;
      return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    };
    const lines = [[t('report.key.' + group), t('report.shipped'), t('report.returned'), t('report.rate'),
      t('report.amount'), t('report.returnless'), t('report.returnlessAmount'), t('report.flagged')]
      .map(quote).join(',')];
    data[group].forEach((row) => lines.push([label(group, row), row.shippedQuantity, row.returnedQuantity,
      row.returnRate === null ? '' : row.returnRate, row.returnAmount, row.returnlessQuantity, row.returnlessAmount,
      row.flagged].map(quote).join(',')));
    const blob = new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    const link = el('a', { href: URL.createObjectURL(blob),
      download: 'return-rates-' + group + '-' + form.elements.from.value + '-' + form.elements.to.value + '.csv' });
    document.body.append(link);
    link.click();
    link.remove();
  }

  document.querySelectorAll('button.export').forEach((button) =>
    button.addEventListener('click', () => exportCsv(button.dataset.group)));
  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  window.addEventListener('load', () => {
    threshold = Number(window.Desk.config.returnRateThreshold || 0.05);
    load();
  });
})();
