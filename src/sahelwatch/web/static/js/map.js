// The map page: country outlines from the world-atlas TopoJSON shipped with the
// app (no tile server), and one circle per place with events. Popups and
// tooltips are DOM elements filled with textContent, never HTML strings.
(function () {
  "use strict";
  var container = document.getElementById("map");
  var source = document.getElementById("map-data");
  if (!container || !source || typeof L === "undefined" || typeof topojson === "undefined") {
    return;
  }
  var points = JSON.parse(source.textContent);
  var AES = { "Mali": true, "Niger": true, "Burkina Faso": true };

  var map = L.map(container, { minZoom: 2, maxZoom: 9, zoomSnap: 0.5, worldCopyJump: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth (world-atlas)");
  map.setView([15, 2], 4);

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text != null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function popup(point) {
    var box = element("div", null, "map-popup");
    var title = element("a", point.name);
    title.href = point.url;
    var head = element("strong");
    head.append(title);
    box.append(head);
    var list = element("ul");
    point.events.slice(0, 12).forEach(function (ev) {
      var item = element("li");
      var link = element("a", ev.summary);
      link.href = ev.url;
      item.append(element("span", ev.date + " ", "date"), link);
      list.append(item);
    });
    box.append(list);
    if (point.events.length > 12) {
      box.append(element("p", "and " + (point.events.length - 12) + " more", "muted"));
    }
    return box;
  }

  // Rings crossing the antimeridian (Russia, Fiji) would draw a band across the
  // whole map; continuing their longitudes past 180 keeps each ring in one piece.
  function unwrap(geometry) {
    if (!geometry) {
      return;
    }
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") {
      return;
    }
    polygons.forEach(function (rings) {
      rings.forEach(function (ring) {
        for (var i = 1; i < ring.length; i++) {
          var step = ring[i][0] - ring[i - 1][0];
          if (step > 180) {
            ring[i][0] -= 360;
          } else if (step < -180) {
            ring[i][0] += 360;
          }
        }
      });
    });
  }

  var markers = L.featureGroup();
  points.forEach(function (point) {
    var marker = L.circleMarker([point.lat, point.lon], {
      radius: 6 + 3 * Math.sqrt(point.events.length),
      color: "#8c2d19",
      weight: 1.5,
      fillColor: "#d9572f",
      fillOpacity: 0.75,
      className: "event-marker",
    });
    marker.bindPopup(function () { return popup(point); }, { maxWidth: 360, maxHeight: 320 });
    var n = point.events.length;
    marker.bindTooltip(element("span", point.name + " · " + n + " event" + (n === 1 ? "" : "s")));
    markers.addLayer(marker);
  });
  markers.addTo(map);
  // Open on the region the events are about: the markers in Africa when there are any.
  var near = points.filter(function (p) { return p.lat > -36 && p.lat < 38 && p.lon > -26 && p.lon < 56; });
  var focus = near.length ? near : points;
  if (focus.length) {
    var bounds = L.latLngBounds(focus.map(function (p) { return [p.lat, p.lon]; }));
    map.fitBounds(bounds.pad(0.6), { maxZoom: 6 });
  }
  container.dataset.markers = String(points.length);

  fetch("/static/vendor/world-atlas/countries-50m.json")
    .then(function (response) {
      if (!response.ok) {
        throw new Error("country outlines: HTTP " + response.status);
      }
      return response.json();
    })
    .then(function (world) {
      var countries = topojson.feature(world, world.objects.countries);
      countries.features = countries.features.filter(function (f) {
        return !(f.properties && f.properties.name === "Antarctica");
      });
      countries.features.forEach(function (f) { unwrap(f.geometry); });
      var layer = L.geoJSON(countries, {
        interactive: false,
        style: function (feature) {
          var member = AES[feature.properties && feature.properties.name];
          return {
            color: "#7d8490",
            weight: member ? 1.2 : 0.6,
            fillColor: member ? "#f1d9a6" : "#f6f3ec",
            fillOpacity: 1,
          };
        },
      });
      layer.addTo(map);
      layer.bringToBack();
      container.dataset.outlines = String(countries.features.length);
    });
})();
