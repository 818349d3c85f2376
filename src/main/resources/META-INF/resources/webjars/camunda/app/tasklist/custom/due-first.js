// Lists a filter's tasks soonest due first, then oldest first, unless the person chose
// another order.
//
// Tasklist 7.24 sends its own order with every list it asks for (the URL's `sorting`, or
// newest first), so the order kept in a shared filter (system/process/TasklistFilters)
// never reaches the list: the list's address is given that order when it has none.
// Covered by TasklistWorkersInChromiumIntegrationTest.

const DUE_FIRST = JSON.stringify([
  { sortBy: 'dueDate', sortOrder: 'asc' },
  { sortBy: 'created', sortOrder: 'asc' }
]);

function dueFirst() {
  const hash = window.location.hash || '#/';
  // the task list lives at #/ (its state in the query); #/login and others are left alone
  if (!(hash === '#/' || hash.startsWith('#/?'))) {
    return;
  }
  const query = new URLSearchParams(hash.slice(hash.indexOf('?') + 1 || hash.length));
  if (query.has('sorting')) {
    return;
  }
  query.set('sorting', DUE_FIRST);
  window.location.replace('#/?' + query.toString());
}

window.addEventListener('hashchange', dueFirst);
dueFirst();

export default [];
