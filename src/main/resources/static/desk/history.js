// Returns history: filters, sort and paging through GET /api/returns; CSV with the same filters.
(function () {
  'use strict';
  const { api, t, el, money, dateTime, statusBadge } = window.Desk;
  const form = document.getElementById('filters');
  const body = document.querySelector('#history-table tbody');
  const error = document.getElementById('history-error');
  const size = 20;
  const count = new Intl.NumberFormat(window.Desk.config.lang === 'zh' ? 'zh-CN' : 'en-GB');
  let page = 0;

  // the filters live in the address, so a filtered list can be bookmarked and shared
  const initial = new URLSearchParams(window.location.search);
  for (const [name, value] of initial.entries()) {
    if (form.elements[name]) form.elements[name].value = value;
  }
  page = Number(initial.get('page') || 0);

  function filters() {
    const params = new URLSearchParams();
    for (const element of form.elements) {
      if (element.name && element.value) params.set(element.name, element.value.trim());
    }
    return params;
  }

  async function load() {
    const params = filters();
    document.getElementById('export-csv').href = '/api/returns/export.csv?' + params.toString();
    params.set('page', page);
    params.set('size', size);
    window.history.replaceState(null, '', '?' + params.toString());
    error.hidden = true;
    try {
      const result = await api('GET', '/api/returns?' + params.toString());
      render(result);
    } catch (failure) {
      error.textContent = failure.problem.detail;
      error.hidden = false;
    }
  }

  function render(result) {
    body.replaceChildren(...result.content.map((row) => el('tr', {},
      el('td', {}, el('a', { href: '/returns/' + encodeURIComponent(row.number), text: row.number })),
      el('td', { text: dateTime(row.requestedAt) }),
      el('td', {}, statusBadge(row.status)),
      el('td', { text: t('type.' + row.type) }),
      el('td', { text: row.orderNumber }),
      el('td', { text: row.partyName }),
      el('td', { text: row.storeCode }),
      el('td', { text: t('reason.' + row.reason) }),
      el('td', { class: 'num', text: money(row.totalAmount) }))));
    document.getElementById('history-empty').hidden = result.totalElements > 0;
    const pages = Math.max(1, Math.ceil(result.totalElements / result.size));
    // free text that matched many returns was counted only so far: "2,000+", and a next
    // page as long as rows keep coming (the total is then more than the rows so far)
    document.getElementById('page-info').textContent = result.totalExact === false
      ? t('js.page.atLeast', result.page + 1, count.format(result.totalElements))
      : t('js.page', result.page + 1, pages, result.totalElements);
    document.getElementById('page-prev').disabled = result.page === 0;
    document.getElementById('page-next').disabled = result.page + 1 >= pages;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 0;
    load();
  });
  form.addEventListener('reset', () => setTimeout(() => { page = 0; load(); }));
  form.elements.sort.addEventListener('change', () => { page = 0; load(); });
  document.getElementById('page-prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
  document.getElementById('page-next').addEventListener('click', () => { page += 1; load(); });
  load();
})();
