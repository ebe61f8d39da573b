/*
 * Gallery lightbox and click-to-load video facades. Plain JavaScript, no inline code
 * (the site's CSP); loaded with `defer` by the gallery page and by video blocks, maybe
 * more than once on one page, so it sets itself up once.
 *
 * Lightbox: a thumbnail link [data-lightbox-item] opens the page's <dialog data-lightbox>
 * (Enter, Space, click or tap). Arrow keys and swipes move, Escape closes, the dialog
 * keeps the focus while open (showModal) and gives it back to the thumbnail it opened from.
 * Its aria-live status says "Image N of M".
 *
 * Facade: a [data-player] element's button replaces the facade with an <iframe> built
 * here from that address. Nothing is loaded from the video's host before the click.
 */
(function () {
  "use strict";
  if (window.vnipLightbox) {
    return;
  }
  window.vnipLightbox = true;

  var SWIPE_PIXELS = 40;

  function setUpGallery(gallery, dialog) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll("[data-lightbox-item]"));
    if (!links.length || typeof dialog.showModal !== "function") {
      return;
    }
    var imageBox = dialog.querySelector(".lightbox__image");
    var caption = dialog.querySelector(".lightbox__caption");
    var status = dialog.querySelector(".lightbox__status");
    var counter = dialog.getAttribute("data-counter") || "{n} / {total}";
    var current = 0;
    var opener = null;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var picture = link.querySelector("picture");
      var copy = picture ? picture.cloneNode(true) : document.createElement("img");
      Array.prototype.forEach.call(copy.querySelectorAll("source, img"), function (node) {
        node.setAttribute("sizes", "100vw");
        node.removeAttribute("loading");
      });
      if (!picture) {
        copy.src = link.href;
      }
      imageBox.replaceChildren(copy);
      var figcaption = link.closest("figure") && link.closest("figure").querySelector("figcaption");
      caption.textContent = figcaption ? figcaption.textContent : "";
      caption.hidden = !figcaption;
      status.textContent = counter
        .replace("{n}", String(current + 1))
        .replace("{total}", String(links.length));
    }

    function open(index, from) {
      opener = from;
      show(index);
      dialog.showModal();
      dialog.querySelector("[data-lightbox-close]").focus();
    }

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        open(index, link);
      });
      link.addEventListener("keydown", function (event) {
        if (event.key === " " || event.key === "Spacebar") {
          event.preventDefault();
          open(index, link);
        }
      });
    });

    dialog.querySelector("[data-lightbox-prev]").addEventListener("click", function () {
      show(current - 1);
    });
    dialog.querySelector("[data-lightbox-next]").addEventListener("click", function () {
      show(current + 1);
    });
    dialog.querySelector("[data-lightbox-close]").addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Tab") {
        // showModal keeps the page behind inert; this keeps Tab inside the dialog too,
        // instead of leaving it for the browser's own controls.
        var buttons = dialog.querySelectorAll("button");
        var first = buttons[0];
        var last = buttons[buttons.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      } else if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
        event.preventDefault();
        show(current - 1);
      } else if (event.key === "ArrowRight" || event.key === "ArrowDown") {
        event.preventDefault();
        show(current + 1);
      }
    });
    // A click on the backdrop (the dialog itself, outside its content) closes it.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) {
        dialog.close();
      }
    });
    dialog.addEventListener("close", function () {
      imageBox.replaceChildren();
      if (opener) {
        opener.focus();
      }
    });

    var startX = null;
    var startY = null;
    dialog.addEventListener(
      "touchstart",
      function (event) {
        if (event.touches.length === 1) {
          startX = event.touches[0].clientX;
          startY = event.touches[0].clientY;
        }
      },
      { passive: true }
    );
    dialog.addEventListener("touchend", function (event) {
      if (startX === null || !event.changedTouches.length) {
        return;
      }
      var dx = event.changedTouches[0].clientX - startX;
      var dy = event.changedTouches[0].clientY - startY;
      startX = null;
      if (Math.abs(dx) >= SWIPE_PIXELS && Math.abs(dx) > Math.abs(dy)) {
        show(dx < 0 ? current + 1 : current - 1);
      }
    });
  }

  function setUpFacade(facade) {
    var button = facade.querySelector(".video-facade__play");
    if (!button) {
      return;
    }
    button.addEventListener("click", function () {
      var address = facade.getAttribute("data-player");
      if (!/^https?:\/\//.test(address)) {
        return;
      }
      var frame = document.createElement("iframe");
      frame.src = address;
      frame.title = facade.getAttribute("data-title") || "";
      frame.className = "video-facade__frame";
      frame.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      facade.replaceChildren(frame);
      facade.classList.add("video-facade--playing");
      frame.focus();
    });
  }

  function start() {
    var dialog = document.querySelector("dialog[data-lightbox]");
    if (dialog) {
      Array.prototype.forEach.call(
        document.querySelectorAll("[data-lightbox-gallery]"),
        function (gallery) {
          setUpGallery(gallery, dialog);
        }
      );
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-player]"), setUpFacade);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
