import '../src/index.js';
import { createSimulatedTransport } from '../src/index.js';
import type { InvitePolicy, InviteRole } from '../src/index.js';
import { createHttpTransport } from '../src/http.js';

/**
 * The dialog talks to the invite server that `npm start` runs on this origin (demo/invite-server.ts),
 * with a token minted for the role chosen in the header. The page's URL sets up the rest:
 * - `backend=simulated`: the library's simulated transport instead, in the page (the screenshots
 *   use it, with the settings below);
 * - `role=owner|moderator|participant|guest`: who you are in the call;
 * - `policy=all|call|sms|none`: what the customer's plan includes (`none`: not entitled);
 * - `policy-delay=MS`: how long the backend takes to say so (the dialog shows that it is checking);
 * - `reason=TEXT`: what the backend says when a call fails (numbers ending in 4);
 * - `lang=fr-CA`, `dir=rtl`: the page's language and direction.
 */
const params = new URLSearchParams(location.search);
const POLICIES: Record<string, InvitePolicy> = {
  all: { dialOut: true, sms: true },
  call: { dialOut: true, sms: false },
  sms: { dialOut: false, sms: true },
  none: { dialOut: false, sms: false },
};

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

for (const attribute of ['lang', 'dir'] as const) {
  const value = params.get(attribute);
  if (value) document.documentElement.setAttribute(attribute, value);
}
const policyDelay = Number(params.get('policy-delay'));
dialog.transport =
  params.get('backend') === 'simulated'
    ? createSimulatedTransport({
        policy: POLICIES[params.get('policy') ?? 'all'] ?? POLICIES.all,
        ...(policyDelay > 0 ? { delays: { policy: policyDelay } } : {}),
        ...(params.has('reason') ? { failureReason: params.get('reason')! } : {}),
      })
    : createHttpTransport({
        baseUrl: location.origin,
        // What a host's app does for the person signed in; here, for the role chosen above.
        getToken: () => fetch(`/demo/token?role=${role.value}`).then((response) => response.text()),
      });
if ([...role.options].some((option) => option.value === params.get('role'))) role.value = params.get('role')!;
dialog.userRole = role.value as InviteRole;
role.addEventListener('change', () => (dialog.userRole = role.value as InviteRole));
document.querySelector('#invite')!.addEventListener('click', () => dialog.show());
dialog.addEventListener('invite-participant-joined', (event) => addTile(event.detail.displayName ?? event.detail.phoneNumber, 'phone'));
