// Common helpers of the desk's pages: configuration, texts, the API with CSRF, formatting.
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('desk-config').textContent || '{}');
  const messages = config.messages || {};

  /** The text for a key in the user's language, with {0}, {1}… filled in. */
  function t(key, ...args) {
    const text = messages[key] !== undefined ? messages[key] : key;
    return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] !== undefined ? args[i] : m));
  }

  /** Calls the API; resolves with the parsed body, rejects with {status, problem}. */
  async function api(method, url, body) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (config.csrfHeader && method !== 'GET') {
      headers[config.csrfHeader] = config.csrfToken;
    }
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json() : null;
    if (response.status === 401) {
      window.location.href = '/login';
    }
    if (!response.ok) {
      const problem = data || { detail: t('js.error.http', response.status) };
      throw { status: response.status, problem };
    }
    return data;
  }

  const locale = config.lang === 'zh' ? 'zh-CN' : 'en-GB';
  const timeZone = config.timeZone || undefined;
  const moneyFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  // order dates are calendar days: shown as they are, not moved into another zone
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

  function money(value) {
    return value === null || value === undefined ? '' : moneyFormat.format(Number(value));
  }

  function dateTime(value) {
    return value ? dateTimeFormat.format(new Date(value)) : '';
  }

  function date(value) {
    return value ? dateFormat.format(new Date(value.length === 10 ? value + 'T00:00:00Z' : value)) : '';
  }

  /** Creates an element; text is always set as text, never parsed as HTML. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = value;
      else if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    });
    children.flat().forEach((child) => {
      if (child === null || child === undefined) return;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function statusBadge(status) {
    return el('span', { class: 'badge status-' + String(status).toLowerCase(), text: t('status.' + status) });
  }

  /** Shows each problem next to its field (data-field), or in the fallback element. */
  function showProblem(scope, problem, fallback) {
    clearErrors(scope);
    const target = problem && problem.field ? scope.querySelector('[data-field="' + problem.field + '"]') : null;
    const text = (problem && problem.detail) || t('js.error.unknown');
    if (target) {
      target.textContent = text;
      target.classList.add('shown');
    } else if (fallback) {
      fallback.textContent = text;
      fallback.hidden = false;
    }
  }

  function clearErrors(scope) {
    scope.querySelectorAll('.field-error').forEach((node) => {
      node.textContent = '';
      node.classList.remove('shown');
    });
    scope.querySelectorAll('.alert.error').forEach((node) => { node.hidden = true; });
  }

  window.Desk = { config, t, api, money, dateTime, date, el, statusBadge, showProblem, clearErrors };
})();
