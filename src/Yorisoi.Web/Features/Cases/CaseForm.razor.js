// Unsaved input on the case form, tracked in the browser: a keystroke counts at once, before any change
// event reaches the server, so closing or reloading the tab mid-sentence still asks first.
const watched = new Set();

function anyUnsaved() {
  for (const form of watched) {
    if (!form.isConnected) {
      watched.delete(form);
    } else if (form.dataset.unsaved === 'true') {
      return true;
    }
  }

  return false;
}

window.addEventListener('beforeunload', (event) => {
  if (anyUnsaved()) {
    event.preventDefault();
    // Older engines show the prompt only when returnValue is set.
    event.returnValue = '';
  }
});

// Text fields, selects, radios, checkboxes, dates and the pickers' search boxes all raise input or change.
export function watch(form, component) {
  if (!form || watched.has(form)) {
    return;
  }

  watched.add(form);
  // Says the guard is in place: input from here on is caught even before any change event reaches the server.
  form.dataset.guarded = 'true';
  const mark = () => {
    if (form.dataset.unsaved !== 'true') {
      form.dataset.unsaved = 'true';
      // The server shows 未保存 and guards in-app navigation too; the browser does not wait for it.
      component?.invokeMethodAsync('OnUnsavedInput');
    }
  };
  form.addEventListener('input', mark, true);
  form.addEventListener('change', mark, true);
}

export function hasUnsavedInput(form) {
  return !!form && form.isConnected && form.dataset.unsaved === 'true';
}

// After a save the form's content is stored: nothing is lost by leaving any more.
export function markSaved(form) {
  if (form) {
    delete form.dataset.unsaved;
  }
}
