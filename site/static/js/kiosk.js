/* Border-gate kiosk (cms.displays): cycles through the display's bundle, keeps its last
 * download (localStorage and the Cache API, served by kiosk-sw.js when the link is down),
 * counts what it shows and reports the counts with a heartbeat. */
(function () {
  "use strict";

  const body = document.body;
  const config = body.dataset;
  const CACHE = "kiosk-v1";
  const bundleKey = config.storageKey + ":bundle";
  const countsKey = config.storageKey + ":counts";
  const stage = document.getElementById("kiosk-stage");
  const image = document.getElementById("kiosk-image");
  const credit = document.getElementById("kiosk-credit");
  const language = document.getElementById("kiosk-language");
  const title = document.getElementById("kiosk-title");
  const summary = document.getElementById("kiosk-summary");
  const status = document.getElementById("kiosk-status");

  let bundle = null;
  let index = -1;
  let cycleTimer = null;

  function readJSON(key, fallback) {
    try {
      const value = JSON.parse(localStorage.getItem(key));
      return value === null ? fallback : value;
    } catch (error) {
      return fallback;
    }
  }

  function writeJSON(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch (error) {
      /* storage full or disabled: the kiosk still runs from memory */
    }
  }

  function showStatus(offline) {
    if (offline && bundle) {
      const when = new Date(bundle.generated_at).toLocaleString();
      status.textContent = config.offlineLabel + " " + when;
      status.hidden = false;
    } else {
      status.hidden = true;
    }
  }

  /* Counts of what was shown, kept until a heartbeat is accepted: {"lang|item": n}. */
  function countShown(item) {
    const counts = readJSON(countsKey, {});
    const key = item.language + "|" + item.id;
    counts[key] = (counts[key] || 0) + 1;
    writeJSON(countsKey, counts);
  }

  function show(item) {
    stage.dataset.item = item.id;
    stage.lang = item.language;
    language.textContent = item.language_label;
    title.textContent = item.title;
    summary.textContent = item.summary || "";
    credit.textContent = item.credit || "";
    if (item.image) {
      image.src = item.image.url;
      image.alt = item.image.alt || "";
      image.hidden = false;
    } else {
      image.hidden = true;
      image.removeAttribute("src");
    }
    countShown(item);
  }

  function next() {
    clearTimeout(cycleTimer);
    const items = bundle ? bundle.items : [];
    if (items.length) {
      index = (index + 1) % items.length;
      show(items[index]);
      const following = items[(index + 1) % items.length];
      if (following.image) {
        new Image().src = following.image.url; /* warm the cache for the next item */
      }
    } else {
      title.textContent = config.emptyLabel;
    }
    const seconds = bundle ? bundle.seconds_per_item : 10;
    cycleTimer = setTimeout(next, Math.max(1, seconds) * 1000);
  }

  /* Keep the page, its styles, scripts, fonts and the bundle's images for offline use. */
  async function keepForOffline(data) {
    if (!("caches" in window)) {
      return;
    }
    const cache = await caches.open(CACHE);
    const urls = new Set([location.href]);
    performance.getEntriesByType("resource").forEach(function (entry) {
      if (new URL(entry.name).origin === location.origin && !entry.name.endsWith("/heartbeat")) {
        urls.add(entry.name);
      }
    });
    data.items.forEach(function (item) {
      if (item.image) {
        urls.add(item.image.url);
      }
    });
    await Promise.all(
      Array.from(urls).map(function (url) {
        return cache.match(url).then(function (hit) {
          return hit || cache.add(url).catch(function () {});
        });
      })
    );
  }

  async function loadBundle() {
    let offline = false;
    try {
      const response = await fetch(config.bundleUrl, { cache: "no-store" });
      if (!response.ok) {
        throw new Error("bundle: HTTP " + response.status);
      }
      offline = response.headers.get("X-Kiosk-Cache") === "hit";
      const data = await response.json();
      if (!offline) {
        writeJSON(bundleKey, data);
      }
      bundle = data;
      keepForOffline(data).catch(function () {});
    } catch (error) {
      offline = true;
      bundle = bundle || readJSON(bundleKey, null);
    }
    showStatus(offline);
    const refresh = bundle ? bundle.refresh_seconds : 60;
    setTimeout(loadBundle, Math.max(5, refresh) * 1000);
  }

  async function sendHeartbeat() {
    const counts = readJSON(countsKey, {});
    const sent = Object.keys(counts).map(function (key) {
      const cut = key.indexOf("|");
      return { language: key.slice(0, cut), item: key.slice(cut + 1), count: counts[key] };
    });
    let offline = false;
    try {
      const response = await fetch(config.heartbeatUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ counts: sent }),
        cache: "no-store",
      });
      if (response.ok) {
        /* Shows counted while the heartbeat travelled stay for the next one. */
        const now = readJSON(countsKey, {});
        sent.forEach(function (entry) {
          const key = entry.language + "|" + entry.item;
          now[key] = (now[key] || 0) - entry.count;
          if (now[key] <= 0) {
            delete now[key];
          }
        });
        writeJSON(countsKey, now);
      } else if (response.status === 400) {
        writeJSON(countsKey, {}); /* counts the server cannot use (e.g. a language removed) */
      }
    } catch (error) {
      offline = true;
    }
    if (bundle) {
      showStatus(offline);
    }
    const seconds = bundle ? bundle.heartbeat_seconds : 60;
    setTimeout(sendHeartbeat, Math.max(1, seconds) * 1000);
  }

  if ("serviceWorker" in navigator && config.workerUrl) {
    navigator.serviceWorker.register(config.workerUrl).catch(function () {});
  }
  loadBundle().then(function () {
    next();
    setTimeout(sendHeartbeat, 1000);
  });
})();
