/**
 * The contents' inline script: opens the contents beside the text on wide screens before the first paint
 * (a deferred module would open it after, and the page would jump). A constant, so that the site's
 * Content-Security-Policy can allow it by hash (`siteCsp`): the page must carry exactly this text.
 */
export const tocScript =
  "(function () { var toc = document.getElementById('rs:toc'); if (toc && window.matchMedia('(min-width: 64rem)').matches) toc.open = true })()"
