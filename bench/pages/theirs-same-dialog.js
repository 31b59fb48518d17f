// intl-tel-input in the dialog invite-elements shows an owner: a header with the title and a close
// button, a rail of two tabs, the phone field, its message line, an optional name, the Call button
// and two live regions for the notices, laid out by a style sheet of the same shape
// (theirs-same-dialog.css). `npm run bench -- --same-dialog` compares with this page: the same
// dialog on both sides, so that what differs is the phone field and its country picker.
import { installBench } from './theirs-kit.js';
import './theirs-same-dialog.css';

/** An element with attributes and children (strings become text). */
function h(name, attributes = {}, ...children) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.append(...children);
  return element;
}

installBench(() => {
  const input = h('input', { type: 'tel', id: 'phone', autocomplete: 'tel', 'aria-describedby': 'phone-error' });
  const button = h('button', { type: 'submit', class: 'primary', disabled: '' }, 'Call');
  const tab = (id, text, selected) =>
    h('button', { id: `tab-${id}`, role: 'tab', 'aria-selected': String(selected), 'aria-controls': `panel-${id}`, tabindex: selected ? '0' : '-1' }, text);
  const dialog = h(
    'dialog',
    { class: 'invite', 'aria-labelledby': 'title' },
    h(
      'header',
      {},
      h('div', {}, h('h2', { id: 'title' }, 'Invite to this call')),
      h('button', { class: 'icon', 'aria-label': 'Close' }, h('span', { 'aria-hidden': 'true' }, '×')),
    ),
    h(
      'div',
      { class: 'layout' },
      h('div', { class: 'tabs', role: 'tablist', 'aria-orientation': 'vertical', 'aria-label': 'How to invite' }, tab('call', 'Call', true), tab('sms', 'Text message', false)),
      h(
        'div',
        { class: 'body' },
        h(
          'div',
          { id: 'panel-call', role: 'tabpanel', 'aria-labelledby': 'tab-call' },
          h(
            'form',
            { class: 'invite-form' },
            h('div', { class: 'number-row' }, h('div', { class: 'field' }, h('label', { for: 'phone' }, 'Phone number'), input)),
            h('p', { id: 'phone-error', class: 'error' }),
            h('div', { class: 'field name-field' }, h('label', { for: 'name' }, 'Name (optional)'), h('input', { id: 'name', autocomplete: 'name' })),
            h('div', { class: 'actions' }, button),
          ),
          h('div', { class: 'notices' }, h('div', { class: 'region', role: 'status' }), h('div', { class: 'region', role: 'alert' })),
        ),
      ),
    ),
  );
  dialog.querySelector('header button').addEventListener('click', () => dialog.close());
  dialog.querySelector('form').addEventListener('submit', (event) => event.preventDefault());
  return { dialog, input, button };
});
