// Makes long multi-selects (e.g. "Mina kommuner", 290 municipalities) searchable: a filter field
// above the list hides what does not match; chosen entries stay visible. Without JavaScript the plain
// list still works.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("select[multiple]").forEach(function (select) {
    if (select.options.length < 20) {
      return;
    }
    var filter = document.createElement("input");
    filter.type = "search";
    filter.id = select.id + "-filter";
    // keycloak.v2 wraps each control in a PatternFly span; the filter gets one of its own above it.
    var wrapper = document.createElement("span");
    wrapper.className = "pf-v5-c-form-control kundkonto-multiselect-filter";
    wrapper.appendChild(filter);
    filter.placeholder = document.documentElement.lang === "en" ? "Search" : "Sök";
    filter.setAttribute("aria-controls", select.id);
    filter.setAttribute("aria-label", filter.placeholder);
    select.size = 8;
    var control = select.closest(".pf-v5-c-form-control") || select;
    control.parentNode.insertBefore(wrapper, control);
    filter.addEventListener("input", function () {
      var wanted = filter.value.trim().toLocaleLowerCase("sv");
      Array.prototype.forEach.call(select.options, function (option) {
        var match = wanted === "" || option.selected || option.text.toLocaleLowerCase("sv").indexOf(wanted) >= 0;
        option.hidden = !match;
      });
    });
  });
});
