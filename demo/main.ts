import '../src/index.js';
import { createSimulatedTransport } from '../src/index.js';
import type { InviteRole } from '../src/index.js';

const dialog = document.querySelector('invite-dialog')!;
const tiles = document.querySelector<HTMLUListElement>('#tiles')!;
const role = document.querySelector<HTMLSelectElement>('#role')!;

function addTile(name: string, kind: 'person' | 'phone' = 'person'): void {
  const tile = document.createElement('li');
  tile.className = `tile ${kind}`;
  const avatar = document.createElement('span');
  avatar.className = 'avatar';
  avatar.setAttribute('aria-hidden', 'true');
  avatar.textContent = kind === 'phone' ? '☎' : name.slice(0, 1);
  const label = document.createElement('span');
  label.className = 'name';
  label.textContent = name;
  tile.append(avatar, label);
  tiles.append(tile);
}

for (const name of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']) addTile(name);

dialog.transport = createSimulatedTransport();
dialog.userRole = role.value as InviteRole;
role.addEventListener('change', () => (dialog.userRole = role.value as InviteRole));
document.querySelector('#invite')!.addEventListener('click', () => dialog.show());
dialog.addEventListener('invite-participant-joined', (event) => addTile(event.detail.phoneNumber, 'phone'));
