// Progressive enhancement for the draft editor: a live preview and autosave. Without it the
// Preview and Save buttons do the same.
(function () {
  var form = document.getElementById('draft');
  if (!form) { return; }
  var frame = document.querySelector('iframe[name=preview]');
  var status = document.getElementById('autosave-status');
  var timer = null;
  var dirty = false;
  function body() { return new URLSearchParams(new FormData(form)); }
  function preview() {
    fetch(form.action + '/preview', { method: 'POST', body: body(), credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null) { frame.srcdoc = html; } });
  }
  form.addEventListener('input', function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(preview, 500);
  });
  setInterval(function () {
    if (!dirty) { return; }
    dirty = false;
    fetch(form.action + '/autosave', { method: 'POST', body: body(), credentials: 'same-origin' })
      .then(function (r) {
        return r.json().then(function (j) {
          if (r.ok) { form.elements.version.value = j.version; status.textContent = 'Autosaved as version ' + j.version; }
          else { status.textContent = 'Not autosaved: ' + (j.problems || []).join('; '); }
        });
      })
      .catch(function () { status.textContent = 'Could not autosave; your text is still here.'; });
  }, 15000);
  preview();
}());
