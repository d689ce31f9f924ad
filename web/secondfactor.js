// The second factor (issue 15 point 5; docs/security.md): the code after the password
// (#/code, while the session waits for it) and the enrolment (#/tweede-factor): the secret shown
// once — as text in groups of four to type into an authenticator app, and as its otpauth:// link
// — confirmed with the app's first code, then the ten recovery codes shown once. The helpers of
// app.js come in `ui`; everything from the server is put in as text. The QR code of the link is
// drawn by qrcode-generator (npm).
import qrcode from '/node_modules/qrcode-generator/dist/qrcode.mjs';

// A refusal at the code field (what was typed stays), with the message in `box` too.
function codeRefused(ui, form, box, r, id) {
  const { clearFieldErrors, markField, notify, errorText } = ui;
  clearFieldErrors(form);
  const e = r.data && r.data.error;
  if (e && e.field === 'code') {
    const control = markField(form, id, e.message);
    notify(box, 'error', e.message);
    if (control) control.focus();
    return;
  }
  notify(box, 'error', errorText(r));
}

// The second step of a login. `done(principal)` goes on once the code was right.
export function codeScreen(ui, done) {
  const { h, p, show, api, checkedField, button } = ui;
  const msg = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Code van de tweede factor' },
    checkedField('inlog-code', 'Code', h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 20, required: true }),
      'De 6 cijfers die de app op uw telefoon nu toont. Telefoon kwijt? Typ dan een van uw herstelcodes (zoals ABCD-EFGH-JKMN); elke herstelcode werkt één keer.'),
    h('div', {}, button('Inloggen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await api('POST', '/api/v1/login/second-factor', { code: form.code.value.trim() });
    if (!r.ok) { codeRefused(ui, form, msg, r, 'inlog-code'); return; }
    done(r.data);
  });
  show('Code van uw tweede factor', p('Uw wachtwoord klopt. Geef nu de code van uw tweede factor.'), msg, form);
  form.code.focus();
}

// The enrolment, or what there is to know once enrolled. `done()` goes on after the recovery
// codes were shown; `forced` says that nothing else may be done before.
export async function enrolScreen(ui, forced, done) {
  const { h, p, show, api, alertBox, errorText, checkedField, button, heading } = ui;
  const state = await api('GET', '/api/v1/me/second-factor');
  if (!state.ok) { show('Tweede factor', alertBox('error', errorText(state))); return; }
  const msg = h('div', { 'aria-live': 'polite' });
  if (state.data.enrolled) {
    show('Tweede factor', msg,
      p('U logt in met uw wachtwoord en een code uit de app op uw telefoon.'),
      p(`U hebt nog ${state.data.recovery_codes_left} van uw 10 herstelcodes over.`),
      p('Telefoon kwijt, of bijna geen herstelcodes meer? Vraag de beheerder uw tweede factor te herstellen; daarna stelt u een nieuwe in.'));
    return;
  }
  const start = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Tweede factor instellen' }, h('div', {}, button('Tweede factor instellen')));
  start.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await api('POST', '/api/v1/me/second-factor');
    if (!r.ok) { ui.notify(msg, 'error', errorText(r)); return; }
    confirmStep(ui, r.data, forced, done);
  });
  show('Tweede factor instellen', msg,
    forced ? p('Wie gegevens van kinderen en gezinnen ziet, logt in met een wachtwoord én een code uit een app op de telefoon. Stel die eerst in; daarna kunt u verder.') : null,
    p('U hebt een app nodig die inlogcodes maakt (TOTP), zoals de authenticator-app van uw organisatie.'),
    start);
}

// The otpauth:// link as a QR code for the phone's camera, drawn as one SVG path of its dark
// modules (no markup from a string, nothing fetched). The same secret stays as text beside it.
function qrImage(uri) {
  const qr = qrcode(0, 'M');
  qr.addData(uri);
  qr.make();
  const n = qr.getModuleCount();
  const quiet = 4; // the standard's margin of four modules
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const size = n + 2 * quiet;
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('width', String(size * 5));
  svg.setAttribute('height', String(size * 5));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'QR-code met de sleutel voor de app; de sleutel staat hierboven ook als tekst');
  svg.setAttribute('class', 'qr-code');
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', String(size));
  bg.setAttribute('height', String(size));
  bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}

function confirmStep(ui, secret, forced, done) {
  const { h, p, show, api, checkedField, button, heading } = ui;
  const msg = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Tweede factor bevestigen' },
    checkedField('eerste-code', 'Code uit de app', h('input', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 10, required: true }),
      'De 6 cijfers die de app nu toont.'),
    h('div', {}, button('Bevestigen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await api('POST', '/api/v1/me/second-factor/confirm', { code: form.code.value.trim() });
    if (!r.ok) { codeRefused(ui, form, msg, r, 'eerste-code'); return; }
    recoveryStep(ui, r.data.recovery_codes, done);
  });
  show('Tweede factor instellen', msg,
    heading(2, '1. Zet de sleutel in de app'),
    p('Scan de QR-code met de app, of kies in de app "sleutel invoeren" en typ deze sleutel over (spaties mogen weg). Hij wordt maar één keer getoond.'),
    p(h('code', { class: 'secret', id: 'tweede-factor-sleutel' }, secret.secret)),
    h('div', { id: 'tweede-factor-qr' }, qrImage(secret.uri)),
    p('Of open deze koppeling op de telefoon met de app: ', h('code', { class: 'secret', id: 'tweede-factor-uri' }, secret.uri)),
    heading(2, '2. Bevestig met de eerste code'), form);
  form.code.focus();
}

function recoveryStep(ui, codes, done) {
  const { h, p, show, button } = ui;
  const go = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Verder' }, h('div', {}, button('Ik heb de herstelcodes bewaard; verder')));
  go.addEventListener('submit', (ev) => { ev.preventDefault(); done(); });
  show('Uw herstelcodes',
    ui.alertBox('ok', 'Uw tweede factor is ingesteld. Vanaf nu geeft u na uw wachtwoord een code uit de app.'),
    p('Bewaar deze tien herstelcodes op een veilige plek, niet op uw telefoon. Bent u de telefoon kwijt, dan logt u met een herstelcode in; elke code werkt één keer. Ze worden niet opnieuw getoond.'),
    h('ul', { class: 'utrecht-unordered-list recovery-codes', 'aria-label': 'Herstelcodes' }, codes.map((c) => h('li', {}, h('code', { class: 'secret' }, c)))),
    go);
}
