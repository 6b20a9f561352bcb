// Follows the narrative as it is typed and asks the server for candidates once typing pauses, so a counselor
// sees FAQ entries and similar cases while the consumer is still talking, without a request per keystroke.
const followers = new Map();
const pauseMs = 400;

// Several components may follow one textarea (the FAQ panel, the classification hints): each under its own key.
export function follow(textareaId, component, key = textareaId) {
  const textarea = document.getElementById(textareaId);
  if (!textarea || followers.has(key)) {
    return;
  }

  let timer;
  let last = null;
  const ask = () => {
    const text = textarea.value;
    if (text === last) {
      return;
    }

    last = text;
    component.invokeMethodAsync('SuggestAsync', text);
  };
  const onInput = () => {
    clearTimeout(timer);
    timer = setTimeout(ask, pauseMs);
  };
  textarea.addEventListener('input', onInput);
  followers.set(key, { textarea, onInput, clear: () => clearTimeout(timer) });
  // A case opened for editing already has a narrative.
  ask();
}

export function stop(key) {
  const follower = followers.get(key);
  if (follower) {
    follower.clear();
    follower.textarea.removeEventListener('input', follower.onInput);
    followers.delete(key);
  }
}
