// Before the first paint: the colour scheme the user chose (Mantine keeps it here), so the loading shell
// and the app start in it (a file, not an inline script: the CSP allows only 'self' scripts).
(() => {
  try {
    const stored = localStorage.getItem('mantine-color-scheme-value');
    const dark =
      stored === 'dark' || (stored === 'auto' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.setAttribute('data-mantine-color-scheme', dark ? 'dark' : 'light');
  } catch {
    // no storage: the app's default (light)
  }
})();
