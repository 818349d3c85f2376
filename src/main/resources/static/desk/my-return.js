// The public page: ask for a return of one's order and follow it, without an account.
// Text people typed and the server's answers are set as text, never as HTML.
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('self-service-config').textContent);
  const t = (key, ...args) => {
    let text = config.messages[key] || key;
    args.forEach((arg, i) => { text = text.replace('{' + i + '}', arg); });
    return text;
  };
  const $ = (id) => document.getElementById(id);
  const money = (amount) => Number(amount).toLocaleString(config.lang === 'zh' ? 'zh-CN' : 'en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const time = (at) => new Date(at).toLocaleString(config.lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: config.timeZone, dateStyle: 'medium', timeStyle: 'short' });
  let order = null;

  async function call(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: Object.assign({ 'Accept': 'application/json', 'Accept-Language': config.lang }, body ? { 'Content-Type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit'
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!response.ok) {
      const error = new Error(readable(response, json));
      error.status = response.status;
      throw error;
    }
    return json;
  }

  function readable(response, problem) {
    if (response.status === 404) { return t('selfservice.notRecognised'); }
    if (response.status === 429) { return t('selfservice.tooMany', response.headers.get('Retry-After') || '60'); }
    if (problem && problem.detail) { return problem.detail; }
    return t('selfservice.failed', String(response.status));
  }

  function show(id, text) {
    const element = $(id);
    element.textContent = text;
    element.hidden = !text;
  }

  $('find-order').addEventListener('submit', async (event) => {
    event.preventDefault();
    show('find-order-error', '');
    show('ask-done', '');
    $('ask-return').hidden = true;
    const number = $('order-number').value.trim();
    try {
      order = await call('GET', '/api/public/orders/' + encodeURIComponent(number) + '?phoneLast4=' + encodeURIComponent($('order-phone').value.trim()));
      showOrder(order);
    } catch (e) {
      show('find-order-error', e.message);
    }
  });

  function showOrder(found) {
    $('order-heading').textContent = t('selfservice.orderOf', found.number, found.date);
    const lines = $('order-lines');
    lines.replaceChildren();
    const returnable = found.lines.filter((line) => line.returnableQuantity > 0);
    returnable.forEach((line, i) => {
      const row = document.createElement('label');
      row.className = 'order-line';
      const what = document.createElement('span');
      what.textContent = t('selfservice.lineOf', line.name, line.sku, String(line.returnableQuantity), money(line.unitPrice));
      const quantity = document.createElement('input');
      quantity.type = 'number';
      quantity.min = '0';
      quantity.max = String(line.returnableQuantity);
      quantity.value = '0';
      quantity.className = 'qty';
      quantity.id = 'qty-' + i;
      quantity.dataset.sku = line.sku;
      row.append(what, quantity);
      lines.append(row);
    });
    $('order-nothing').hidden = returnable.length > 0;
    $('ask-submit').disabled = returnable.length === 0;
    $('ask-return').hidden = false;
  }

  $('ask-return').addEventListener('submit', async (event) => {
    event.preventDefault();
    show('ask-error', '');
    const lines = Array.from(document.querySelectorAll('#order-lines input.qty'))
      .filter((input) => Number(input.value) > 0)
      .map((input) => ({ sku: input.dataset.sku, quantity: Number(input.value) }));
    if (lines.length === 0) {
      show('ask-error', t('selfservice.pickUnits'));
      return;
    }
    try {
      const created = await call('POST', '/api/public/returns', {
        orderNumber: order.number,
        phoneLast4: $('order-phone').value.trim(),
        reason: $('ask-reason').value,
        reasonDetail: $('ask-detail').value,
        lines
      });
      $('ask-return').hidden = true;
      show('ask-done', t('selfservice.created', created.number));
      $('ask-done').dataset.number = created.number;
      $('follow-number').value = created.number;
      $('follow-phone').value = $('order-phone').value.trim();
    } catch (e) {
      show('ask-error', e.message);
    }
  });

  $('follow-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    show('follow-error', '');
    $('follow-result').hidden = true;
    const number = $('follow-number').value.trim();
    try {
      const found = await call('GET', '/api/public/returns/' + encodeURIComponent(number) + '?phoneLast4=' + encodeURIComponent($('follow-phone').value.trim()));
      showReturn(found);
    } catch (e) {
      show('follow-error', e.message);
    }
  });

  function showReturn(found) {
    $('follow-result-number').textContent = found.number;
    const status = $('follow-status');
    status.textContent = t('status.' + found.status);
    status.className = 'badge status-' + found.status.toLowerCase();
    const lines = $('follow-lines');
    lines.replaceChildren();
    found.lines.forEach((line) => {
      const row = document.createElement('tr');
      [line.name + ' (' + line.sku + ')', String(line.quantity), line.receivedQuantity == null ? '—' : String(line.receivedQuantity)]
        .forEach((value, i) => {
          const cell = document.createElement('td');
          cell.textContent = value;
          if (i > 0) { cell.className = 'num'; }
          row.append(cell);
        });
      lines.append(row);
    });
    $('follow-total').textContent = money(found.totalAmount);
    $('follow-refund-line').hidden = found.refundAmount == null;
    $('follow-refund').textContent = found.refundAmount == null ? '' : money(found.refundAmount);
    const timeline = $('follow-timeline');
    timeline.replaceChildren();
    found.timeline.forEach((step) => {
      const item = document.createElement('li');
      item.className = 'step-' + step.status.toLowerCase();
      item.textContent = time(step.at) + ' · ' + step.text + (step.reason ? ' — ' + step.reason : '');
      timeline.append(item);
    });
    $('follow-result').hidden = false;
  }
}());
