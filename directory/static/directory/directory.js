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

  function swap(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    ["directory-facets", "directory-results"].forEach(function (id) {
      var fresh = doc.getElementById(id);
      var current = document.getElementById(id);
      if (fresh && current) current.replaceWith(fresh);
    });
  }

  function load(query, push) {
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
        swap(html);
        if (push) window.history.pushState({ query: query }, "", url);
      })
      .catch(function (error) {
        if (error.name !== "AbortError") window.location.href = url;
      });
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "org") return;
    if (event.target.matches("input[type=checkbox], select")) load(queryOf(form), true);
  });
  form.addEventListener("submit", function (event) {
    // "Contact selected" goes to the enquiry form like any plain form submission.
    if (event.submitter && event.submitter.hasAttribute("formaction")) return;
    event.preventDefault();
    load(queryOf(form), true);
  });
  // Pagination and "remove all filters" links inside the results load in place too.
  form.addEventListener("click", function (event) {
    var link = event.target.closest(".pagination a, .directory-facets a");
    if (!link) return;
    event.preventDefault();
    var query = link.getAttribute("href").split("?")[1] || "";
    load(query, true);
    var results = document.getElementById("directory-results");
    if (results) results.scrollIntoView();
  });
  window.addEventListener("popstate", function () {
    var query = window.location.search.replace(/^\?/, "");
    var params = new URLSearchParams(query);
    document.getElementById("directory-q").value = params.get("q") || "";
    load(query, false);
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
