// The books of a period: trial balance, inventory at cost against 1405, the journal, the notes.
(function () {
  'use strict';
  const { api, t, el, money, date, config } = window.Desk;
  const form = document.getElementById('books-period');

  // the period is in the merchant's days, wherever the browser is
  const merchantToday = (() => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en', { timeZone: config.timeZone || undefined,
      year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date()).map((p) => [p.type, p.value]));
    return parts.year + '-' + parts.month + '-' + parts.day;
  })();
  const params = new URLSearchParams(window.location.search);
  form.elements.to.value = params.get('to') || merchantToday;
  form.elements.from.value = params.get('from') || merchantToday.substring(0, 8) + '01';

  // amounts are added in cents: sums of decimals in floating point drift
  const cents = (value) => Math.round(Number(value || 0) * 100);
  const amount = (value) => (Number(value) ? money(value) : '');

  async function load() {
    const query = new URLSearchParams({ from: form.elements.from.value, to: form.elements.to.value });
    window.history.replaceState(null, '', '?' + query.toString());
    const error = document.getElementById('books-error');
    error.hidden = true;
    const page = document.querySelector('main');
    page.setAttribute('aria-busy', 'true');
    let balances;
    let reconciliation;
    let entries;
    let notes;
    try {
      [balances, reconciliation, entries, notes] = await Promise.all([
        api('GET', '/api/finance/balances?' + query),
        api('GET', '/api/finance/reconciliation?asOf=' + encodeURIComponent(form.elements.to.value)),
        api('GET', '/api/finance/entries?' + query),
        api('GET', '/api/finance/notes?' + query),
      ]);
    } catch (failure) {
      error.textContent = failure.problem.detail;
      error.hidden = false;
      page.removeAttribute('aria-busy');
      return;
    }
    renderTrialBalance(balances);
    renderReconciliation(reconciliation);
    renderJournal(entries);
    renderNotes(notes);
    page.removeAttribute('aria-busy');
  }

  function renderTrialBalance(rows) {
    document.querySelector('#trial-balance tbody').replaceChildren(...rows.map((row) => el('tr', { 'data-account': row.account },
      el('td', { class: 'nowrap', text: row.account }), el('td', { text: row.name }),
      el('td', { class: 'num', text: amount(row.debit) }), el('td', { class: 'num', text: amount(row.credit) }),
      el('td', { class: 'num', text: money(row.balance) }))));
    const debit = rows.reduce((sum, row) => sum + cents(row.debit), 0);
    const credit = rows.reduce((sum, row) => sum + cents(row.credit), 0);
    document.getElementById('tb-debit').textContent = money(debit / 100);
    document.getElementById('tb-credit').textContent = money(credit / 100);
    const check = document.getElementById('tb-check');
    check.className = 'alert ' + (debit === credit ? 'success' : 'error');
    check.textContent = debit === credit ? t('books.balanced', money(debit / 100))
      : t('books.unbalanced', money(Math.abs(debit - credit) / 100));
    check.hidden = false;
  }

  function renderReconciliation(books) {
    document.getElementById('rec-note').textContent = t('books.reconciliationNote', date(books.asOf));
    document.querySelector('#reconciliation tbody').replaceChildren(...Object.entries(books.movedByKind || {})
      .map(([kind, value]) => el('tr', { 'data-kind': kind },
        el('td', { text: t('movement.' + kind) }), el('td', { class: 'num', text: money(value) }))));
    document.getElementById('rec-moved').textContent = money(books.movedByReturns);
    document.getElementById('rec-inventory').textContent = money(books.inventoryAccount);
    document.getElementById('rec-difference').textContent = money(books.difference);
    const reconciled = cents(books.difference) === 0;
    document.getElementById('rec-difference-row').classList.toggle('alarm', !reconciled);
    const verdict = document.getElementById('rec-verdict');
    verdict.className = 'badge ' + (reconciled ? 'status-confirmed' : 'flag');
    verdict.textContent = t(reconciled ? 'books.reconciled' : 'books.notReconciled');
    document.getElementById('rec-on-hand').textContent = t('books.valueOnHand', money(books.valueOnHand));
  }

  /** Each entry as a group of rows: its head (number, date, return, memo), then its lines. */
  function renderJournal(entries) {
    const table = document.getElementById('journal');
    table.querySelectorAll('tbody').forEach((body) => body.remove());
    table.append(...entries.map((entry) => el('tbody', { class: 'entry', 'data-entry': entry.number, 'data-reference': entry.reference },
      el('tr', { class: 'entry-head' },
        el('td', { colspan: 4 },
          el('strong', { class: 'entry-number', text: entry.number }), ' · ',
          el('span', { class: 'entry-date', text: date(entry.date) }), ' · ',
          el('a', { class: 'entry-return', href: '/returns/' + encodeURIComponent(entry.reference), text: entry.reference }),
          entry.storeCode ? ' · ' + entry.storeCode : null,
          entry.reversal ? [' ', el('span', { class: 'badge warn', text: t('books.reversal') })] : null, ' · ',
          el('span', { class: 'entry-memo muted', text: entry.memo }))),
      entry.lines.map((line) => el('tr', { class: 'entry-line' },
        el('td', { class: 'nowrap', text: line.account }), el('td', { text: line.name }),
        el('td', { class: 'num', text: amount(line.debit) }), el('td', { class: 'num', text: amount(line.credit) }))))));
    document.getElementById('journal-empty').hidden = entries.length > 0;
  }

  function renderNotes(notes) {
    document.querySelector('#notes tbody').replaceChildren(...notes.map((note) => {
      const returnPath = '/returns/' + encodeURIComponent(note.returnNumber);
      return el('tr', { 'data-note': note.number, 'data-return': note.returnNumber },
        el('td', { class: 'nowrap', text: note.number }),
        el('td', { text: t('books.note.' + note.kind) }),
        el('td', { class: 'nowrap', text: date(note.issuedOn) }),
        el('td', { class: 'nowrap' }, el('a', { href: returnPath, text: note.returnNumber })),
        el('td', { class: 'nowrap', text: note.orderNumber }),
        el('td', { text: note.partyName }),
        el('td', { class: 'num', text: money(note.net) }),
        el('td', { class: 'num', text: money(note.tax) }),
        el('td', { class: 'num', text: money(note.gross) }),
        el('td', {}, el('a', { class: 'print', href: '/api' + returnPath + '/credit-note.pdf', target: '_blank',
          rel: 'noopener', text: t('books.print') })));
    }));
    document.getElementById('notes-empty').hidden = notes.length > 0;
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  load();
})();
