// The timeline page: vis-timeline over the events embedded as JSON in the page.
// Item content is a DOM element built with textContent, so article text is
// never parsed as HTML (vis-timeline would parse a string content).
(function () {
  "use strict";
  var container = document.getElementById("timeline");
  var source = document.getElementById("timeline-data");
  if (!container || !source || typeof vis === "undefined") {
    return;
  }
  var rows = JSON.parse(source.textContent);
  if (!rows.length) {
    container.hidden = true;
    return;
  }
  var urls = {};
  var items = rows.map(function (row) {
    urls[row.id] = row.url;
    var link = document.createElement("a");
    link.href = row.url;
    link.className = "tl-link";
    link.title = row.summary + " (" + row.sources + " source" + (row.sources === 1 ? "" : "s") + ")";
    var date = document.createElement("span");
    date.className = "tl-date";
    date.textContent = row.date;
    var text = document.createElement("span");
    text.textContent = " " + row.label;
    link.append(date, text);
    var item = { id: row.id, start: row.start, content: link, className: row.className };
    if (row.end) {
      item.end = row.end;
      item.type = "range";
    } else {
      item.type = "box";
    }
    return item;
  });

  var starts = rows.map(function (r) { return Date.parse(r.start); });
  var ends = rows.map(function (r) { return Date.parse(r.end || r.start); });
  var first = Math.min.apply(null, starts);
  var last = Math.max.apply(null, ends);
  var month = 31 * 24 * 3600 * 1000;
  var threeYears = 36 * month;
  var options = {
    stack: true,
    orientation: "top",
    maxHeight: 600,
    zoomKey: "ctrlKey",
    margin: { item: 6, axis: 8 },
    selectable: true,
    showCurrentTime: false,
    xss: { disabled: false },
    start: new Date(Math.max(first, last - threeYears) - month),
    end: new Date(last + 2 * month),
  };
  var timeline = new vis.Timeline(container, new vis.DataSet(items), options);
  // A click on the item's own link navigates by itself; elsewhere on the item, go there too.
  timeline.on("click", function (props) {
    var target = props.event && props.event.target;
    var onLink = target && target.closest && target.closest("a");
    if (props.item != null && !onLink && urls[props.item]) {
      window.location.assign(urls[props.item]);
    }
  });
  container.dataset.items = String(items.length);
})();
