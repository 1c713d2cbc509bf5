// Progressive enhancement for the draft editor: a live preview and autosave. Without it the
// Preview and Save buttons do the same.
(function () {
  var form = document.getElementById('draft');
  if (!form) { return; }
  var frame = document.querySelector('iframe[name=preview]');
  var status = document.getElementById('autosave-status');
  var timer = null;
  var dirty = false;
  // Text typed since the last save: leaving the page then asks first. A submit saves it.
  var unsaved = false;
  window.addEventListener('beforeunload', function (e) {
    if (unsaved) { e.preventDefault(); e.returnValue = ''; }
  });
  form.addEventListener('submit', function (e) {
    // The Preview button submits to the preview frame only, which saves nothing.
    if (!e.submitter || e.submitter.formTarget !== 'preview') { unsaved = false; }
  });
  // Not form.action: the buttons named "action" shadow that property.
  var address = form.getAttribute('action');
  function body() { return new URLSearchParams(new FormData(form)); }
  function preview() {
    fetch(address + '/preview', { method: 'POST', body: body(), credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null) { frame.srcdoc = html; } });
  }
  form.addEventListener('input', function () {
    dirty = true;
    unsaved = true;
    clearTimeout(timer);
    timer = setTimeout(preview, 500);
  });
  setInterval(function () {
    if (!dirty) { return; }
    dirty = false;
    fetch(address + '/autosave', { method: 'POST', body: body(), credentials: 'same-origin' })
      .then(function (r) {
        return r.json().then(function (j) {
          if (r.ok) { form.elements.version.value = j.version; status.textContent = j.saved; unsaved = dirty; }
          else { status.textContent = 'Not autosaved: ' + (j.problems || []).join('; '); }
        });
      })
      .catch(function () { status.textContent = 'Could not autosave; your text is still here.'; });
  }, 15000);
  preview();
}());
