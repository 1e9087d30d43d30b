// Injected by scripts/report_check.py into a copy of an HTML report (the reports carry no script).
// Runs after the page is parsed, forces layout, and writes its verdict into a pre element (id overflow-check),
// which `chromium --dump-dom` prints. No verdict at all counts as a failure, so a check that did not
// run can never pass.
(function () {
  var problems = [];
  var root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    problems.push('the page scrolls sideways: ' + root.scrollWidth + 'px > ' + root.clientWidth + 'px');
  }
  var tables = document.querySelectorAll('table');
  var cells = 0;
  tables.forEach(function (t, i) {
    var name = t.caption ? t.caption.textContent.slice(0, 60) : (t.className || 'table ' + i);
    var box = t.getBoundingClientRect();
    var parent = t.parentElement.getBoundingClientRect();
    if (box.right > parent.right + 1 || box.width > parent.width + 1) {
      problems.push('table "' + name + '" is wider than its container: ' + Math.round(box.width) + 'px > ' + Math.round(parent.width) + 'px');
    }
    if (t.classList.contains('layout')) return;
    t.querySelectorAll('th, td').forEach(function (c) {
      cells++;
      if (c.scrollWidth > c.clientWidth + 1) {
        problems.push('a cell of "' + name + '" overflows (' + c.scrollWidth + 'px > ' + c.clientWidth + 'px): ' + c.textContent.slice(0, 60));
      }
    });
  });
  document.querySelectorAll('svg').forEach(function (s) {
    var box = s.getBoundingClientRect();
    var parent = s.parentElement.getBoundingClientRect();
    if (box.right > parent.right + 1) problems.push('the chart is wider than its container');
  });
  // Nothing from the data may have become markup: one script (this one), no handlers, no embeds.
  var scripts = document.querySelectorAll('script').length;
  if (scripts !== 1) problems.push(scripts + ' script elements (only the check itself should be one)');
  var active = document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover], img, iframe, object, embed, link, base, form');
  if (active.length) problems.push(active.length + ' unexpected active elements or attributes, e.g. <' + active[0].tagName.toLowerCase() + '>');
  var dataTables = document.querySelectorAll('table.data');
  dataTables.forEach(function (t) {
    if (!t.caption) problems.push('a data table without a caption');
    t.querySelectorAll('th').forEach(function (th) {
      if (!th.hasAttribute('scope')) problems.push('a <th> without scope: ' + th.textContent.slice(0, 40));
    });
  });
  var out = document.createElement('pre');
  out.id = 'overflow-check';
  out.textContent = problems.length
    ? 'OVERFLOW-CHECK FAIL\n' + problems.join('\n')
    : 'OVERFLOW-CHECK OK ' + dataTables.length + ' tables, ' + cells + ' cells, width ' + root.clientWidth + 'px';
  document.body.appendChild(out);
})();
