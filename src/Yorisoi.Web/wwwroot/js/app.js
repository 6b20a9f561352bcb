// Small browser helpers for the staff screens; everything else runs on the server.
(() => {
  'use strict';

  // Keys a code picker handles itself must neither scroll the page nor submit the form, and in
  // the long case form Enter in a single-line field must not save a half-finished record.
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || event.isComposing) {
      return;
    }

    const inGuardedForm = target.closest('form[data-enter-does-not-submit]') !== null;
    if (target.getAttribute('role') === 'combobox') {
      const open = target.getAttribute('aria-expanded') === 'true';
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || (event.key === 'Enter' && (open || inGuardedForm)) || (event.key === 'Escape' && open)) {
        event.preventDefault();
      }
      return;
    }

    if (event.key === 'Enter' && inGuardedForm && target instanceof HTMLInputElement
        && !['submit', 'button', 'checkbox', 'radio', 'reset'].includes(target.type)) {
      event.preventDefault();
    }
  }, true);

  // Live character count for long text; the server renders the same number when the value changes.
  document.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLTextAreaElement) || !target.dataset.counter) {
      return;
    }

    const counter = document.getElementById(target.dataset.counter);
    if (counter) {
      const text = target.value.length.toLocaleString('ja-JP');
      if (counter.firstChild) {
        counter.firstChild.nodeValue = text;
      } else {
        counter.textContent = text;
      }
    }
  });

  window.yorisoi = {
    focus(id) {
      const element = document.getElementById(id);
      if (!element) {
        return;
      }

      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
    },

    // Fills a field that is still empty (or still holds the previous fill) in the browser itself: the
    // server cannot see keys typed while its answer travels, and must not replace them. The change
    // event hands the value to the field's server-side binding. Returns whether the field was filled.
    fillIfUntouched(id, value, previous) {
      const element = document.getElementById(id);
      if (!element || (element.value.trim() !== '' && element.value !== previous)) {
        return false;
      }

      if (element.value !== value) {
        element.value = value;
        element.dispatchEvent(new Event('change', { bubbles: true }));
      }

      return true;
    },

    // A picker's input gets a value from the server only when the server chose it (a selection, a reset).
    setValue(element, value) {
      if (element && element.value !== value) {
        element.value = value;
      }
    },

    focusHeadingIfLost() {
      const active = document.activeElement;
      if (!active || active === document.body) {
        document.querySelector('main h1')?.focus({ preventScroll: true });
      }
    },
  };
})();
