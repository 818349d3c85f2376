// The user's notifications (GET /api/notifications, newest first, paged) and the language of their e-mail.
(function () {
  'use strict';
  const { api, t, el, dateTime, showProblem, clearErrors } = window.Desk;
  const list = document.getElementById('notification-list');
  const error = document.getElementById('notifications-error');
  const settings = document.getElementById('mail-settings');
  const size = 20;
  let page = Number(new URLSearchParams(window.location.search).get('page') || 0);

  async function load() {
    window.history.replaceState(null, '', '?page=' + page);
    error.hidden = true;
    try {
      render(await api('GET', '/api/notifications?page=' + page + '&size=' + size));
    } catch (failure) {
      error.textContent = failure.problem.detail;
      error.hidden = false;
    }
  }

  function render(result) {
    list.replaceChildren(...result.content.map((notification) => {
      const to = notification.recipientUser ? t('js.notifications.toYou')
        : t('js.notifications.toGroup', notification.recipientGroup);
      // a return's number leads to its page; other references (a review run) are shown as they are
      const reference = notification.reference && notification.reference.startsWith('RT-')
        ? el('a', { href: '/returns/' + encodeURIComponent(notification.reference),
          text: t('js.notifications.open', notification.reference) })
        : el('span', { text: notification.reference || '' });
      return el('li', { class: 'notification', 'data-kind': notification.kind },
        el('div', { class: 'notification-head' },
          el('strong', { class: 'notification-subject', text: notification.subject }),
          el('span', { class: 'muted', text: dateTime(notification.createdAt) })),
        el('div', { class: 'notification-meta muted' }, el('span', { text: to }), reference),
        el('div', { class: 'notification-body', text: notification.body }));
    }));
    document.getElementById('notifications-empty').hidden = result.totalElements > 0;
    const pages = Math.max(1, Math.ceil(result.totalElements / result.size));
    document.getElementById('page-info').textContent = t('js.notifications.page', result.page + 1, pages, result.totalElements);
    document.getElementById('page-prev').disabled = result.page === 0;
    document.getElementById('page-next').disabled = result.page + 1 >= pages;
  }

  async function loadSettings() {
    try {
      showSettings(await api('GET', '/api/notifications/mail'));
    } catch (failure) {
      showProblem(settings, failure.problem, error);
    }
  }

  function showSettings(mail) {
    document.getElementById('mail-none').hidden = Boolean(mail.email);
    document.getElementById('mail-address-box').hidden = !mail.email;
    document.getElementById('mail-address').textContent = mail.email || '';
    if (mail.language) settings.elements.language.value = mail.language;
  }

  settings.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(settings);
    const saved = document.getElementById('mail-saved');
    saved.textContent = '';
    try {
      const mail = await api('PUT', '/api/notifications/mail', { language: settings.elements.language.value });
      showSettings(mail);
      saved.textContent = t('js.notifications.saved', t('js.notifications.lang.' + mail.language));
    } catch (failure) {
      showProblem(settings, failure.problem, error);
    }
  });
  document.getElementById('page-prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
  document.getElementById('page-next').addEventListener('click', () => { page += 1; load(); });
  loadSettings();
  load();
})();
