// A form page as a portal serves it (run by browser.mjs over emulated links):
// the package and the form adapter loaded, the default rules built, the
// adapter attached (it opens a report session). `window.tti` is the time
// from navigation to that point, in milliseconds. ?module=full: on the full
// module (entry `dxplan/rules`) instead of the lean one.
try {
  const full = new URLSearchParams(location.search).get('module') === 'full';
  const { init, Engine } = await import(full ? '/wasm/pkg/rules/index.js' : '/wasm/pkg/index.js');
  const { attachValidation } = await import('/wasm/pkg/form.js');
  await init();
  const engine = Engine.withDefaults();
  attachValidation(document.getElementById('f'), engine, {
    kind: 'quarterly',
    today: '2025-09-16',
    base: { plan: 'city-2025', period: '2025-Q3', unit: { id: 'phuong-a', name: 'UBND phường A', level: 'commune' } },
  });
  window.tti = performance.now();
} catch (e) {
  window.ttiError = String(e && e.stack ? e.stack : e);
  window.tti = -1;
}
