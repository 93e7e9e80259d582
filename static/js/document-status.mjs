// Polls a generated document's status and updates the page until the document is ready or has
// failed, then reloads to show the download link (or the reason for failure).
const region = document.querySelector("[data-document-status-url]");

if (region) {
  const url = region.dataset.documentStatusUrl;
  const label = region.querySelector("[data-document-status-label]");
  let delay = 1000;
  const giveUpAt = Date.now() + 10 * 60 * 1000; // after that, the refresh link is the way

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      const isJson = (response.headers.get("Content-Type") || "").includes("application/json");
      if (!response.ok || !isJson) {
        return; // signed out, or no longer allowed: stop; the page offers a refresh link
      }
      {
        const status = await response.json();
        if (status.finished) {
          window.location.reload();
          return;
        }
        if (label) {
          label.textContent = status.label;
        }
      }
    } catch (error) {
      // A dropped connection is retried below; the page still offers a manual refresh link.
    }
    delay = Math.min(delay * 1.5, 10000);
    if (Date.now() < giveUpAt) {
      window.setTimeout(poll, delay);
    }
  };

  window.setTimeout(poll, delay);
}
