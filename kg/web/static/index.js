// Filters of the trial index: text, drug, phase and condition, applied to the rows in place.
(function () {
  "use strict";
  const rows = Array.from(document.querySelectorAll("#trials tbody tr"));
  const text = document.getElementById("f-text");
  const drug = document.getElementById("f-drug");
  const phase = document.getElementById("f-phase");
  const condition = document.getElementById("f-condition");
  const count = document.getElementById("f-count");

  function apply() {
    const words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const visible =
        words.every((w) => row.textContent.toLowerCase().includes(w)) &&
        (!drug.value || row.dataset.drugs.split("|").includes(drug.value)) &&
        (!phase.value || row.dataset.phase === phase.value) &&
        (!condition.value || row.dataset.condition === condition.value);
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    }
    count.textContent = `${shown} of ${rows.length} trials`;
  }

  for (const control of [text, drug, phase, condition]) {
    control.addEventListener("input", apply);
    control.addEventListener("change", apply);
  }
  document.getElementById("filters").addEventListener("submit", (event) => event.preventDefault());
})();
