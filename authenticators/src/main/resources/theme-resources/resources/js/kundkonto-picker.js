// Searches the customer picker while the person types: the same POST as the "Sök" button, sent in the
// background, and the list and status swapped in from the page the server answers. Without JavaScript
// (or when anything fails) the search form works as a plain form.
(function () {
  var search = document.getElementById("kundkonto-search");
  var searchForm = document.getElementById("kundkonto-search-form");
  if (!search || !searchForm || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  var timer = null;
  var latest = 0;

  function swap(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var results = page.getElementById("kundkonto-results");
    var status = page.getElementById("kundkonto-search-status");
    var chooseForm = page.getElementById("kundkonto-select-customer-form");
    var nextSearchForm = page.getElementById("kundkonto-search-form");
    if (!results || !status || !chooseForm || !nextSearchForm) {
      // Not the picker (e.g. the login expired): show whatever the server says, as the button would.
      searchForm.submit();
      return;
    }
    document.getElementById("kundkonto-results").replaceWith(document.importNode(results, true));
    document.getElementById("kundkonto-search-status").textContent = status.textContent;
    var form = document.getElementById("kundkonto-select-customer-form");
    form.action = chooseForm.action;
    form.querySelector("input[type=hidden][name=kundkontoSearch]").value = search.value.trim();
    searchForm.action = nextSearchForm.action;
  }

  function run() {
    var mine = ++latest;
    fetch(searchForm.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(new FormData(searchForm)).toString()
    }).then(function (response) {
      return response.ok ? response.text() : Promise.reject(response.status);
    }).then(function (html) {
      if (mine === latest) {
        swap(html);
      }
    }).catch(function () {
      // The page stays as it is; the "Sök" button still works.
    });
  }

  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });
})();
