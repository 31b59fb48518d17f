// intl-tel-input in a native <dialog> with nothing else: a label, the phone field, a Call button.
import { installBench } from './theirs-kit.js';

installBench(() => {
  const dialog = document.createElement('dialog');
  const label = document.createElement('label');
  label.htmlFor = 'phone';
  label.textContent = 'Phone number';
  const input = document.createElement('input');
  input.type = 'tel';
  input.id = 'phone';
  input.autocomplete = 'tel';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Call';
  button.disabled = true;
  dialog.append(label, input, button);
  return { dialog, input, button };
});
