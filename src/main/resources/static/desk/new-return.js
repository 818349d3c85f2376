// New return: find the original order, add items by name, SKU or a scanned barcode, save.
(function () {
  'use strict';
  const { api, t, el, money, date, dateTime, statusBadge, showProblem, clearErrors } = window.Desk;
  const form = document.getElementById('return-form');
  const orderSearch = document.getElementById('order-search');
  const orderType = document.getElementById('order-type');
  const orderResults = document.getElementById('order-results');
  const selected = document.getElementById('order-selected');
  const itemInput = document.getElementById('item-input');
  const suggestions = document.getElementById('item-suggestions');
  const itemError = document.getElementById('item-error');
  const linesBody = document.querySelector('#lines-table tbody');
  let order = null;
  let lines = []; // {line (order line), quantity, exchangeSku, variants}
  let searchTimer = null;

  async function searchOrders() {
    const q = orderSearch.value.trim();
    const params = new URLSearchParams({ size: 8 });
    if (q) params.set('q', q);
    if (orderType.value) params.set('type', orderType.value);
    try {
      const result = await api('GET', '/api/orders?' + params.toString());
      orderResults.replaceChildren(...result.content.map((row) => el('li', {},
        el('button', { type: 'button', class: 'result', 'data-order': row.number, onclick: () => selectOrder(row.number) },
          el('strong', { text: row.number }), ' ',
          el('span', { class: 'muted', text: t(row.type === 'SALES' ? 'js.salesOrder' : 'js.purchaseOrder') }), ' · ',
          row.partyName, ' · ', row.storeCode, ' · ', date(row.date), ' · ',
          el('span', { text: money(row.total) }),
          row.status === 'FULFILLED' ? null : el('span', { class: 'badge warn', text: t('js.notShipped') })))));
      if (!result.content.length) {
        orderResults.replaceChildren(el('li', { class: 'muted', text: t('js.noOrders') }));
      }
    } catch (failure) {
      orderResults.replaceChildren(el('li', { class: 'field-error shown', text: failure.problem.detail }));
    }
  }

  async function selectOrder(number) {
    try {
      order = await api('GET', '/api/orders/' + encodeURIComponent(number));
    } catch (failure) {
      showProblem(form, { field: 'orderNumber', detail: failure.problem.detail });
      return;
    }
    lines = [];
    orderResults.replaceChildren();
    orderSearch.value = order.number;
    selected.replaceChildren(
      el('div', {}, el('strong', { text: order.number }), ' · ',
        t(order.type === 'SALES' ? 'js.salesOrder' : 'js.purchaseOrder'), ' · ', order.partyName, ' · ',
        order.storeCode, ' · ', date(order.date)),
      el('table', { class: 'grid compact', id: 'order-lines' },
        el('thead', {}, el('tr', {}, el('th', { text: t('js.col.sku') }), el('th', { text: t('js.col.name') }),
          el('th', { text: t('js.col.barcode') }), el('th', { class: 'num', text: t('js.col.shipped') }),
          el('th', { class: 'num', text: t('js.col.returnable') }), el('th', { class: 'num', text: t('js.col.unitPrice') }),
          el('th', {}))),
        el('tbody', {}, order.lines.map((line) => el('tr', {},
          el('td', { text: line.sku }), el('td', { text: line.name }), el('td', { text: line.barcode }),
          el('td', { class: 'num', text: line.shippedQuantity }),
          el('td', { class: 'num', text: line.returnableQuantity }),
          el('td', { class: 'num', text: money(line.unitPrice) }),
          el('td', {}, el('button', { type: 'button', class: 'small', disabled: line.returnableQuantity < 1,
            onclick: () => addLine(line) }, t('js.add'))))))));
    selected.hidden = false;
    itemInput.disabled = false;
    itemInput.focus();
    renderLines();
  }

  function addLine(line) {
    itemError.textContent = '';
    const existing = lines.find((entry) => entry.line.lineNo === line.lineNo);
    const wanted = (existing ? existing.quantity : 0) + 1;
    if (wanted > line.returnableQuantity) {
      itemError.textContent = t('js.noMoreReturnable', line.returnableQuantity, line.sku);
      itemError.classList.add('shown');
      return;
    }
    if (existing) existing.quantity = wanted;
    else {
      const entry = { line, quantity: 1, exchangeSku: line.sku, variants: null };
      lines.push(entry);
      loadVariants(entry);
    }
    renderLines();
  }

  /** The other sizes and colours an exchange of the line may ship instead. */
  async function loadVariants(entry) {
    try {
      entry.variants = await api('GET', '/api/products/' + encodeURIComponent(entry.line.sku) + '/variants');
    } catch (ignored) {
      entry.variants = null;
    }
    // only the line's replacement cell: the quantity being typed keeps its field and focus
    const cell = linesBody.querySelector('tr[data-line="' + entry.line.lineNo + '"] td.replacement');
    if (cell) cell.replaceWith(replacementCell(entry));
  }

  function exchanging() {
    const resolution = (form.querySelector('input[name=resolution]:checked') || {}).value;
    return resolution === 'EXCHANGE' && order && order.type === 'SALES';
  }

  function replacementCell(entry) {
    const choices = entry.variants && entry.variants.length ? entry.variants
      : [{ sku: entry.line.sku, name: entry.line.name, unitPrice: entry.line.unitPrice }];
    const select = el('select', { class: 'replacement-sku', 'aria-label': t('js.col.replacement') },
      choices.map((variant) => el('option', { value: variant.sku, selected: variant.sku === entry.exchangeSku,
        text: variant.sku === entry.line.sku ? t('js.sameArticle', variant.sku)
          : (variant.variant || variant.name) + ' · ' + variant.sku + ' · ' + money(variant.unitPrice) })));
    select.addEventListener('change', () => {
      entry.exchangeSku = select.value;
      requestQuote();
    });
    return el('td', { class: 'replacement', hidden: !exchanging() }, select);
  }

  function matches(line, text) {
    const q = text.toLowerCase();
    return line.sku.toLowerCase().includes(q) || line.name.toLowerCase().includes(q);
  }

  /** Enter after a scan or a typed SKU adds the line; a name part offers the matching lines. */
  async function takeItem() {
    const text = itemInput.value.trim();
    suggestions.replaceChildren();
    itemError.textContent = '';
    itemError.classList.remove('shown');
    if (!text || !order) return;
    const exact = order.lines.find((line) => line.barcode === text || line.sku.toLowerCase() === text.toLowerCase());
    const candidates = exact ? [exact] : order.lines.filter((line) => matches(line, text));
    if (candidates.length === 1) {
      addLine(candidates[0]);
      itemInput.value = '';
      return;
    }
    if (candidates.length > 1) {
      suggestions.replaceChildren(...candidates.map((line) => el('li', {},
        el('button', { type: 'button', class: 'result', onclick: () => { addLine(line); suggestions.replaceChildren(); itemInput.value = ''; itemInput.focus(); } },
          el('strong', { text: line.sku }), ' ', line.name))));
      return;
    }
    // not on the order: say what it is, if the catalogue knows it
    let known = null;
    try {
      const products = await api('GET', '/api/products?q=' + encodeURIComponent(text));
      known = products.find((p) => p.barcode === text || p.sku.toLowerCase() === text.toLowerCase()) || null;
    } catch (ignored) {
      known = null;
    }
    itemError.textContent = known ? t('js.notOnOrder', known.sku + ' ' + known.name, order.number)
      : t('js.unknownItem', text);
    itemError.classList.add('shown');
    itemInput.select();
  }

  function renderLines() {
    linesBody.replaceChildren(...lines.map((entry) => {
      const quantity = el('input', { type: 'number', min: 1, max: entry.line.returnableQuantity, step: 1,
        value: entry.quantity, class: 'qty', 'aria-label': t('js.col.quantity') });
      quantity.addEventListener('input', () => {
        entry.quantity = quantity.value === '' ? '' : Number(quantity.value);
        updateTotal();
      });
      return el('tr', { 'data-sku': entry.line.sku, 'data-line': entry.line.lineNo },
        el('td', { text: entry.line.sku }), el('td', { text: entry.line.name }),
        el('td', { class: 'num', text: money(entry.line.unitPrice) }),
        el('td', { class: 'num', text: entry.line.returnableQuantity }),
        el('td', { class: 'num' }, quantity),
        el('td', { class: 'num amount' }),
        replacementCell(entry),
        el('td', {}, el('button', { type: 'button', class: 'link', 'aria-label': t('js.remove'),
          onclick: () => { lines = lines.filter((other) => other !== entry); renderLines(); } }, '✕')));
    }));
    document.getElementById('lines-empty').hidden = lines.length > 0;
    showReplacements();
    updateTotal();
  }

  function showReplacements() {
    document.querySelectorAll('#lines-table .replacement').forEach((cell) => { cell.hidden = !exchanging(); });
  }

  function updateTotal() {
    let total = 0;
    linesBody.querySelectorAll('tr').forEach((row, index) => {
      const entry = lines[index];
      const amount = Number(entry.line.unitPrice) * (Number(entry.quantity) || 0);
      row.querySelector('.amount').textContent = money(amount);
      total += amount;
    });
    document.getElementById('lines-total').textContent = money(total);
    requestQuote();
  }

  let quoteTimer = null;
  let quoteAsked = 0;

  /**
   * What the return would come to under the policy (the restocking fee), asked of the server
   * once the lines and the reason stand, a moment after the last change; nothing is saved.
   */
  function requestQuote() {
    clearTimeout(quoteTimer);
    const quote = document.getElementById('quote');
    const body = formBody();
    if (localProblem(body)) {
      quote.hidden = true;
      return;
    }
    quoteTimer = setTimeout(async () => {
      const asked = ++quoteAsked;
      try {
        const answer = await api('POST', '/api/returns/quote', body);
        if (asked !== quoteAsked) return;
        const fee = Number(answer.restockingFee);
        const difference = Number(answer.priceDifference);
        const refund = body.resolution === 'EXCHANGE'
          ? (difference > 0 ? t('js.quoteExchangeCharge', money(difference), money(answer.exchangeCharge))
            : difference < 0 ? t('js.quoteExchangeRefund', money(-difference), money(answer.refundAmount))
              : t('js.quoteExchange'))
          : fee > 0 ? t('js.quote', money(answer.refundAmount), money(answer.totalAmount), money(answer.restockingFee),
            Math.round(fee / Number(answer.totalAmount) * 1000) / 10)
            : t('js.quoteNoFee', money(answer.refundAmount));
        // a returnless refund: the customer keeps the goods
        quote.textContent = answer.returnless ? t('js.quoteReturnless', refund) : refund;
        quote.hidden = false;
      } catch (failure) {
        // saving tells what is wrong, at the field it concerns
        if (asked === quoteAsked) quote.hidden = true;
      }
    }, 300);
  }

  function formBody() {
    return {
      orderNumber: order ? order.number : null,
      reason: document.getElementById('reason').value,
      reasonDetail: document.getElementById('reason-detail').value.trim(),
      resolution: (form.querySelector('input[name=resolution]:checked') || {}).value,
      lines: lines.map((entry) => ({ sku: entry.line.sku, lineNo: entry.line.lineNo, quantity: entry.quantity,
        exchangeSku: exchanging() && entry.exchangeSku !== entry.line.sku ? entry.exchangeSku : null })),
    };
  }

  /** What the browser can tell before asking the server, which checks everything again. */
  function localProblem(body) {
    if (!order) return { field: 'orderNumber', detail: t('js.chooseOrder') };
    if (!lines.length) return { field: 'lines', detail: t('js.addItem') };
    for (const entry of lines) {
      const quantity = Number(entry.quantity);
      if (!Number.isInteger(quantity) || quantity < 1) return { field: 'lines', detail: t('js.badQuantity', entry.line.sku) };
      if (quantity > entry.line.returnableQuantity) {
        return { field: 'lines', detail: t('js.noMoreReturnable', entry.line.returnableQuantity, entry.line.sku) };
      }
    }
    if (!body.reason) return { field: 'reason', detail: t('js.chooseReason') };
    if (body.reason === 'OTHER' && !body.reasonDetail) return { field: 'reasonDetail', detail: t('js.describeOther') };
    return null;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = formBody();
    const problem = localProblem(body);
    if (problem) {
      showProblem(form, problem, document.getElementById('form-error'));
      return;
    }
    const save = document.getElementById('save');
    save.disabled = true;
    try {
      const created = await api('POST', '/api/returns', body);
      document.getElementById('created-number').textContent = created.number;
      document.getElementById('created-date').textContent = dateTime(created.requestedAt);
      document.getElementById('created-status').replaceWith(Object.assign(statusBadge(created.status), { id: 'created-status' }));
      document.getElementById('created-link').href = '/returns/' + encodeURIComponent(created.number);
      document.getElementById('created').hidden = false;
      form.hidden = true;
      window.scrollTo(0, 0);
    } catch (failure) {
      showProblem(form, failure.problem, document.getElementById('form-error'));
    } finally {
      save.disabled = false;
    }
  });

  orderSearch.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(searchOrders, 250);
  });
  orderSearch.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(searchTimer);
      searchOrders();
    }
  });
  orderType.addEventListener('change', searchOrders);
  document.getElementById('reason').addEventListener('change', requestQuote);
  document.getElementById('reason-detail').addEventListener('change', requestQuote);
  form.querySelectorAll('input[name=resolution]').forEach((radio) => radio.addEventListener('change', () => {
    showReplacements();
    requestQuote();
  }));
  itemInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      takeItem();
    }
  });
  document.getElementById('new-another').addEventListener('click', () => window.location.reload());

  const preset = new URLSearchParams(window.location.search).get('order');
  if (preset) selectOrder(preset);
  else searchOrders();
})();
