/* Choose a project's place by clicking a map (workspace project form). Progressive
   enhancement: without this script the latitude and longitude fields work as they are. */
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var picker = document.querySelector(".location-picker");
    if (!picker || !window.L) { return; }
    var latitude = document.getElementById(picker.dataset.latitude);
    var longitude = document.getElementById(picker.dataset.longitude);
    if (!latitude || !longitude) { return; }
    var status = picker.querySelector(".location-picker__status");
    var tiles = JSON.parse(document.getElementById("location-picker-tiles").textContent);
    picker.hidden = false;
    var map = L.map(picker.querySelector(".location-picker__map"), { scrollWheelZoom: false, minZoom: 10, maxZoom: 19, zoomSnap: 0.25 });
    map.setView([52.158, 4.49], 13);
    if (tiles.url) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 19 }).addTo(map);
    }
    var marker = null;

    function number(input) {
      var value = parseFloat((input.value || "").replace(",", "."));
      return isNaN(value) ? null : value;
    }

    function place(lat, lon) {
      if (marker) { marker.setLatLng([lat, lon]); }
      else { marker = L.circleMarker([lat, lon], { radius: 8, className: "location-picker__marker" }).addTo(map); }
    }

    function tickNeighbourhood(name) {
      var labels = document.querySelectorAll("label.form__choice");
      for (var i = 0; i < labels.length; i++) {
        var box = labels[i].querySelector("input[type=checkbox][name=neighbourhoods]");
        var text = labels[i].textContent.trim();  // "Name" or "Name (District)"
        if (box && (text === name || text.indexOf(name + " (") === 0)) {
          box.checked = true;
          var details = box.closest("details");
          if (details) { details.open = true; }
          return true;
        }
      }
      return false;
    }

    function choose(latlng, neighbourhood) {
      var lat = latlng.lat.toFixed(6), lon = latlng.lng.toFixed(6);
      latitude.value = lat;
      longitude.value = lon;
      place(latlng.lat, latlng.lng);
      var message = lat + ", " + lon;
      if (neighbourhood && tickNeighbourhood(neighbourhood)) { message += " — " + neighbourhood; }
      status.textContent = message;
    }

    fetch(picker.dataset.neighbourhoods).then(function (response) { return response.json(); }).then(function (data) {
      var layer = L.geoJSON(data, {
        style: function () { return { className: "map-area map-area--shade-0", weight: 1 }; },
        onEachFeature: function (feature, shape) {
          shape.bindTooltip(feature.properties.name, { sticky: true });
          shape.on("click", function (event) {
            L.DomEvent.stopPropagation(event);
            choose(event.latlng, feature.properties.name);
          });
        }
      }).addTo(map);
      map.invalidateSize();
      map.fitBounds(layer.getBounds());
    }).catch(function () { /* the map still takes clicks, without the neighbourhoods */ });

    map.on("click", function (event) { choose(event.latlng, null); });
    var lat = number(latitude), lon = number(longitude);
    if (lat !== null && lon !== null) { place(lat, lon); }
    [latitude, longitude].forEach(function (input) {
      input.addEventListener("change", function () {
        var la = number(latitude), lo = number(longitude);
        if (la !== null && lo !== null) { place(la, lo); map.panTo([la, lo]); }
      });
    });
  });
})();
