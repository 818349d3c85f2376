// Return detail: lines, status, timeline, attachments, stock, and for finance and the analysts the
// postings and the note; revise or withdraw.
(function () {
  'use strict';
  const { api, t, el, money, dateTime, date, statusBadge, showProblem, clearErrors, config } = window.Desk;
  const number = document.body.dataset.number;
  const base = '/api/returns/' + encodeURIComponent(number);
  let current = null;

  function text(id, value) {
    document.getElementById(id).textContent = value === null || value === undefined ? '' : value;
  }

  async function load() {
    try {
      current = await api('GET', base);
    } catch (failure) {
      const error = document.getElementById('detail-error');
      error.textContent = failure.problem.detail;
      error.hidden = false;
      document.querySelectorAll('main > section, main > .columns, main > .ledgers').forEach((node) => { node.hidden = true; });
      return;
    }
    render(current);
    loadProcess();
    loadTimeline();
    loadAttachments();
    loadLedgers();
  }

  function render(r) {
    document.getElementById('d-status').replaceWith(Object.assign(statusBadge(r.status), { id: 'd-status' }));
    text('d-type', t('type.' + r.type));
    text('d-order', r.orderNumber);
    text('d-party', r.partyName);
    text('d-store', r.storeCode);
    // the channel says who asked: a clerk (their user) or the customer on the public page
    text('d-requested', (r.channel === 'CUSTOMER' ? t('js.channel.CUSTOMER') : r.requestedBy) + ' · '
      + dateTime(r.requestedAt));
    document.getElementById('d-requested').dataset.channel = r.channel;
    // known once the warehouse has processed the return (and kept when finance sends it back)
    document.getElementById('d-returned-on-fact').hidden = !r.returnedOn;
    text('d-returned-on', date(r.returnedOn));
    text('d-reason', t('reason.' + r.reason));
    text('d-resolution', t('resolution.' + r.resolution));
    text('d-refund', r.refundMethod ? t('refund.' + r.refundMethod) + ' · ' + money(r.refundAmount)
      + (r.warehouseCode ? ' · ' + r.warehouseCode : '') : '—');
    document.getElementById('d-fee-fact').hidden = !(Number(r.restockingFee) > 0);
    text('d-fee', money(r.restockingFee));
    document.getElementById('d-returnless-fact').hidden = !r.returnless;
    const difference = Number(r.priceDifference);
    document.getElementById('d-difference-fact').hidden = r.resolution !== 'EXCHANGE' || difference === 0;
    text('d-difference', difference > 0 ? t('js.differenceCharged', money(difference))
      : t('js.differenceRefunded', money(-difference)));
    text('d-detail', r.reasonDetail || '');
    const rejection = document.getElementById('d-rejection');
    rejection.hidden = !(r.status === 'REJECTED' && r.rejectionReason);
    rejection.textContent = t('js.rejectedBecause', r.rejectionReason || '');
    const note = document.getElementById('d-confirmation-note');
    note.hidden = !r.confirmationNote;
    note.textContent = t('js.sentBackBecause', r.confirmationNote || '');
    text('d-total', money(r.totalAmount));
    // a customer cannot revise on the desk: any clerk who may revise does it for them
    const revising = r.status === 'REJECTED' && (r.requestedBy === config.user || r.channel === 'CUSTOMER')
      && config.may.createReturns;
    document.querySelector('#d-lines tbody').replaceChildren(...r.lines.map((line) => el('tr', { 'data-sku': line.sku },
      el('td', { text: line.sku }),
      el('td', {}, line.name, line.exchangeSku && line.exchangeSku !== line.sku
        ? el('div', { class: 'muted replacement', text: t('js.replacedBy', line.exchangeName, line.exchangeSku,
          money(line.exchangeUnitPrice)) }) : null),
      el('td', { class: 'num' }, revising
        ? el('input', { type: 'number', min: 0, step: 1, value: line.quantity, class: 'qty', 'data-line': line.orderLineNo,
          'data-sku': line.sku, 'data-exchange': line.exchangeSku || '', 'aria-label': t('js.col.quantity') })
        : String(line.quantity)),
      el('td', { class: 'num', text: money(line.unitPrice) }),
      el('td', { class: 'num amount', text: money(line.amount) }),
      el('td', { class: 'num received', text: received(line) ? String(line.receivedQuantity) : '—' }),
      el('td', { class: 'num written-off', text: received(line) ? String(line.scrappedQuantity) : '—' }))));
    // from processing on, a line holds (and is worth) the units received, not those asked
    document.getElementById('d-lines-received').hidden = !r.lines.some(received);
    document.getElementById('revise-card').hidden = !revising;
    if (revising) {
      document.querySelectorAll('#d-lines input.qty').forEach((input) => input.addEventListener('input', revisedAmounts));
      document.getElementById('revise-reason').value = r.reason;
      document.getElementById('revise-detail').value = r.reasonDetail || '';
      const resolution = document.querySelector('input[name=revise-resolution][value="' + r.resolution + '"]');
      if (resolution) resolution.checked = true;
    }
  }

  /** Whether the warehouse has recorded what came back of a line. */
  function received(line) {
    return line.receivedQuantity !== null && line.receivedQuantity !== undefined;
  }

  /** Links to the waiting task in Tasklist and to the process in Cockpit. */
  async function loadProcess() {
    let state;
    try {
      state = await api('GET', base + '/process');
    } catch (failure) {
      return;
    }
    const taskLink = document.getElementById('tasklist-link');
    const task = (state.openTasks || [])[0];
    taskLink.hidden = !task;
    if (task) taskLink.href = task.tasklistPath;
    const cockpit = document.getElementById('cockpit-link');
    cockpit.hidden = !state.cockpitPath;
    if (state.cockpitPath) cockpit.href = state.cockpitPath;
  }

  /** While revising, amounts and total follow the quantities typed (prices stay the order's). */
  function revisedAmounts() {
    let total = 0;
    document.querySelectorAll('#d-lines tbody tr').forEach((row, index) => {
      const amount = Number(current.lines[index].unitPrice) * (Number(row.querySelector('input.qty').value) || 0);
      row.querySelector('.amount').textContent = money(amount);
      total += amount;
    });
    text('d-total', money(total));
  }

  async function loadTimeline() {
    let entries;
    try {
      entries = await api('GET', base + '/timeline');
    } catch (failure) {
      // the return's own status history still tells who did what
      entries = current.history.map((event) => ({ at: event.at, kind: event.status, actor: event.actor, note: event.note }));
    }
    document.getElementById('timeline').replaceChildren(...entries.map((entry) => el('li', { class: 'kind-' + String(entry.kind).toLowerCase() },
      el('time', { text: dateTime(entry.at) }),
      el('strong', { text: t('timeline.' + entry.kind) }),
      entry.task ? el('span', { class: 'muted', text: ' · ' + entry.task }) : null,
      entry.actor ? el('span', { text: ' · ' + entry.actor }) : null,
      entry.note ? el('p', { class: 'note', text: entry.note }) : null)));
  }

  async function loadAttachments() {
    let attachments = [];
    try {
      attachments = await api('GET', base + '/attachments');
    } catch (failure) {
      attachments = [];
    }
    document.getElementById('attachment-list').replaceChildren(...attachments.map((a) => {
      const url = a.url || base + '/attachments/' + a.id;
      const preview = a.contentType && a.contentType.startsWith('image/')
        ? el('img', { src: url, alt: a.fileName, loading: 'lazy' })
        : el('span', { class: 'file-icon', text: 'PDF' });
      return el('a', { class: 'attachment', href: url, target: '_blank', rel: 'noopener' }, preview,
        el('span', { class: 'file-name', text: a.fileName }),
        el('span', { class: 'muted', text: (a.uploadedBy || '') + ' · ' + dateTime(a.uploadedAt) }));
    }));
    document.getElementById('attachments-empty').hidden = attachments.length > 0;
  }

  async function loadLedgers() {
    const movements = await api('GET', '/api/stock/movements?returnNumber=' + encodeURIComponent(number));
    document.querySelector('#d-movements tbody').replaceChildren(...movements.map((m) => el('tr', {},
      el('td', { class: 'nowrap', text: dateTime(m.at) }), el('td', { text: t('movement.' + m.kind) }),
      el('td', { class: 'nowrap', text: m.sku }),
      el('td', { text: m.warehouseCode }), el('td', { class: 'num', text: m.quantity > 0 ? '+' + m.quantity : m.quantity }))));
    document.getElementById('movements-empty').hidden = movements.length > 0;
    loadBooks();
  }

  /**
   * The return's journal lines and its credit or debit note; the page has their card only
   * for those who read the books (finance, analysts).
   */
  async function loadBooks() {
    if (!document.getElementById('postings-card')) return;
    const postings = await api('GET', '/api/finance/postings?returnNumber=' + encodeURIComponent(number));
    // the entry's number on its first line, as a journal is written
    document.querySelector('#d-postings tbody').replaceChildren(...postings.map((p, i) => el('tr', { 'data-entry': p.entryNumber },
      el('td', { class: 'nowrap', text: i === 0 || postings[i - 1].entryNumber !== p.entryNumber ? p.entryNumber : '' }),
      el('td', { class: 'nowrap', text: p.account }),
      el('td', { text: p.accountName }),
      el('td', { class: 'num', text: Number(p.debit) ? money(p.debit) : '' }),
      el('td', { class: 'num', text: Number(p.credit) ? money(p.credit) : '' }))));
    document.getElementById('postings-empty').hidden = postings.length > 0;
    const note = current.status === 'CONFIRMED' ? await creditNote() : null;
    if (note) {
      text('d-note-kind', t('books.note.' + note.kind));
      text('d-note-number', note.number);
      text('d-note-gross', money(note.gross));
      document.getElementById('d-note-print').href = base + '/credit-note.pdf';
    }
    document.getElementById('d-note').hidden = !note;
  }

  /** The note of a confirmed return; none while its posting still waits. */
  async function creditNote() {
    try {
      return await api('GET', base + '/credit-note');
    } catch (failure) {
      return null;
    }
  }

  // only the groups that may upload proof get the form
  const uploadForm = document.getElementById('upload-form');
  if (uploadForm) uploadForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = document.getElementById('upload-file');
    const error = document.getElementById('upload-error');
    error.textContent = '';
    error.classList.remove('shown');
    for (const file of input.files) {
      const data = new FormData();
      data.append('file', file);
      try {
        await api('POST', base + '/attachments', data);
      } catch (failure) {
        error.textContent = file.name + ': ' + failure.problem.detail;
        error.classList.add('shown');
      }
    }
    input.value = '';
    loadAttachments();
  });

  const reviseCard = document.getElementById('revise-card');
  document.getElementById('resubmit').addEventListener('click', async () => {
    clearErrors(reviseCard);
    const lines = [...document.querySelectorAll('#d-lines input.qty')]
      .filter((input) => input.value !== '' && Number(input.value) !== 0)
      .map((input) => ({ sku: input.dataset.sku, lineNo: Number(input.dataset.line), quantity: Number(input.value),
        // the replacement asked for stays, as long as the return stays an exchange
        exchangeSku: input.dataset.exchange || null }));
    const resolution = (document.querySelector('input[name=revise-resolution]:checked') || {}).value;
    if (resolution !== 'EXCHANGE') lines.forEach((line) => { line.exchangeSku = null; });
    const body = {
      orderNumber: current.orderNumber,
      reason: document.getElementById('revise-reason').value,
      reasonDetail: document.getElementById('revise-detail').value.trim(),
      resolution,
      lines,
    };
    try {
      current = await api('PUT', base, body);
      load();
    } catch (failure) {
      showProblem(reviseCard, failure.problem, document.getElementById('revise-error'));
    }
  });
  document.getElementById('withdraw').addEventListener('click', async () => {
    if (!window.confirm(t('js.confirmWithdraw', number))) return;
    clearErrors(reviseCard);
    try {
      await api('POST', base + '/withdraw');
      load();
    } catch (failure) {
      showProblem(reviseCard, failure.problem, document.getElementById('revise-error'));
    }
  });

  load();
})();
