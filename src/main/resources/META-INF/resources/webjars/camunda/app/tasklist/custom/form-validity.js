// Lets a Camunda Form with a dynamic list be completed in Tasklist 7.24.
//
// Tasklist counts a form as invalid while form-js's errors have any key. form-js 1.8.7 keeps
// a key for every field of a dynamic list's row that was edited, holding an empty list once
// the value is valid ({"Number_Received": []}), so after the first edit of a row Complete
// stays disabled for good. Here Tasklist is told "invalid" only while the form shows an
// error: a field's error is always shown, a valid row's empty entry never.
//
// Used by the processing form's list of what came back (processes/forms/processReturn.form);
// covered by DeskInChromiumIntegrationTest.

const FORM = '[cam-tasklist-form-camunda] .fjs-form';

function showsAnError(form) {
  return form.querySelector('.fjs-has-errors') !== null;
}

function correct(form) {
  const tasklistForm = window.angular.element(form).controller('camTasklistForm');
  if (!tasklistForm || tasklistForm.__validityCorrected) {
    return;
  }
  tasklistForm.__validityCorrected = true;
  const notifyFormValidated = tasklistForm.notifyFormValidated;
  tasklistForm.notifyFormValidated = function (invalid) {
    if (!invalid) {
      notifyFormValidated.call(tasklistForm, false);
      return;
    }
    // form-js draws the errors after it reports them; until then Complete stays as it
    // was, so that a click that ends an edit still completes
    setTimeout(() => notifyFormValidated.call(tasklistForm, showsAnError(form)), 50);
  };
}

new MutationObserver(() => document.querySelectorAll(FORM).forEach(correct))
  .observe(document.documentElement, { childList: true, subtree: true });

export default [];
