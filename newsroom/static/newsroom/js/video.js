// Click-to-load videos: nothing is requested from the video host until the visitor asks for it.
// Without JavaScript the plain link to the video stays the way to watch it.
(function () {
    "use strict";
    document.querySelectorAll("[data-video-embed]").forEach(function (figure) {
        var src = figure.getAttribute("data-video-embed");
        var button = figure.querySelector(".video__play");
        var consent = figure.querySelector(".video__consent");
        if (!src || !button || !consent) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            var frame = document.createElement("iframe");
            frame.className = "video__frame";
            frame.src = src;
            frame.title = figure.getAttribute("data-video-title") || "";
            frame.allow = "autoplay; fullscreen; picture-in-picture";
            frame.referrerPolicy = "strict-origin-when-cross-origin";
            frame.setAttribute("allowfullscreen", "");
            consent.replaceWith(frame);
            frame.focus();
        });
    });
})();
