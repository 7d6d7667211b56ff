// The entity page's co-occurrence graph (cytoscape.js). Labels are drawn on a
// canvas, so names from the articles are text, never markup.
(function () {
  "use strict";
  var container = document.getElementById("graph");
  var source = document.getElementById("graph-data");
  if (!container || !source || typeof cytoscape === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var colours = {
    PERSON: "#2b6cb0", ORG: "#6b46c1", GPE: "#2f855a", LOC: "#2c7a7b",
    GROUP: "#c53030", FAC: "#975a16", OTHER: "#718096",
  };
  var heaviest = data.edges.reduce(function (m, e) { return Math.max(m, e.data.weight); }, 1);
  var cy = cytoscape({
    container: container,
    elements: data.nodes.concat(data.edges),
    autoungrabify: false,
    boxSelectionEnabled: false,
    minZoom: 0.4,
    maxZoom: 2.5,
    style: [
      {
        selector: "node",
        style: {
          "background-color": function (n) { return colours[n.data("type")] || colours.OTHER; },
          "label": "data(label)",
          "font-size": 11,
          "color": "#1a202c",
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-wrap": "ellipsis",
          "text-max-width": 120,
          "width": 16,
          "height": 16,
        },
      },
      {
        selector: "node[?center]",
        style: {
          "width": 28, "height": 28, "font-weight": "bold", "font-size": 13, "text-max-width": 220,
        },
      },
      {
        selector: "edge",
        style: {
          "width": "mapData(weight, 1, " + heaviest + ", 1, 7)",
          "line-color": "#e2e8f0",
          "opacity": 0.7,
          "curve-style": "haystack",
        },
      },
      {
        selector: "edge[?center]",
        style: { "line-color": "#a0aec0", "opacity": 0.9 },
      },
    ],
    layout: {
      name: "concentric",
      concentric: function (node) { return node.data("center") ? 2 : 1; },
      levelWidth: function () { return 1; },
      minNodeSpacing: 46,
      padding: 16,
      animate: false,
    },
  });
  cy.on("tap", "node", function (event) {
    var url = event.target.data("url");
    if (url && !event.target.data("center")) {
      window.location.assign(url);
    }
  });
  container.dataset.nodes = String(cy.nodes().length);
})();
