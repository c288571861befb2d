// Progressive enhancement of the directory search: filters apply at once and the results
// are swapped in place; the URL follows every change so each state can be shared.
(function () {
  "use strict";
  var form = document.getElementById("directory-form");
  if (!form || !window.fetch || !window.DOMParser || !window.history.pushState) return;
  document.documentElement.classList.add("js");
  var pending = null;

  function queryOf(formElement) {
    var params = new URLSearchParams(new FormData(formElement));
    // Organisations ticked for a joint enquiry are not part of the search.
    params.delete("org");
    // Drop empty values so shared URLs stay short.
    Array.from(params.keys()).forEach(function (key) {
      if (params.getAll(key).every(function (value) { return value === ""; })) params.delete(key);
    });
    return params.toString();
  }

  // What had focus before a swap, described so its fresh copy can be found afterwards.
  function focusKey() {
    var active = document.activeElement;
    if (!active || !active.closest("#directory-facets, #directory-results")) return null;
    if (active.name) return { selector: 'input[name="' + active.name + '"][value="' + active.value + '"]' };
    if (active.matches(".directory-filter__toggle")) return { selector: ".directory-filter__toggle" };
    return null;
  }

  function swap(html, moveFocusToResults) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var remembered = focusKey();
    var filterOpen = document.querySelector(".directory-filter[open]") !== null;
    var mapOpen = document.querySelector(".directory-map[open]") !== null;
    var openFacets = Array.from(document.querySelectorAll(".facet__more[open]")).map(function (more) {
      return more.closest("[data-facet]").dataset.facet;
    });
    ["directory-facets", "directory-results"].forEach(function (id) {
      var fresh = doc.getElementById(id);
      var current = document.getElementById(id);
      if (fresh && current) current.replaceWith(fresh);
    });
    // The panel stays as the visitor left it: open on a phone, "show all" still unfolded.
    var filter = document.querySelector(".directory-filter");
    if (filter && filterOpen) filter.open = true;
    // So does the map: someone reading it sees its dots follow the new results.
    var map = document.querySelector(".directory-map");
    if (map && mapOpen) map.open = true;
    openFacets.forEach(function (name) {
      var more = document.querySelector('[data-facet="' + name + '"] .facet__more');
      if (more) more.open = true;
    });
    var results = document.getElementById("directory-results");
    var heading = document.getElementById("directory-count");
    if (results && results.dataset.title) document.title = results.dataset.title;
    // The live region outside the swapped parts announces the new count.
    var announcer = document.getElementById("directory-announcer");
    if (announcer && heading) announcer.textContent = heading.textContent.trim();
    var target = remembered && !moveFocusToResults ? document.querySelector(remembered.selector) : null;
    if (target) {
      target.focus();
    } else if ((moveFocusToResults || remembered) && heading) {
      heading.focus();
    }
  }

  function load(query, push, moveFocusToResults) {
    var url = form.getAttribute("action") + (query ? "?" + query : "");
    var results = document.getElementById("directory-results");
    if (results) results.setAttribute("aria-busy", "true");
    if (pending) pending.abort();
    pending = new AbortController();
    var separator = query ? "&" : "";
    fetch(form.getAttribute("action") + "?" + query + separator + "fragment=results", {
      signal: pending.signal,
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.text();
      })
      .then(function (html) {
        swap(html, moveFocusToResults);
        if (push) window.history.pushState({ query: query }, "", url);
      })
      .catch(function (error) {
        if (error.name !== "AbortError") window.location.href = url;
      });
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "org") return;
    if (event.target.matches("input[type=checkbox], select")) load(queryOf(form), true, false);
  });
  form.addEventListener("submit", function (event) {
    // "Contact selected" goes to the enquiry form like any plain form submission.
    if (event.submitter && event.submitter.hasAttribute("formaction")) return;
    event.preventDefault();
    load(queryOf(form), true, true);
  });
  // Pagination, filter chips and "remove all filters" load in place too; focus moves to the
  // results heading, since the link the visitor used is gone.
  form.addEventListener("click", function (event) {
    var link = event.target.closest(".pagination a, .directory-facets a, .filter-chips a");
    if (!link) return;
    event.preventDefault();
    var query = link.getAttribute("href").split("?")[1] || "";
    load(query, true, true);
  });
  window.addEventListener("popstate", function () {
    var query = window.location.search.replace(/^\?/, "");
    var params = new URLSearchParams(query);
    document.getElementById("directory-q").value = params.get("q") || "";
    load(query, false, false);
  });
})();

// Autocomplete: the browser's own list under the search box (a <datalist>, which keyboards
// and screen readers already know), filled from the suggest API as the visitor types.
(function () {
  "use strict";
  var input = document.getElementById("directory-q");
  var list = document.getElementById("directory-q-suggestions");
  if (!input || !list || !window.fetch || !input.dataset.suggestUrl) return;
  var timer = null;
  var latest = "";
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var typed = input.value.trim();
    if (typed.length < 2) return;
    timer = window.setTimeout(function () {
      latest = typed;
      fetch(input.dataset.suggestUrl + "&q=" + encodeURIComponent(typed), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (typed !== latest) return;
          list.replaceChildren.apply(list, data.suggestions.map(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.label;
            return option;
          }));
        })
        .catch(function () { /* Typing on without suggestions is fine. */ });
    }, 200);
  });
})();
