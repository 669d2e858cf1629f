/* The city map (/kaart/): Leaflet over the page's own GeoJSON layers, with a layer switch.
   Without this script (or without Leaflet) the page keeps its SVG map and lists. */
(function () {
  "use strict";

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/geo+json" } }).then(function (response) {
      if (!response.ok) { throw new Error(url + ": " + response.status); }
      return response.json();
    });
  }

  function link(url, text) {
    var anchor = document.createElement("a");
    anchor.href = url;
    anchor.textContent = text;
    return anchor;
  }

  function shade(count, most) {
    if (!count || !most) { return 0; }
    return Math.min(4, 1 + Math.floor(3 * count / most));
  }

  ready(function () {
    var container = document.getElementById("city-map");
    var configElement = document.getElementById("city-map-config");
    if (!container || !configElement || !window.L) { return; }
    var config = JSON.parse(configElement.textContent);
    var labels = config.labels;
    container.hidden = false;
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", document.getElementById("map-heading").textContent);
    var map = L.map(container, { scrollWheelZoom: false, minZoom: 10, maxZoom: 19, zoomSnap: 0.25 });
    map.setView([52.158, 4.49], 13);
    if (config.tiles.url) {
      L.tileLayer(config.tiles.url, { attribution: config.tiles.attribution, maxZoom: 19 }).addTo(map);
    }
    var overlays = {};
    // Open beside the map on a wide screen; on a phone folded into a button, not over the map.
    var control = L.control.layers(null, {}, { collapsed: container.clientWidth < 600 }).addTo(map);
    var toggle = control.getContainer().querySelector(".leaflet-control-layers-toggle");
    if (toggle) {
      toggle.title = labels.layers;
      toggle.setAttribute("aria-label", labels.layers);
    }

    function add(name, layer, shown) {
      overlays[name] = layer;
      control.addOverlay(layer, name);
      if (shown) { layer.addTo(map); }
    }

    Promise.all([
      getJSON(config.layers.districts),
      getJSON(config.layers.neighbourhoods),
      getJSON(config.layers.cityscapes),
      getJSON(config.layers.projects)
    ]).then(function (layers) {
      var districts = layers[0], neighbourhoods = layers[1], cityscapes = layers[2], projects = layers[3];
      var most = 0, mostQuestions = 0;
      neighbourhoods.features.forEach(function (feature) {
        most = Math.max(most, feature.properties.projects);
        mostQuestions = Math.max(mostQuestions, feature.properties.questions);
      });
      var neighbourhoodLayer = L.geoJSON(neighbourhoods, {
        style: function (feature) {
          return { className: "map-area map-area--shade-" + shade(feature.properties.projects, most), weight: 1 };
        },
        onEachFeature: function (feature, layer) {
          var p = feature.properties;
          layer.bindTooltip(p.name + " (" + p.projects + " " + labels.project_count + ")", { sticky: true });
          var popup = document.createElement("p");
          popup.appendChild(link(p.url, p.name));
          popup.appendChild(document.createTextNode(": " + p.projects + " " + labels.project_count));
          layer.bindPopup(popup);
        }
      });
      var districtLayer = L.geoJSON(districts, {
        style: function () { return { className: "map-district", weight: 2, fill: false }; },
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(feature.properties.name, { permanent: true, direction: "center", className: "map-label" });
        }
      });
      var cityscapeLayer = L.geoJSON(cityscapes, {
        style: function () { return { className: "map-cityscape", weight: 2, dashArray: "6 4" }; },
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(feature.properties.name, { sticky: true });
        }
      });
      var questionLayer = L.layerGroup();
      neighbourhoods.features.forEach(function (feature) {
        var p = feature.properties;
        if (!p.questions || !p.centre) { return; }
        L.circleMarker([p.centre[1], p.centre[0]], {
          radius: 6 + 10 * Math.sqrt(p.questions / mostQuestions),
          className: "map-questions"
        }).bindTooltip(p.name + ": " + p.questions + " " + labels.question_count).addTo(questionLayer);
      });
      var projectLayer = L.layerGroup();
      var byCentre = {};  // projects without a point of their own, gathered per neighbourhood
      projects.features.forEach(function (feature) {
        var p = feature.properties;
        if (!feature.geometry) { return; }
        if (p.precision === "point") {
          var place = feature.geometry.coordinates;
          var popup = document.createElement("p");
          popup.appendChild(link(p.url, p.title));
          popup.appendChild(document.createElement("br"));
          popup.appendChild(document.createTextNode(p.theme));
          L.circleMarker([place[1], place[0]], { radius: 7, className: "map-project theme-" + p.theme_slug })
            .bindPopup(popup).bindTooltip(p.title).addTo(projectLayer);
          return;
        }
        feature.geometry.coordinates.forEach(function (centre) {
          var key = centre.join(",");
          (byCentre[key] = byCentre[key] || { centre: centre, projects: [] }).projects.push(p);
        });
      });
      Object.keys(byCentre).forEach(function (key) {
        var group = byCentre[key];
        var list = document.createElement("ul");
        group.projects.slice(0, 10).forEach(function (p) {
          var item = document.createElement("li");
          item.appendChild(link(p.url, p.title));
          list.appendChild(item);
        });
        if (group.projects.length > 10) {
          var more = document.createElement("li");
          more.textContent = "… +" + (group.projects.length - 10);
          list.appendChild(more);
        }
        var body = document.createElement("div");
        body.appendChild(list);
        L.circleMarker([group.centre[1], group.centre[0]], {
          radius: 5 + Math.min(8, group.projects.length),
          className: "map-project map-project--approximate"
        }).bindPopup(body).bindTooltip(group.projects.length + " " + labels.project_count).addTo(projectLayer);
      });
      add(labels.neighbourhoods, neighbourhoodLayer, true);
      add(labels.districts, districtLayer, false);
      add(labels.cityscapes, cityscapeLayer, true);
      add(labels.questions, questionLayer, false);
      add(labels.projects, projectLayer, true);
      if (neighbourhoodLayer.getLayers().length) {
        map.invalidateSize();
        map.fitBounds(neighbourhoodLayer.getBounds());
      }
      var vector = document.querySelector(".city-map__vector");
      if (vector) { vector.hidden = true; }
      container.classList.add("is-ready");
    }).catch(function () {
      container.hidden = true;  // the SVG map stays
    });
  });
})();
