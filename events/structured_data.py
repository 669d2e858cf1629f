"""schema.org `Event` JSON-LD of an event page, for search engines and other readers."""

import json

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from events.models import Audience, Event

# As django.utils.html.json_script: nothing in the data can close the <script> element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _moment(event: Event, value) -> str:
    if event.is_all_day:
        return value.isoformat()
    return timezone.localtime(value).isoformat()


def event_json_ld(event: Event, *, base_url: str) -> dict:
    """The event as a schema.org Event (status, attendance mode, place, organiser)."""
    places = []
    if event.has_place:
        place = {"@type": "Place", "name": event.place_name or event.address or ""}
        if event.address or event.neighbourhood_id:
            address = {"@type": "PostalAddress", "addressCountry": "NL"}
            if event.address:
                address["streetAddress"] = event.address
            if event.programme_id and event.programme.city:
                address["addressLocality"] = event.programme.city
            place["address"] = address
        if not place["name"] and event.neighbourhood_id:
            place["name"] = event.neighbourhood.name
        places.append(place)
    if event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    if places and event.online_url and event.has_place:
        mode = "MixedEventAttendanceMode"
    elif event.online_url:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": base_url + event.get_absolute_url(),
        "url": base_url + event.get_absolute_url(),
        "name": event.title,
        "startDate": _moment(event, event.start_date if event.is_all_day else event.starts_at),
        "endDate": _moment(event, event.end_date if event.is_all_day else event.ends_at),
        "eventStatus": "https://schema.org/"
        + ("EventCancelled" if event.is_cancelled else "EventScheduled"),
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "organizer": {
            "@type": "Organization",
            "name": event.organiser.name,
            "url": base_url + event.organiser.get_absolute_url(),
        },
        "dateModified": timezone.localtime(event.updated_at).isoformat(),
    }
    if event.description:
        data["description"] = event.description
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    audiences = [Audience(row.audience).label for row in event.audiences.all()]
    if audiences:
        data["audience"] = [{"@type": "Audience", "audienceType": str(a)} for a in audiences]
    if event.registration_url:
        data["offers"] = {"@type": "Offer", "url": event.registration_url}
    return data


def json_ld_script(data: dict) -> SafeString:
    """A <script type="application/ld+json"> element holding `data`, safely escaped."""
    text = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
