// The theme choice ('light' or 'dark'), persisted; without one the page
// follows prefers-color-scheme. A classic script so it runs before first paint.
(function () {
  try {
    var theme = localStorage.getItem('parallax-theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch (e) {
    // Storage may be disabled (private mode, file://): the system theme applies.
  }
})();
