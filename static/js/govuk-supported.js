// GOV.UK Frontend's feature detection, run first thing in <body> (a file, since the CSP allows
// no inline script): components style themselves only where their JavaScript will run.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
